#include "paths/output_paths.h"

#include <algorithm>
#include <set>

#include "base/sha256.h"
#include "base/text.h"

namespace qd {

namespace {

// The separator before a suffix: cleaning replaces it in every name, so a
// name used as it is never contains it.
constexpr char32_t kSuffixMark = U'~';
// Suffix lengths tried, shortest first, while components still collide.
constexpr size_t kSuffixLengths[] = {6, 10, 16, 26, 51};

// True for a code point that must not appear in a path component: controls,
// the characters Windows forbids in file names, the suffix mark, and what is
// not a character at all.
bool forbidden(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;
  if (cp == 0xFFFE || cp == 0xFFFF || cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF)) return true;
  if (cp == 0x2028 || cp == 0x2029) return true;
  return std::u32string_view(U"/\\:*?\"<>|~").find(cp) != std::u32string_view::npos;
}

// True for white space trimmed from the ends of a component.
bool blank(char32_t cp) { return cp == U' ' || cp == U'\u3000' || cp == U'\u00A0'; }

// True for DOS device names, which Windows will not open as files
// ("CON", "nul", "COM1" …, with or without an extension).
bool reserved_on_windows(std::u32string_view s) {
  std::string base;
  for (char32_t cp : s) {
    if (cp == U'.') break;
    if (cp >= 0x80) return false;
    base += static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp);
  }
  static const std::set<std::string> kNames = {
      "CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
      "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
  return kNames.count(base) > 0;
}

// Drops white space at both ends and dots at the end (Windows drops them).
void strip_ends(std::u32string& s) {
  while (!s.empty() && (blank(s.back()) || s.back() == U'.')) s.pop_back();
  size_t lead = 0;
  while (lead < s.size() && blank(s[lead])) ++lead;
  s.erase(0, lead);
}

// The name made safe as a component, bounded to kMaxNameBytes; "" when
// nothing of it is left.
std::string clean(std::string_view name) {
  std::u32string s = utf8_decode(name);
  for (char32_t& cp : s)
    if (forbidden(cp)) cp = U'_';
  strip_ends(s);
  if (!s.empty() && s.front() == U'.') s.front() = U'_';  // no hidden files, no "." or ".."
  if (reserved_on_windows(s)) s.insert(s.begin(), U'_');
  std::string out;
  for (char32_t cp : s) {
    std::string one;
    utf8_append(one, cp);
    if (out.size() + one.size() > kMaxNameBytes) {
      // Cut at a character; then the end is tidied again.
      std::u32string cut = utf8_decode(out);
      strip_ends(cut);
      out = utf8_encode(cut);
      break;
    }
    out += one;
  }
  return out;
}

// `n` characters (Crockford's base 32: no I, L, O, U) from a hash of `identity`.
std::string suffix(std::string_view identity, size_t n) {
  static constexpr char kDigits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const std::string hex = sha256_hex(identity);  // 256 bits: 51 characters of 5 bits
  std::string out;
  unsigned bits = 0, acc = 0;
  for (char h : hex) {
    acc = (acc << 4) | static_cast<unsigned>(h <= '9' ? h - '0' : h - 'a' + 10);
    bits += 4;
    while (bits >= 5 && out.size() < n) {
      out += kDigits[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.size() == n) break;
  }
  return out;
}

// The component with a suffix of `n` characters.
std::string suffixed(std::string_view name, std::string_view identity, std::string_view fallback,
                     size_t n) {
  std::string base = clean(name);
  if (base.empty()) base = clean(fallback);
  std::string out = base;
  utf8_append(out, kSuffixMark);
  return out + suffix(identity, n);
}

// How file systems that ignore case compare two components.
std::string case_key(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "涿鹿县民政局" → the department's identity for its suffix.
std::string department_identity(std::string_view name) { return "department\t" + std::string(name); }

// A window's identity: its hall, number and name.
std::string window_identity(const Hall& hall, const Window& w) {
  return "window\t" + hall.name + "\t" + w.number + "\t" + w.name;
}

// A window's name as printed on its poster's file: "<number>-<name>".
std::string window_stem(const Window& w) {
  if (w.number.empty()) return w.name;
  if (w.name.empty()) return w.number;
  return w.number + "-" + w.name;
}

}  // namespace

bool safe_component(std::string_view name) { return !name.empty() && clean(name) == name; }

std::string path_component(std::string_view name, std::string_view identity,
                           std::string_view fallback) {
  if (safe_component(name)) return std::string(name);
  return suffixed(name, identity, fallback, kSuffixLengths[0]);
}

std::vector<std::string> unique_components(const std::vector<std::string>& names,
                                           const std::vector<std::string>& identities,
                                           std::string_view fallback) {
  const size_t n = names.size();
  std::vector<std::string> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = path_component(names[i], identities[i], fallback);
  // The same name with the same identity is the same file (a window listed
  // twice): it keeps one component and never counts as a collision.
  auto same_thing = [&](size_t a, size_t b) {
    return names[a] == names[b] && identities[a] == identities[b];
  };
  for (size_t round = 0;; ++round) {
    std::map<std::string, std::vector<size_t>> groups;
    for (size_t i = 0; i < n; ++i) groups[case_key(out[i])].push_back(i);
    bool clash = false;
    for (const auto& [key, members] : groups) {
      bool distinct = false;
      for (size_t m : members)
        if (!same_thing(m, members.front())) distinct = true;
      if (!distinct) continue;
      clash = true;
      for (size_t k = 0; k < members.size(); ++k) {
        const size_t i = members[k];
        if (round < std::size(kSuffixLengths)) {
          out[i] = suffixed(names[i], identities[i], fallback, kSuffixLengths[round]);
        } else {
          // Equal identities for different names: number them in input order.
          out[i] += "-" + std::to_string(k + 1);
        }
      }
    }
    if (!clash || round > std::size(kSuffixLengths)) break;
  }
  return out;
}

OutputPaths::OutputPaths(const Catalog& catalog) {
  const Settings& s = catalog.settings;
  // Departments, with the county's compilation in the same folder (guides/).
  std::vector<std::string> names, ids;
  for (const DepartmentInfo& d : s.departments) {
    names.push_back(d.name);
    ids.push_back(department_identity(d.name));
  }
  names.push_back(s.county + "政务服务事项办事指南汇编");
  ids.push_back("county booklet");
  std::vector<std::string> comps = unique_components(names, ids, "部门");
  for (size_t i = 0; i < s.departments.size(); ++i) departments_[s.departments[i].name] = comps[i];
  county_booklet_ = "guides/" + comps.back() + ".pdf";

  // Notices: one folder per department, one file per published item.
  for (const DepartmentInfo& d : s.departments) {
    std::vector<std::string> item_names, codes;
    for (const Item* it : catalog.published(d.name)) {
      if (it->get(El::ImplCode).empty()) continue;
      item_names.push_back(it->get(El::Name));
      codes.push_back(it->get(El::ImplCode));
    }
    std::vector<std::string> files = unique_components(item_names, codes, "事项");
    const std::string dir = "notices/" + department(d.name) + "/";
    for (size_t i = 0; i < files.size(); ++i)
      notices_.emplace(std::make_pair(d.name, codes[i]), dir + files[i] + ".pdf");
  }

  // Posters: one folder per hall, one file per window.
  std::vector<std::string> hall_names, hall_ids;
  for (const Hall& h : s.halls) {
    hall_names.push_back(h.name.empty() ? "政务服务大厅" : h.name);
    hall_ids.push_back("hall\t" + h.name);
  }
  std::vector<std::string> halls = unique_components(hall_names, hall_ids, "政务服务大厅");
  for (size_t h = 0; h < s.halls.size(); ++h) {
    std::vector<std::string> stems, wids;
    for (const Window& w : s.halls[h].windows) {
      stems.push_back(window_stem(w));
      wids.push_back(window_identity(s.halls[h], w));
    }
    std::vector<std::string> files = unique_components(stems, wids, "窗口");
    for (size_t w = 0; w < files.size(); ++w)
      posters_.emplace(wids[w], "posters/" + halls[h] + "/" + files[w] + ".pdf");
  }
}

std::string OutputPaths::department(const std::string& name) const {
  auto it = departments_.find(name);
  if (it != departments_.end()) return it->second;
  // Not registered (never published): a component of its own name.
  return path_component(name, department_identity(name), "部门");
}

std::string OutputPaths::guide(const DepartmentInfo& dept) const {
  return "guides/" + department(dept.name) + ".pdf";
}

std::string OutputPaths::guide_docx(const DepartmentInfo& dept) const {
  return "guides/docx/" + department(dept.name) + "办事指南.docx";
}

std::string OutputPaths::form(const DepartmentInfo& dept) const {
  return "forms/" + department(dept.name) + ".xlsx";
}

std::string OutputPaths::returned_form(const DepartmentInfo& dept) const {
  return "returns/" + department(dept.name) + ".xlsx";
}

std::string OutputPaths::notice(const Item& item) const {
  auto it = notices_.find({item.department, item.get(El::ImplCode)});
  return it == notices_.end() ? std::string() : it->second;
}

std::string OutputPaths::poster(const Hall& hall, const Window& window) const {
  auto it = posters_.find(window_identity(hall, window));
  if (it != posters_.end()) return it->second;
  return "posters/" + path_component(hall.name, "hall\t" + hall.name, "政务服务大厅") + "/" +
         path_component(window_stem(window), window_identity(hall, window), "窗口") + ".pdf";
}

bool safe_url_segment(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

std::string OutputPaths::item_page(const Item& item) {
  const std::string& code = item.get(El::ImplCode);
  return safe_url_segment(code) ? "item/" + code + ".html" : "";
}

std::vector<std::string> OutputPaths::department_pages(const Settings& settings) {
  std::vector<std::string> out;
  std::set<std::string> used;
  std::map<std::string, int> count;
  for (const DepartmentInfo& d : settings.departments) ++count[d.number];
  for (size_t i = 0; i < settings.departments.size(); ++i) {
    const std::string& n = settings.departments[i].number;
    std::string stem = n;
    if (!safe_url_segment(n) || count[n] > 1) stem = "d" + std::to_string(i + 1);
    // A number such as "d3" may collide with a fallback name: keep both unique.
    while (!used.insert(stem).second) stem += "_";
    out.push_back("dept/" + stem + ".html");
  }
  return out;
}

}  // namespace qd
