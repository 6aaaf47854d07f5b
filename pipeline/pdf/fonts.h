// Fonts by role (title, body, headings, page numbers), read from
// fonts/fonts.toml: each role is a list of candidate files (with a face
// index for .ttc); the first installed one serves the role, and a character
// it lacks falls back, per character, to the next candidate that has it and
// then to any other installed candidate. Parsed fonts stay in memory across
// documents.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "typeset/line.h"
#include "typeset/role.h"

namespace qd::pdf {

// "title", "body", "heading1", "heading2", "number" — the keys in fonts.toml.
std::string_view role_key(Role role);

class FontLibrary {
 public:
  // Reads the configuration and opens the first installed candidate of every
  // role. An error names the role that has no installed font.
  static Result<std::unique_ptr<FontLibrary>> load(const std::string& config_path);
  virtual ~FontLibrary();

  // Widths for a role, with per-character fallback (negative: no font).
  virtual const ts::Metrics& metrics(Role role) const = 0;
  // Index of the font (into fonts()) that draws `cp` in `role`, or -1 when
  // no installed font has it or it is above U+FFFF (libharu cannot draw it).
  virtual int font_for(Role role, char32_t cp) const = 0;
  // Every font file in use: path and face index (for logs, hashes, tests).
  struct FontFile {
    std::string path;
    int index = 0;
    std::string family;  // as named in the font
  };
  virtual const std::vector<FontFile>& fonts() const = 0;
};

}  // namespace qd::pdf
