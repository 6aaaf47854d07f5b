// The only file that includes PoDoFo headers (0.9.8 API).
#include "pdf/podofo_adapter.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <streambuf>
#include "base/files.h"

namespace qd::pdf::detail {

namespace {

using namespace PoDoFo;

PdfString utf8_string(const std::string& s) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

std::string pdf_date(const Date& d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d000000+08'00'", d.year, d.month, d.day);
  return buf;
}

void utf16_hex(char32_t cp, std::string& out) {
  char buf[16];
  if (cp >= 0x10000) {
    char32_t v = cp - 0x10000;
    std::snprintf(buf, sizeof buf, "%04X%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
  } else {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  }
  out += buf;
}

PdfObject* resolve(PdfVecObjects& objs, PdfObject* o) {
  while (o && o->IsReference()) o = objs.GetObject(o->GetReference());
  return o;
}

PdfObject* key(PdfVecObjects& objs, PdfObject* dict, const char* name) {
  if (!dict || !dict->IsDictionary()) return nullptr;
  return resolve(objs, dict->GetDictionary().GetKey(PdfName(name)));
}

bool is_name(PdfObject* o, const char* name) {
  return o && o->IsName() && o->GetName().GetName() == name;
}

// "ABCDEF+Name" → "Name".
std::string untagged(const std::string& name) {
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    return name.substr(7);
  return name;
}

void set_stream(PdfObject* obj, const std::string& data) {
  obj->GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()));
}

// A read-only, seekable stream over bytes held by the caller: PoDoFo's own
// buffer device copies a document twice before parsing it.
class BytesView : public std::streambuf {
 public:
  explicit BytesView(const std::string& bytes) {
    char* p = const_cast<char*>(bytes.data());
    setg(p, p, p + bytes.size());
  }

 protected:
  // Moves the read position (reading only), as std::stringbuf does.
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
    if (!(which & std::ios_base::in)) return pos_type(off_type(-1));
    const off_type size = egptr() - eback();
    const off_type base = dir == std::ios_base::beg ? 0 : dir == std::ios_base::cur ? gptr() - eback() : size;
    const off_type to = base + off;
    if (to < 0 || to > size) return pos_type(off_type(-1));
    setg(eback(), eback() + to, egptr());
    return pos_type(to);
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

// A document parsed from bytes that outlive it (PoDoFo reads objects from
// them on demand), without copying them.
struct Loaded {
  BytesView view;
  std::istream in;
  PdfMemDocument doc;

