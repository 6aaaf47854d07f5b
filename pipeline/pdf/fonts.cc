#include "pdf/fonts.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <toml++/toml.h>

#include "pdf/font_face.h"

namespace qd::pdf {

std::string_view role_key(Role role) {
  switch (role) {
    case Role::Title: return "title";
    case Role::Body: return "body";
    case Role::Heading1: return "heading1";
    case Role::Heading2: return "heading2";
    case Role::Number: return "number";
  }
  return "body";
}

namespace detail {
namespace {

std::string face_name(hb_face_t* face, hb_ot_name_id_t id) {
  for (hb_language_t lang : {hb_language_from_string("en", -1), HB_LANGUAGE_INVALID}) {
    unsigned len = hb_ot_name_get_utf8(face, id, lang, nullptr, nullptr);
    if (len == 0) continue;
    std::string s(len + 1, '\0');
    unsigned size = len + 1;
    hb_ot_name_get_utf8(face, id, lang, &size, s.data());
    s.resize(size);
    return s;
  }
  return {};
}

Result<std::unique_ptr<Face>> open_face_uncached(const std::string& path, int index) {
  Place place{path, "", ""};
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return make_error(place, "字体文件不存在");
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return make_error(place, "字体文件无法读取");
  if (index < 0 || static_cast<unsigned>(index) >= hb_face_count(blob)) {
    hb_blob_destroy(blob);
    return make_error(place, "字体文件中没有第 " + std::to_string(index) + " 个字体（index）");
  }
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
  hb_blob_destroy(blob);  // the face holds a reference
  hb_blob_t* glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
  unsigned glyf_len = hb_blob_get_length(glyf);
  hb_blob_destroy(glyf);
  if (glyf_len == 0) {
    hb_face_destroy(face);
    return make_error(place, "不是 TrueType 轮廓字体（无 glyf 表，CFF/.otf 字体无法嵌入）");
  }
  hb_face_make_immutable(face);
  auto f = std::make_unique<Face>();
  f->path = path;
  f->index = index;
  f->face = face;
  f->upem = hb_face_get_upem(face);
  f->family = face_name(face, HB_OT_NAME_ID_FONT_FAMILY);
  f->postscript = face_name(face, HB_OT_NAME_ID_POSTSCRIPT_NAME);
  f->gid.assign(0x10000, 0);
  f->advance.assign(0x10000, -1.0f);
  hb_font_t* font = hb_font_create(face);
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face, unicodes);
  hb_codepoint_t cp = HB_SET_VALUE_INVALID;
  const double upem = f->upem ? f->upem : 1000;
  while (hb_set_next(unicodes, &cp) && cp < 0x10000) {
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font, cp, &g) || g == 0) continue;
    f->gid[cp] = g;
    f->advance[cp] = static_cast<float>(hb_font_get_glyph_h_advance(font, g) / upem);
  }
  hb_set_destroy(unicodes);
  hb_font_destroy(font);
  return f;
}

void put16(std::string& out, unsigned v) {
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

// A cmap table with one format-4 subtable (Windows, Unicode BMP) mapping
// `cps` (sorted, BMP) to `gids`. Nearby code points share a segment whose
// gaps map to glyph 0, so there are few segments.
std::string compact_cmap(const std::vector<char32_t>& cps, const std::vector<uint16_t>& gids) {
  for (unsigned max_gap : {64u, 16u, 4u, 1u}) {
    struct Seg {
      size_t first, last;  // indexes into cps
    };
    std::vector<Seg> segs;
    for (size_t i = 0; i < cps.size(); ++i) {
      if (cps[i] == 0xFFFF) continue;  // reserved for the final segment
      if (!segs.empty() && cps[i] - cps[segs.back().last] <= max_gap)
        segs.back().last = i;
      else
        segs.push_back({i, i});
    }
    size_t array = 0;
    for (const Seg& g : segs) array += cps[g.last] - cps[g.first] + 1;
    const size_t n = segs.size() + 1;
    const size_t length = 16 + 8 * n + 2 * array;
    if (length > 0xFFFF && max_gap > 1) continue;
    std::string t;
    put16(t, 0);   // version
    put16(t, 1);   // one subtable
    put16(t, 3);   // Windows
    put16(t, 1);   // Unicode BMP
    put16(t, 0);   // offset (high)
    put16(t, 12);  // offset (low)
    put16(t, 4);   // format 4
    put16(t, static_cast<unsigned>(std::min<size_t>(length, 0xFFFF)));
    put16(t, 0);  // language
    unsigned entry = 0;
    while ((2u << entry) <= n) ++entry;
    const unsigned range = 2u << entry;  // 2 × 2^floor(log2 n)
    put16(t, static_cast<unsigned>(2 * n));
    put16(t, range);
    put16(t, entry);
    put16(t, static_cast<unsigned>(2 * n - range));
    for (const Seg& g : segs) put16(t, cps[g.last]);
    put16(t, 0xFFFF);
    put16(t, 0);  // reservedPad
    for (const Seg& g : segs) put16(t, cps[g.first]);
    put16(t, 0xFFFF);
    for (size_t i = 0; i < segs.size(); ++i) put16(t, 0);  // idDelta
    put16(t, 1);
    // idRangeOffset: from this word to the segment's first glyph id.
    size_t offset = 0;
    for (size_t i = 0; i < segs.size(); ++i) {
      put16(t, static_cast<unsigned>(2 * (n - i) + 2 * offset));
      offset += cps[segs[i].last] - cps[segs[i].first] + 1;
    }
    put16(t, 0);
    for (const Seg& g : segs) {
      size_t k = g.first;
      for (char32_t cp = cps[g.first]; cp <= cps[g.last]; ++cp) {
        if (cps[k] == cp) {
          put16(t, gids[k]);
          ++k;
        } else {
          put16(t, 0);
        }
      }
    }
    return t;
  }
  return {};
}

}  // namespace

