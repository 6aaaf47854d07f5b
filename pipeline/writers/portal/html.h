// Small HTML helpers of the portal: escaping, percent-encoded link segments,
// safe file names and the page template.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace qd::portal {

// Escapes & < > " ' for text and attribute values (also valid in SVG/XML).
std::string escape(std::string_view text);

// Escapes text and turns line breaks into <br>.
std::string escape_lines(std::string_view text);

// Percent-encodes one path segment (RFC 3986: everything but unreserved
// ASCII), so a department name with '#', '?', '%' or '/' stays one segment.
std::string url_segment(std::string_view text);

// A relative file path as a URL path: each segment percent-encoded
// ("notices/涿鹿县民政局/a b.pdf" → "notices/%E6…/a%20b.pdf").
std::string url_path(std::string_view rel);

// Fills `{{key}}` placeholders of a template in one pass: the values are
// inserted as given (already escaped) and never scanned again; an unknown
// key is left as it is.
std::string fill(std::string_view tmpl, const std::map<std::string, std::string>& values);

}  // namespace qd::portal
