// Internal to pipeline/pdf: the one place that knows PoDoFo (0.9.8; its API
// changes between versions). Post-processes libharu's output: rewrites the
// ToUnicode CMaps, marks the embedded fonts as subsets, writes the document
// properties and the bookmark tree, and makes the bytes deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "pdf/document.h"

namespace qd::pdf::detail {

// One embedded font as libharu wrote it.
struct FontFix {
  std::string base_font;  // libharu's font name (the PostScript name); the
                          // Type0 /BaseFont starts with it
  std::string tag;        // six capital letters, the subset tag
  // CID (= glyph id in the subset) → Unicode, sorted by CID.
  std::vector<std::pair<uint16_t, char32_t>> cid_unicode;
};

struct PostProcess {
  DocumentInfo info;
  std::vector<Outline> outlines;
  std::vector<FontFix> fonts;
};

// Returns the finished PDF. Never collects garbage (object numbers stay as
// libharu wrote them); the trailer /ID is a hash of the content.
Result<std::string> podofo_finish(const std::string& pdf, const PostProcess& post);

// The ToUnicode CMap for a CID → Unicode map (bfrange/bfchar).
std::string to_unicode_cmap(const std::vector<std::pair<uint16_t, char32_t>>& cid_unicode);

}  // namespace qd::pdf::detail
