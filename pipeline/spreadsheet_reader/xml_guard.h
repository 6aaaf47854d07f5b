// A fast pre-scan of XML text before it is handed to the parser: rejects
// DOCTYPE/ENTITY declarations (entity-expansion bombs), nesting deeper than a
// limit and absurdly long text runs, without building anything in memory.
#pragma once

#include <cstddef>
#include <string_view>

namespace qd {

enum class XmlGuardResult { Ok, Doctype, TooDeep, TextTooLong, Broken };

// Scans `xml` once. `max_text_bytes` bounds one run of character data
// (between two tags, or one CDATA section).
XmlGuardResult check_xml(std::string_view xml, int max_depth, size_t max_text_bytes);

}  // namespace qd
