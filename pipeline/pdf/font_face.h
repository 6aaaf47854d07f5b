// Internal to pipeline/pdf: an opened font face (HarfBuzz), shared by every
// FontLibrary and Document of the process. Faces are opened once per
// (path, index), never closed, and immutable after opening, so they may be
// read from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <hb.h>

#include "base/error.h"

struct hb_face_t;

namespace qd::pdf::detail {

struct Face {
  std::string path;
  int index = 0;
  std::string family;      // name ID 1 (English if present)
  std::string postscript;  // name ID 6
  hb_face_t* face = nullptr;
  unsigned upem = 1000;
  // Basic Multilingual Plane only (libharu cannot draw above U+FFFF):
  // glyph id per code point (0: not in the font) and advance in em.
  std::vector<uint32_t> gid;
  std::vector<float> advance;

  bool has(char32_t cp) const { return cp < 0x10000 && gid[cp] != 0; }

  Face() = default;
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;
  // Releases the HarfBuzz face.
  ~Face() { hb_face_destroy(face); }
};

// Opens (or returns the cached) face. Fails when the file is missing, is not
// a font, has no such face index or has no TrueType outlines (glyf).
Result<const Face*> open_face(const std::string& path, int index);

// A subset of `face` holding exactly `cps` (all in the face), as a TrueType
// file with cmap, glyf, loca, hmtx, hhea, head, maxp, post, name and OS/2.
// `gid_of` receives, parallel to `cps`, the glyph id of each code point in
// the subset.
Result<std::string> subset_face(const Face& face, const std::vector<char32_t>& cps,
                                std::vector<uint16_t>* gid_of);

}  // namespace qd::pdf::detail