  explicit Loaded(const std::string& bytes) : view(bytes), in(&view) {
    doc.LoadFromDevice(PdfRefCountedInputDevice(new PdfInputDevice(&in)));
  }
};

// Calls visit(page, chain) for every page below the page tree node `node`,
// in document order; `chain` holds the /Pages nodes from the root down to
// the page's parent. Like PdfPagesTree, a node is a page or a node by its
// /Type; anything else is skipped. Each object is visited once (no cycles).
template <class Visit>
void walk_pages(PdfVecObjects& objs, PdfObject* node, std::vector<PdfObject*>& chain,
                std::set<PdfReference>& seen, const Visit& visit) {
  if (!node || !node->IsDictionary() || chain.size() > 256) return;
  if (node->Reference().ObjectNumber() > 0 && !seen.insert(node->Reference()).second) return;
  PdfObject* type = key(objs, node, "Type");
  if (is_name(type, "Page")) {
    visit(node, chain);
    return;
  }
  if (!is_name(type, "Pages")) return;
  PdfObject* kids = key(objs, node, "Kids");
  if (!kids || !kids->IsArray()) return;
  chain.push_back(node);
  for (PdfObject& kid : kids->GetArray()) walk_pages(objs, resolve(objs, &kid), chain, seen, visit);
  chain.pop_back();
}

// The page objects of a document in order, from one walk of its page tree
// (PdfDocument::GetPage(i) walks the tree again for every page it has not
// cached: O(pages²) over a whole document).
std::vector<PdfObject*> page_objects(PdfMemDocument& doc) {
  std::vector<PdfObject*> pages, chain;
  std::set<PdfReference> seen;
  walk_pages(doc.GetObjects(), doc.GetPagesTree()->GetObject(), chain, seen,
             [&](PdfObject* page, const std::vector<PdfObject*>&) { pages.push_back(page); });
  return pages;
}

// Adds bookmarks below `parent`, each to a page of `pages` (the document's
// page objects in order). The destination is made from the page object
// itself, as PdfDestination(doc.GetPage(i)) would, without PoDoFo's lookup
// by index (a walk of the page tree per uncached page).
void add_outlines(PdfOutlineItem* parent, const std::vector<Outline>& list,
                  const std::vector<PdfObject*>& pages) {
  const std::deque<PdfObject*> no_parents;
  for (const Outline& o : list) {
    int page = std::clamp(o.page, 0, static_cast<int>(pages.size()) - 1);
    PdfPage target(pages[page], no_parents);
    PdfDestination dest(&target, ePdfDestinationFit_Fit);
    PdfOutlineItem* item = parent->CreateChild(utf8_string(o.title), dest);
    if (!o.children.empty()) add_outlines(item, o.children, pages);
  }
}

// 128-bit content hash (two independent 64-bit FNV-1a), as 32 hex digits.
std::string content_hash(std::string_view bytes) {
  uint64_t a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
  for (unsigned char c : bytes) {
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 0x100000001b3ull ^ (b >> 29);
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llX%016llX", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

// PoDoFo derives /ID from the Info dictionary; replace both strings, in
// place, by a hash of everything before the trailer.
void content_id(std::string& pdf) {
  size_t trailer = pdf.rfind("trailer");
  if (trailer == std::string::npos) return;
  size_t id = pdf.find("/ID", trailer);
  if (id == std::string::npos) return;
  std::string h = content_hash(std::string_view(pdf).substr(0, trailer));
  size_t pos = id;
  for (int n = 0; n < 2; ++n) {
    size_t open = pdf.find('<', pos), close = open == std::string::npos ? open : pdf.find('>', open);
    if (close == std::string::npos) return;
    for (size_t i = open + 1, k = 0; i < close; ++i, ++k) pdf[i] = h[k % h.size()];
    pos = close + 1;
  }
}

// Writes the document properties, with fixed dates.
void set_info(PdfMemDocument& doc, const DocumentInfo& in) {
  PdfInfo* info = doc.GetInfo();
  PdfDictionary& dict = info->GetObject()->GetDictionary();
  if (!in.title.empty()) info->SetTitle(utf8_string(in.title));
  if (!in.author.empty()) info->SetAuthor(utf8_string(in.author));
  if (!in.subject.empty()) info->SetSubject(utf8_string(in.subject));
  if (!in.keywords.empty()) info->SetKeywords(utf8_string(in.keywords));
  info->SetCreator(PdfString("qingdan"));
  info->SetProducer(PdfString("qingdan (libharu 2.3.0, PoDoFo 0.9.8)"));
  if (in.date.valid()) {
    std::string date = pdf_date(in.date);
    dict.AddKey(PdfName("CreationDate"), PdfString(date));
    dict.AddKey(PdfName("ModDate"), PdfString(date));
  } else {
    dict.RemoveKey(PdfName("CreationDate"));
    dict.RemoveKey(PdfName("ModDate"));
  }
}

// Sets the bookmark tree (the catalog must have no /Outlines of its own
// left, or the cached root must be the one in the catalog).
void set_outlines(PdfMemDocument& doc, const std::vector<Outline>& outlines) {
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  const std::vector<PdfObject*> pages =
      outlines.empty() ? std::vector<PdfObject*>{} : page_objects(doc);
  if (!outlines.empty() && !pages.empty()) {
    PdfOutlines* root = doc.GetOutlines(true);
    catalog.AddKey(PdfName("Outlines"), root->GetObject()->Reference());
    add_outlines(root, outlines, pages);
    catalog.AddKey(PdfName("PageMode"), PdfName("UseOutlines"));
  } else {
    catalog.RemoveKey(PdfName("Outlines"));
    catalog.RemoveKey(PdfName("PageMode"));
  }
}

// The document's bytes, with the content-hash /ID; `expect` is about its
// size (room is made for it up front, and the bytes are moved out, not
// copied).
std::string write_bytes(PdfMemDocument& doc, size_t expect) {
  std::string room;
  room.reserve(expect + expect / 8 + 4096);
  std::ostringstream os(std::move(room));
  {
    PdfOutputDevice device(&os);
    doc.Write(&device);
    device.Flush();
  }
  std::string out = std::move(os).str();
  content_id(out);
  return out;
}

// Every object of a bookmark tree below `item` (its /First chain, depth
// first), into `refs`. Guards against cycles.
void outline_objects(PdfVecObjects& objs, PdfObject* item, std::vector<PdfReference>& refs) {
  for (PdfObject* o = item; o && o->IsDictionary(); o = key(objs, o, "Next")) {
    if (std::find(refs.begin(), refs.end(), o->Reference()) != refs.end()) return;
    refs.push_back(o->Reference());
    outline_objects(objs, key(objs, o, "First"), refs);
  }
}

// Removes a loaded document's bookmarks: the /Outlines entry of its catalog
// and the objects of the tree (marked free, so object numbers stay put).
void strip_outlines(PdfMemDocument& doc) {
  PdfVecObjects& objs = doc.GetObjects();
  PdfObject* catalog = doc.GetCatalog();
  PdfObject* root = key(objs, catalog, "Outlines");
  std::vector<PdfReference> refs;
  if (root && root->IsDictionary()) {
    refs.push_back(root->Reference());
    outline_objects(objs, key(objs, root, "First"), refs);
  }
  catalog->GetDictionary().RemoveKey(PdfName("Outlines"));
  catalog->GetDictionary().RemoveKey(PdfName("PageMode"));
  for (const PdfReference& r : refs)
    if (r.ObjectNumber() > 0) delete objs.RemoveObject(r, true);
}

// Removes the copies of the appended parts' Info dictionaries that
// PdfDocument::Append leaves behind, unreferenced (PoDoFo stamps them with
// the clock's ModDate): every dictionary with a CreationDate or ModDate
// other than the document's own Info.
void drop_foreign_info(PdfMemDocument& doc) {
  PdfVecObjects& objs = doc.GetObjects();
  const PdfReference own = doc.GetInfo()->GetObject()->Reference();
  std::vector<PdfReference> foreign;
  for (PdfObject* o : objs)
    if (o && o->IsDictionary() && o->Reference() != own &&
        (o->GetDictionary().HasKey(PdfName("ModDate")) || o->GetDictionary().HasKey(PdfName("CreationDate"))))
      foreign.push_back(o->Reference());
  for (const PdfReference& r : foreign) delete objs.RemoveObject(r, true);
}

// Adds `difference` to the object number of every reference in `obj`
// (itself, or inside its dictionaries and arrays), as PdfDocument::Append
// renumbers what it copies.
void fix_references(PdfObject& obj, unsigned difference) {
  if (obj.IsReference()) {
    const PdfReference& r = obj.GetReference();
    static_cast<PdfVariant&>(obj) =
        PdfVariant(PdfReference(r.ObjectNumber() + difference, r.GenerationNumber()));
  } else if (obj.IsDictionary()) {
    for (auto& [name, value] : obj.GetDictionary().GetKeys()) fix_references(*value, difference);
  } else if (obj.IsArray()) {
    for (PdfObject& value : obj.GetArray()) fix_references(value, difference);
  }
}

// A page's attribute, its own or inherited along /Parent, as
// PdfPage::GetInheritedKey finds it (a null value of its own is returned
// when there is no parent to ask).
const PdfObject* inherited(const PdfObject* obj, const PdfName& name, int depth = 0) {
  const PdfDictionary& dict = obj->GetDictionary();
  const PdfObject* value = nullptr;
  if (dict.HasKey(name)) {
    value = dict.GetKey(name);
    if (!value->IsNull()) return value;
  }
  if (dict.HasKey(PdfName("Parent"))) {
    if (depth > 1000) PODOFO_RAISE_ERROR(ePdfError_ValueOutOfRange);
    const PdfObject* parent = obj->GetIndirectKey(PdfName("Parent"));
    if (parent == obj) PODOFO_RAISE_ERROR(ePdfError_BrokenFile);
    value = parent && parent->IsDictionary() ? inherited(parent, name, depth + 1) : nullptr;
  }
  return value;
}

// Puts `pages` after the document's last page (`at_end`) or before its
// first, in that page's /Pages node (the root when the document has none):
// what PdfPagesTree::InsertPage does one page at a time — the node's /Kids
// grows, every node above counts the new pages, each page gets its /Parent
// — in one walk of the tree instead of one per page.
void insert_pages(PdfMemDocument& doc, const std::vector<PdfObject*>& pages, bool at_end) {
  if (pages.empty()) return;
  PdfObject* root = doc.GetPagesTree()->GetObject();
  std::vector<PdfObject*> chain{root}, walk;
  PdfObject* neighbour = nullptr;  // the last page, or the first
  std::set<PdfReference> seen;
  walk_pages(doc.GetObjects(), root, walk, seen,
             [&](PdfObject* page, const std::vector<PdfObject*>& parents) {
               if (!at_end && neighbour) return;
               neighbour = page;
               chain = parents;
             });
  PdfObject* node = chain.back();
  PdfObject* old_kids = node->GetIndirectKey(PdfName("Kids"));
  PdfArray kids;
  if (old_kids && old_kids->IsArray()) kids = old_kids->GetArray();
  // Next to that page; before everything when there is none.
  size_t at = 0;
  if (neighbour) {
    for (size_t i = 0; i < kids.size(); ++i)
      if (kids[i].IsReference() && kids[i].GetReference() == neighbour->Reference())
        at = at_end ? i + 1 : i;
  }
  PdfArray refs;
  refs.reserve(pages.size());
  for (PdfObject* page : pages) refs.push_back(page->Reference());
  kids.insert(kids.begin() + static_cast<std::ptrdiff_t>(at), refs.begin(), refs.end());
  node->GetDictionary().AddKey(PdfName("Kids"), kids);
  for (PdfObject* n : chain) {
    PdfObject* count = n->GetIndirectKey(PdfName("Count"));
    pdf_int64 before = count && count->IsNumber() ? count->GetNumber() : 0;
    n->GetDictionary().AddKey(PdfName("Count"),
                              PdfVariant(before + static_cast<pdf_int64>(pages.size())));
  }
  for (PdfObject* page : pages) page->GetDictionary().AddKey(PdfName("Parent"), node->Reference());
  doc.GetPagesTree()->ClearCache();
}

// Copies the objects of `part` (its pages: `part_pages`, in order) into
// `doc` as PdfDocument::Append(part, true) does — renumbered after doc's,
// each page with its inherited attributes — and returns the copied pages,
// which insert_pages() then puts into doc's page tree. Unlike Append, it
// does not look every page up by index, which walks both page trees once
// per page (O(pages²): seconds for a booklet of thousands of pages).
std::vector<PdfObject*> copy_part(PdfMemDocument& doc, PdfMemDocument& part,
                                  const std::vector<PdfObject*>& part_pages) {
  PdfVecObjects& objs = doc.GetObjects();
  const unsigned difference =
      static_cast<unsigned>(objs.GetSize() + objs.GetFreeObjects().size());
  doc.Append(part, false);  // the objects only
  static const char* const kInherited[] = {"Resources", "MediaBox", "CropBox", "Rotate"};
  std::vector<PdfObject*> added;
  for (PdfObject* page : part_pages) {
    const PdfReference& r = page->Reference();
    PdfObject* copy = objs.GetObject(PdfReference(r.ObjectNumber() + difference, r.GenerationNumber()));
    if (!copy || !copy->IsDictionary()) PODOFO_RAISE_ERROR(ePdfError_PageNotFound);
    copy->GetDictionary().RemoveKey(PdfName("Parent"));
    for (const char* name : kInherited) {
      if (const PdfObject* value = inherited(page, PdfName(name))) {
        PdfObject attribute(*value);
        fix_references(attribute, difference);
        copy->GetDictionary().AddKey(PdfName(name), attribute);
      }
    }
    added.push_back(copy);
  }
  return added;
}

// The page a bookmark points at (0-based), from /Dest or a GoTo action; -1
// when it is not a page of the document.
int outline_page(PdfVecObjects& objs, PdfObject* item, const std::map<PdfReference, int>& pages) {
  PdfObject* dest = key(objs, item, "Dest");
  if (!dest) {
    PdfObject* action = key(objs, item, "A");
    if (is_name(key(objs, action, "S"), "GoTo")) dest = key(objs, action, "D");
  }
  if (!dest || !dest->IsArray() || dest->GetArray().empty()) return -1;
  const PdfObject& target = dest->GetArray()[0];
  if (!target.IsReference()) return -1;
  auto it = pages.find(target.GetReference());
  return it == pages.end() ? -1 : it->second;
}

// Reads the bookmarks from `item` along its /Next chain.
void read_items(PdfVecObjects& objs, PdfObject* item, const std::map<PdfReference, int>& pages,
                std::vector<Outline>& out, int depth) {
  for (PdfObject* o = item; o && o->IsDictionary() && depth < 64; o = key(objs, o, "Next")) {
    Outline ol;
    PdfObject* title = key(objs, o, "Title");
    if (title && title->IsString()) ol.title = title->GetString().GetStringUtf8();
    ol.page = std::max(0, outline_page(objs, o, pages));
    read_items(objs, key(objs, o, "First"), pages, ol.children, depth + 1);
    out.push_back(std::move(ol));
    if (out.size() > 1000000) return;
  }
}

// A loaded document's bookmark tree; `pages` are its page objects in order.
std::vector<Outline> tree_of(PdfMemDocument& doc, const std::vector<PdfObject*>& pages) {
  PdfVecObjects& objs = doc.GetObjects();
  std::map<PdfReference, int> index;
  for (size_t i = 0; i < pages.size(); ++i) index.emplace(pages[i]->Reference(), static_cast<int>(i));
  std::vector<Outline> out;
  PdfObject* root = key(objs, doc.GetCatalog(), "Outlines");
  if (root) read_items(objs, key(objs, root, "First"), index, out, 0);
  return out;
}

void quiet_podofo() {
  static std::once_flag quiet;
  std::call_once(quiet, [] {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
  });
}

Error podofo_error(const PdfError& e, const std::string& what) {
  const char* msg = PdfError::ErrorMessage(e.GetError());
  return make_error(Place{}, what + "（PoDoFo：" + (msg ? msg : "?") + "）");
}

}  // namespace

std::string to_unicode_cmap(const std::vector<std::pair<uint16_t, char32_t>>& map) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // Ranges: consecutive CIDs with consecutive BMP code points in one
  // 256-block (a bfrange may not cross the last byte).
  struct Range {
    uint16_t first, last;
    char32_t uni;
  };
  std::vector<Range> ranges;
  for (const auto& [cid, uni] : map) {
    if (!ranges.empty()) {
      Range& r = ranges.back();
      if (cid == r.last + 1 && (cid & 0xFF) != 0 && uni == r.uni + (cid - r.first) &&
          uni < 0x10000 && ((uni & 0xFF) != 0)) {
        r.last = cid;
        continue;
      }
    }
    ranges.push_back({cid, cid, uni});
  }
  std::vector<Range> singles, multi;
  for (const Range& r : ranges) (r.first == r.last ? singles : multi).push_back(r);
  char buf[64];
  for (size_t i = 0; i < multi.size(); i += 100) {
    size_t n = std::min<size_t>(100, multi.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) {
      std::snprintf(buf, sizeof buf, "<%04X> <%04X> <", multi[k].first, multi[k].last);
      out += buf;
      utf16_hex(multi[k].uni, out);
      out += ">\n";
    }
    out += "endbfrange\n";
  }
  for (size_t i = 0; i < singles.size(); i += 100) {
    size_t n = std::min<size_t>(100, singles.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      std::snprintf(buf, sizeof buf, "<%04X> <", singles[k].first);
      out += buf;
      utf16_hex(singles[k].uni, out);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

Result<std::string> podofo_finish(const std::string& pdf, const PostProcess& post) {
  quiet_podofo();
  try {
    Loaded loaded(pdf);
    PdfMemDocument& doc = loaded.doc;
    PdfVecObjects& objs = doc.GetObjects();

    // Fonts: correct ToUnicode CMaps and subset tags.
    std::vector<PdfObject*> type0;
    for (PdfObject* obj : objs)
      if (obj && obj->IsDictionary() && is_name(key(objs, obj, "Type"), "Font") &&
          is_name(key(objs, obj, "Subtype"), "Type0"))
        type0.push_back(obj);
    for (PdfObject* font : type0) {
      PdfObject* base = key(objs, font, "BaseFont");
      if (!base || !base->IsName()) continue;
      // libharu tags its fonts "HPDFAA+<name>", "HPDFAB+<name>", …
      std::string name = untagged(base->GetName().GetName());
      const FontFix* fix = nullptr;
      for (const FontFix& f : post.fonts)
        if (name == f.base_font) fix = &f;
      if (!fix) continue;
      std::string cmap = to_unicode_cmap(fix->cid_unicode);
      PdfObject* tu = key(objs, font, "ToUnicode");
      if (tu) {
        set_stream(tu, cmap);
      } else {
        PdfObject* s = objs.CreateObject();
        set_stream(s, cmap);
        font->GetDictionary().AddKey(PdfName("ToUnicode"), s->Reference());
      }
      // Our own tag, a hash of the subset, instead of libharu's counter, so
      // that different subsets never share a name.
      const std::string prefix = fix->tag + "+";
      font->GetDictionary().AddKey(PdfName("BaseFont"), PdfName(prefix + name));
      PdfObject* desc = key(objs, font, "DescendantFonts");
      if (desc && desc->IsArray()) {
        for (PdfObject& d : desc->GetArray()) {
          PdfObject* cid = resolve(objs, &d);
          if (!cid || !cid->IsDictionary()) continue;
          PdfObject* cb = key(objs, cid, "BaseFont");
          if (cb && cb->IsName())
            cid->GetDictionary().AddKey(PdfName("BaseFont"),
                                        PdfName(prefix + untagged(cb->GetName().GetName())));
          PdfObject* fd = key(objs, cid, "FontDescriptor");
          PdfObject* fn = key(objs, fd, "FontName");
          if (fn && fn->IsName())
            fd->GetDictionary().AddKey(PdfName("FontName"),
                                       PdfName(prefix + untagged(fn->GetName().GetName())));
        }
      }
    }

    set_info(doc, post.info);

    // Bookmarks: ours only.
    doc.GetCatalog()->GetDictionary().RemoveKey(PdfName("Outlines"));
    set_outlines(doc, post.outlines);

    return write_bytes(doc, pdf.size());
  } catch (const PdfError& e) {
    return podofo_error(e, "PDF 后处理失败");
  }
}

}  // namespace qd::pdf::detail

namespace qd::pdf {

using namespace PoDoFo;
using detail::podofo_error;

Result<std::vector<Outline>> read_outlines(const std::string& pdf) {
  detail::quiet_podofo();
  try {
    detail::Loaded loaded(pdf);
    return detail::tree_of(loaded.doc, detail::page_objects(loaded.doc));
  } catch (const PdfError& e) {
    return podofo_error(e, "无法读取 PDF 书签");
  }
}

Result<int> count_pages(const std::string& pdf) {
  detail::quiet_podofo();
  try {
    detail::Loaded loaded(pdf);
    return loaded.doc.GetPageCount();
  } catch (const PdfError& e) {
    return podofo_error(e, "无法读取 PDF");
  }
}

Result<std::string> append_pdfs(const std::vector<std::string>& parts,
                                const JoinOutlines& join, const DocumentInfo& info) {
  if (parts.empty()) return make_error(Place{}, "没有要合并的 PDF");
  detail::quiet_podofo();
  try {
    // Each part is loaded once: its bookmarks are read, then stripped
    // (before anything asks for the outline root: PoDoFo caches it). The
    // largest part is the document the others are copied into: copying
    // every object of a booklet of thousands of pages costs more than
    // parsing it.
    const size_t base = static_cast<size_t>(
        std::max_element(parts.begin(), parts.end(),
                         [](const std::string& a, const std::string& b) { return a.size() < b.size(); }) -
        parts.begin());
    std::vector<JoinedPart> joined(parts.size());
    detail::Loaded first(parts[base]);
    PdfMemDocument& doc = first.doc;
    size_t size = 0;
    for (const std::string& p : parts) size += p.size();
    std::vector<PdfObject*> pages = detail::page_objects(doc);
    joined[base] = {detail::tree_of(doc, pages), 0, static_cast<int>(pages.size())};
    detail::strip_outlines(doc);
    std::vector<PdfObject*> before, after;  // the copied pages of the other parts
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i == base) continue;
      detail::Loaded loaded(parts[i]);
      PdfMemDocument& part = loaded.doc;
      pages = detail::page_objects(part);
      joined[i] = {detail::tree_of(part, pages), 0, static_cast<int>(pages.size())};
      detail::strip_outlines(part);
      std::vector<PdfObject*> copies = detail::copy_part(doc, part, pages);
      (i < base ? before : after).insert((i < base ? before : after).end(), copies.begin(), copies.end());
    }
    detail::insert_pages(doc, before, false);
    detail::insert_pages(doc, after, true);
    if (parts.size() > 1) doc.GetOutlines();  // as Append(part, true) creates the outline root
    for (size_t i = 1; i < joined.size(); ++i)
      joined[i].first_page = joined[i - 1].first_page + joined[i - 1].pages;
    detail::drop_foreign_info(doc);
    // The properties are the joined document's own, not the base part's.
    PdfDictionary& own = doc.GetInfo()->GetObject()->GetDictionary();
    for (const char* key : {"Title", "Author", "Subject", "Keywords"}) own.RemoveKey(PdfName(key));
    detail::set_info(doc, info);
    detail::set_outlines(doc, join(joined));
    return detail::write_bytes(doc, size);
  } catch (const PdfError& e) {
    return podofo_error(e, "PDF 合并失败");
  }
}

Result<std::string> append_pdfs(const std::vector<std::string>& parts,
                                const std::vector<Outline>& outlines, const DocumentInfo& info) {
  return append_pdfs(
      parts, [&](const std::vector<JoinedPart>&) { return outlines; }, info);
}

namespace {

// Writes `bytes` (or the error) to `path` through a temporary file beside
// it that is then renamed over it.
Status write_atomically(const std::string& path, const Result<std::string>& bytes) {
  if (!bytes.ok()) return make_error(Place{path}, bytes.error().message);
  return write_file(path, bytes.value());
}

}  // namespace

Status write_appended_pdf(const std::string& path, const std::vector<std::string>& parts,
                          const std::vector<Outline>& outlines, const DocumentInfo& info) {
  return write_atomically(path, append_pdfs(parts, outlines, info));
}

Status write_appended_pdf(const std::string& path, const std::vector<std::string>& parts,
                          const JoinOutlines& join, const DocumentInfo& info) {
  return write_atomically(path, append_pdfs(parts, join, info));
}

}  // namespace qd::pdf
