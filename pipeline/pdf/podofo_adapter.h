// The one place that knows PoDoFo (0.9.8; its API changes between versions).
// Internal to pipeline/pdf (namespace detail): post-processes libharu's
// output — rewrites the ToUnicode CMaps, marks the embedded fonts as
// subsets, writes the document properties and the bookmark tree, and makes
// the bytes deterministic. Public (namespace pdf): joins finished PDFs into
// one with one bookmark tree (the leaders' report and the county booklet).
#pragma once

#include <cstdint>
#include <functional>
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

namespace qd::pdf {

// The bookmark tree of a PDF, with 0-based page indexes (a bookmark whose
// target is not a page of the document points at page 0); empty when the
// PDF has none.
Result<std::vector<Outline>> read_outlines(const std::string& pdf);

// The number of pages of a PDF.
Result<int> count_pages(const std::string& pdf);

// Joins PDFs, their pages in order. The parts' own bookmarks are removed
// (objects and all); `outlines` (0-based page indexes into the joined
// document) become the one bookmark tree. The Info dictionary is set from
// `info`, its date as both creation and modification date (no clock); the
// trailer /ID is a hash of the content. Objects are never garbage-collected
// (the parts' catalogs stay behind, unreferenced), so the bytes are a
// function of the parts, the outlines and the info.
Result<std::string> append_pdfs(const std::vector<std::string>& parts,
                                const std::vector<Outline>& outlines, const DocumentInfo& info);

// One part of a joined document as append_pdfs() found it: its own bookmark
// tree (0-based pages of the part), its first page in the joined document
// and its number of pages.
struct JoinedPart {
  std::vector<Outline> outlines;
  int first_page = 0;
  int pages = 0;
};

// Makes the joined document's bookmark tree from its parts' (in order).
using JoinOutlines = std::function<std::vector<Outline>(const std::vector<JoinedPart>& parts)>;

// append_pdfs() with the bookmark tree made by `join` from the parts' own
// trees, read while each part is loaded (every part is parsed once; for a
// booklet of thousands of pages read_outlines() first would parse it twice).
Result<std::string> append_pdfs(const std::vector<std::string>& parts, const JoinOutlines& join,
                                const DocumentInfo& info);

// append_pdfs() written to `path` through a temporary file beside it that is
// then renamed over it, so a reader never sees half a file.
Status write_appended_pdf(const std::string& path, const std::vector<std::string>& parts,
                          const std::vector<Outline>& outlines, const DocumentInfo& info);
Status write_appended_pdf(const std::string& path, const std::vector<std::string>& parts,
                          const JoinOutlines& join, const DocumentInfo& info);

}  // namespace qd::pdf
