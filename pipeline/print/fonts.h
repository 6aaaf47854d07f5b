// The printing kit's fonts: the font library of fonts/fonts.toml (one font
// per Role, the office's licensed fonts where installed), loaded once per
// process and shared by every PDF writer, and its widths per role for the
// layout.
#pragma once

#include <string>

#include "base/error.h"
#include "layout/page.h"
#include "pdf/fonts.h"

namespace qd::print {

// The font library of a configuration, loaded once per process and kept.
Result<const pdf::FontLibrary*> fonts(const std::string& config_path);

// Whether a character can be printed: a font of the body role has it (the
// others fall back to the same candidates).
bool printable(const pdf::FontLibrary& lib, char32_t cp);

// Widths per role from a font library, for the layout.
layout::Fonts metrics(const pdf::FontLibrary& lib);

// The widths of one role's font of a configuration (the process-wide
// library, kept): for documents set by another program (.docx titles);
// null when the configuration cannot be read.
const ts::Metrics* role_metrics(const std::string& config_path, Role role);

}  // namespace qd::print