Result<const Face*> open_face(const std::string& path, int index) {
  static std::mutex mu;
  // Faces live as long as the process (they are shared by every document);
  // the cache owns them, so they are freed at exit.
  static std::map<std::pair<std::string, int>, std::unique_ptr<Face>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto key = std::make_pair(path, index);
  if (auto it = cache.find(key); it != cache.end()) return static_cast<const Face*>(it->second.get());
  auto f = open_face_uncached(path, index);
  if (!f.ok()) return f.error();
  const Face* face = f.value().get();
  cache.emplace(key, std::move(f.value()));
  return face;
}

Result<std::string> subset_face(const Face& face, const std::vector<char32_t>& cps,
                                std::vector<uint16_t>* gid_of) {
  Place place{face.path, "", ""};
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return make_error(place, "字体子集化失败（内存不足）");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t cp : cps) hb_set_add(unicodes, cp);
  // No layout closure (no shaping in the PDF), no hinting, no layout or
  // vertical tables: only what libharu reads and a viewer draws.
  hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG",
                        "gasp", "hdmx", "LTSH", "VDMX", "DSIG", "kern", "morx", "mort",
                        "feat", "EBDT", "EBLC", "EBSC", "bdat", "bloc", "CBDT", "CBLC",
                        "sbix", "COLR", "CPAL", "SVG ", "meta", "PCLT"})
    hb_set_add(drop, hb_tag_from_string(t, 4));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t* built = hb_subset_or_fail(face.face, input);
  hb_subset_input_destroy(input);
  if (!built) return make_error(place, "字体子集化失败");
  // A plain face over the serialized subset (builder faces list no tables).
  hb_blob_t* sub_blob = hb_face_reference_blob(built);
  hb_face_destroy(built);
  hb_face_t* sub = hb_face_create(sub_blob, 0);
  hb_blob_destroy(sub_blob);
  // Glyph ids in the subset, from its own cmap.
  hb_font_t* font = hb_font_create(sub);
  gid_of->clear();
  gid_of->reserve(cps.size());
  bool all = true;
  for (char32_t cp : cps) {
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font, cp, &g) || g == 0 || g > 0xFFFF) all = false;
    gid_of->push_back(static_cast<uint16_t>(g));
  }
  hb_font_destroy(font);
  std::string out;
  if (all) {
    // Rebuild the file with a compact cmap: libharu looks every character
    // up by a linear scan over the format-4 segments, and hb-subset's cmap
    // has one segment per run of consecutive code points (a thousand for
    // a booklet). Viewers never read it (the PDF maps CIDs to glyphs).
    std::string cmap = compact_cmap(cps, *gid_of);
    hb_face_t* builder = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned count = 64;
    hb_face_get_table_tags(sub, 0, &count, tags);
    for (unsigned i = 0; i < count; ++i) {
      hb_blob_t* table;
      if (tags[i] == HB_TAG('c', 'm', 'a', 'p'))
        table = hb_blob_create(cmap.data(), static_cast<unsigned>(cmap.size()),
                               HB_MEMORY_MODE_READONLY, nullptr, nullptr);
      else
        table = hb_face_reference_table(sub, tags[i]);
      hb_face_builder_add_table(builder, tags[i], table);
      hb_blob_destroy(table);
    }
    hb_blob_t* blob = hb_face_reference_blob(builder);
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob, &len);
    out.assign(data ? data : "", len);
    hb_face_destroy(builder);
    // Check the new cmap against the subset's own.
    hb_face_t* check = hb_face_create(blob, 0);
    hb_font_t* cf = hb_font_create(check);
    for (size_t i = 0; i < cps.size() && all; ++i) {
      hb_codepoint_t g = 0;
      all = hb_font_get_nominal_glyph(cf, cps[i], &g) && g == (*gid_of)[i];
    }
    hb_font_destroy(cf);
    hb_face_destroy(check);
    hb_blob_destroy(blob);
  }
  hb_face_destroy(sub);
  if (!all) return make_error(place, "字体子集缺少所需的字符");
  return out;
}

}  // namespace detail

