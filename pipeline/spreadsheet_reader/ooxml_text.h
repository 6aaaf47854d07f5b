// Text decoding specific to Office Open XML cell text.
#pragma once

#include <string>
#include <string_view>

namespace qd {

// Decodes the `_xHHHH_` escapes that Excel writes for characters XML cannot
// carry (e.g. "_x000D_" for CR; "_x005F_" escapes a literal '_'), combines
// escaped surrogate pairs, and normalises CR LF and lone CR to LF.
std::string decode_ooxml_text(std::string_view s);

// Normalises CR LF and lone CR to LF.
std::string normalize_newlines(std::string_view s);

}  // namespace qd