FontLibrary::~FontLibrary() = default;

namespace {

class RoleMetrics : public ts::Metrics {
 public:
  const std::vector<const detail::Face*>* faces = nullptr;
  const std::vector<int8_t>* pick = nullptr;  // font index per BMP code point, -1 none
  double advance(char32_t cp) const override {
    if (cp >= 0x10000) return -1;
    int f = (*pick)[cp];
    if (f < 0) return -1;
    return (*faces)[f]->advance[cp];
  }
};

class Library final : public FontLibrary {
 public:
  std::vector<const detail::Face*> faces;
  std::vector<FontFile> files;
  std::vector<int8_t> pick[kRoleCount];
  RoleMetrics role_metrics[kRoleCount];

  const ts::Metrics& metrics(Role role) const override {
    return role_metrics[static_cast<int>(role)];
  }
  int font_for(Role role, char32_t cp) const override {
    if (cp >= 0x10000) return -1;
    return pick[static_cast<int>(role)][cp];
  }
  const std::vector<FontFile>& fonts() const override { return files; }
};

std::string role_label(Role role) {
  switch (role) {
    case Role::Title: return "标题（title）";
    case Role::Body: return "正文（body）";
    case Role::Heading1: return "一级标题（heading1）";
    case Role::Heading2: return "二级标题（heading2）";
    case Role::Number: return "页码（number）";
  }
  return "";
}

}  // namespace

Result<std::unique_ptr<FontLibrary>> FontLibrary::load(const std::string& config_path) {
  Place place{config_path, "", ""};
  toml::table config;
  try {
    config = toml::parse_file(config_path);
  } catch (const toml::parse_error& e) {
    std::string msg = "字体配置无法读取：";
    msg += e.description();
    if (e.source().begin.line)
      msg += "（第 " + std::to_string(e.source().begin.line) + " 行）";
    return make_error(place, msg);
  }
  const std::filesystem::path base = std::filesystem::path(config_path).parent_path();
  auto lib = std::make_unique<Library>();
  std::vector<int> order[kRoleCount];
  for (int r = 0; r < kRoleCount; ++r) {
    Role role = static_cast<Role>(r);
    const toml::array* candidates = config[role_key(role)].as_array();
    if (!candidates || candidates->empty())
      return make_error(place, "字体配置缺少" + role_label(role) + "的字体列表");
    std::string tried;
    for (const toml::node& node : *candidates) {
      const toml::table* c = node.as_table();
      std::optional<std::string> file = c ? (*c)["file"].value<std::string>() : std::nullopt;
      if (!file)
        return make_error(place, role_label(role) + "的字体条目缺少 file（应为 {file=\"…\", index=0}）");
      int index = static_cast<int>((*c)["index"].value_or<int64_t>(0));
      std::filesystem::path p(*file);
      if (p.is_relative()) p = base / p;
      std::string path = p.lexically_normal().string();
      auto face = detail::open_face(path, index);
      if (!face.ok()) {
        tried += (tried.empty() ? "" : "；") + path + "：" + face.error().message;
        continue;
      }
      int id = -1;
      for (size_t i = 0; i < lib->faces.size(); ++i)
        if (lib->faces[i] == face.value()) id = static_cast<int>(i);
      if (id < 0) {
        if (lib->faces.size() >= 127) return make_error(place, "字体配置中的字体过多");
        id = static_cast<int>(lib->faces.size());
        lib->faces.push_back(face.value());
        lib->files.push_back({path, index, face.value()->family});
      }
      if (std::find(order[r].begin(), order[r].end(), id) == order[r].end()) order[r].push_back(id);
    }
    if (order[r].empty())
      return make_error(place, role_label(role) + "没有已安装的字体：" + tried);
  }
  for (int r = 0; r < kRoleCount; ++r) {
    // The role's own candidates first, then every other installed font.
    std::vector<int> seq = order[r];
    for (int i = 0; i < static_cast<int>(lib->faces.size()); ++i)
      if (std::find(seq.begin(), seq.end(), i) == seq.end()) seq.push_back(i);
    std::vector<int8_t>& pick = lib->pick[r];
    pick.assign(0x10000, -1);
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      for (int f : seq) {
        if (lib->faces[f]->gid[cp] != 0) {
          pick[cp] = static_cast<int8_t>(f);
          break;
        }
      }
    }
    lib->role_metrics[r].faces = &lib->faces;
    lib->role_metrics[r].pick = &lib->pick[r];
  }
  return std::unique_ptr<FontLibrary>(std::move(lib));
}

}  // namespace qd::pdf
