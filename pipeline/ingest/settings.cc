#include "ingest/settings.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "codes/credit_code.h"

namespace qd {

namespace {

// Copies a string value of `table[key]` into `out` if present; an error if
// it is present but not a string.
Status get_string(const toml::table& table, std::string_view key, std::string* out,
                  const std::string& path, std::string_view where) {
  const toml::node* node = table.get(key);
  if (!node) return Ok{};
  if (auto v = node->value<std::string>()) {
    *out = *v;
    return Ok{};
  }
  return make_error({path}, std::string(where) + " 的 " + std::string(key) + " 应为文本（加英文双引号）");
}

// Reads a list of strings such as departments = ["县民政局", "县财政局"].
Status get_string_list(const toml::table& table, std::string_view key,
                       std::vector<std::string>* out, const std::string& path,
                       std::string_view where) {
  const toml::node* node = table.get(key);
  if (!node) return Ok{};
  const toml::array* arr = node->as_array();
  if (!arr) return make_error({path}, std::string(where) + " 的 " + std::string(key) + " 应为列表，如 [\"县民政局\"]");
  for (const toml::node& n : *arr) {
    auto v = n.value<std::string>();
    if (!v) return make_error({path}, std::string(where) + " 的 " + std::string(key) + " 只能包含文本");
    out->push_back(*v);
  }
  return Ok{};
}

// Copies a required string `table[key]` into `out`: an error naming the key
// when it is missing or empty. `what` says what the value is.
Status require_string(const toml::table& table, std::string_view key, std::string* out,
                      const std::string& path, std::string_view where, std::string_view what) {
  QD_TRY(get_string(table, key, out, path, where));
  if (trim(*out).empty())
    return make_error({path}, std::string(where) + " 缺少必填项 " + std::string(key) + "（" +
                                  std::string(what) + "）");
  *out = trim(*out);
  return Ok{};
}

// Checks a name that becomes a folder or file name of the output (a
// department's booklet and notices, a hall's posters): not empty, not "."
// or "..", no "/" or "\".
Status check_name(const std::string& name, const std::string& path, const std::string& where) {
  if (trim(name).empty()) return make_error({path}, where + " 缺少 name（名称）");
  if (name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos)
    return make_error({path}, where + " 的 name“" + name +
                                  "”不能用作名称：不能是“.”或“..”，也不能含有“/”或“\\”");
  return Ok{};
}

// The division word (县, 区, 市, 旗) a county's name ends with: 涿鹿县 → 县,
// 武侯区 → 区, 神农架林区 → 区, 鄂伦春自治旗 → 旗; "" when it ends with none.
std::string division_of_name(std::string_view name) {
  for (std::string_view word : {"县", "区", "市", "旗"})
    if (name.size() > word.size() && name.ends_with(word)) return std::string(word);
  return {};
}

// Reads a length bound, a number or [min, max], into *lo and *hi.
Status get_bounds(const toml::table& table, std::string_view key, size_t* lo, size_t* hi,
                  const std::string& path) {
  const toml::node* node = table.get(key);
  std::string where = "[codes] " + std::string(key);
  if (!node) return make_error({path}, "[codes] 缺少必填项 " + std::string(key) + "（省级编码的长度，如 12 或 [12, 14]）");
  if (auto n = node->value<int64_t>()) {
    *lo = *hi = static_cast<size_t>(std::max<int64_t>(*n, 0));
    return Ok{};
  }
  const toml::array* arr = node->as_array();
  if (arr && arr->size() == 2) {
    auto a = (*arr)[0].value<int64_t>(), b = (*arr)[1].value<int64_t>();
    if (a && b) {
      *lo = static_cast<size_t>(std::max<int64_t>(*a, 0));
      *hi = static_cast<size_t>(std::max<int64_t>(*b, 0));
      return Ok{};
    }
  }
  return make_error({path}, where + " 应为一个数或两个数的列表，如 12 或 [12, 14]");
}

// Reads the code scheme ([codes]): scheme = "national" (default) or
// "province" with characters, basic_length, impl_length and optional
// basic_pattern / impl_pattern.
Status read_code_scheme(const toml::table& root, const std::string& path, CodeScheme* out) {
  *out = national_scheme();
  const toml::node* node = root.get("codes");
  if (!node) return Ok{};
  const toml::table* codes = node->as_table();
  if (!codes) return make_error({path}, "[codes] 格式错误");
  std::string scheme = "national";
  QD_TRY(get_string(*codes, "scheme", &scheme, path, "[codes]"));
  if (scheme == "national") {
    for (std::string_view key : {"characters", "basic_length", "impl_length", "basic_pattern", "impl_pattern"})
      if (codes->get(key))
        return make_error({path}, "[codes] " + std::string(key) + " 只用于 scheme = \"province\"（省级编码）");
    return Ok{};
  }
  if (scheme != "province")
    return make_error({path}, "[codes] scheme 应为 \"national\"（全国统一编码）或 \"province\"（使用本省编码）");
  out->provincial = true;
  QD_TRY(get_string(*codes, "characters", &out->characters, path, "[codes]"));
  if (out->characters.empty()) return make_error({path}, "[codes] characters 不能为空");
  for (unsigned char c : out->characters)
    if (c < 0x21 || c >= 0x7F)
      return make_error({path}, "[codes] characters 只能包含半角可见字符（数字、字母、符号）");
  struct Kind {
    std::string_view length_key, pattern_key;
    CodeRule* rule;
  };
  for (Kind k : {Kind{"basic_length", "basic_pattern", &out->basic}, Kind{"impl_length", "impl_pattern", &out->impl}}) {
    size_t lo = 0, hi = 0;
    QD_TRY(get_bounds(*codes, k.length_key, &lo, &hi, path));
    std::string pattern, why;
    QD_TRY(get_string(*codes, k.pattern_key, &pattern, path, "[codes]"));
    if (!make_code_rule(lo, hi, pattern, k.rule, &why))
      return make_error({path}, "[codes] " + std::string(pattern.empty() || why.find("正则") == std::string::npos
                                                                 ? k.length_key
                                                                 : k.pattern_key) +
                                    "：" + why);
  }
  return Ok{};
}

}  // namespace

Result<Settings> parse_settings(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << "设置文件格式错误（第 " << e.source().begin.line << " 行第 " << e.source().begin.column
        << " 列）：" << e.description();
    return make_error({path}, msg.str());
  }
  Settings s;
  s.file = path;
  const toml::table* county = root["county"].as_table();
  if (!county) return make_error({path}, "设置文件缺少 [county] 段（县名、区划代码、截止日期等）");
  QD_TRY(require_string(*county, "name", &s.county, path, "[county]", "县、区或县级市的名称"));
  QD_TRY(require_string(*county, "division_code", &s.division_code, path, "[county]", "6 位行政区划代码"));
  QD_TRY(require_string(*county, "area_code", &s.area_code, path, "[county]", "电话区号，如 010、0313"));
  QD_TRY(require_string(*county, "office", &s.office, path, "[county]", "公布清单的单位，如××县行政审批局"));
  QD_TRY(get_string(*county, "division", &s.division, path, "[county]"));
  QD_TRY(get_string(*county, "province", &s.province, path, "[county]"));
  QD_TRY(get_string(*county, "city", &s.city, path, "[county]"));
  QD_TRY(get_string(*county, "document_prefix", &s.document_prefix, path, "[county]"));
  QD_TRY(get_string(*county, "region_code", &s.region_code, path, "[county]"));
  QD_TRY(get_string(*county, "level_code", &s.level_code, path, "[county]"));
  QD_TRY(get_string(*county, "portal_base_url", &s.portal_base_url, path, "[county]"));
  QD_TRY(get_string(*county, "guide_url_template", &s.guide_url_template, path, "[county]"));
  QD_TRY(get_string(*county, "poster_paper", &s.poster_paper, path, "[county]"));
  for (char& c : s.poster_paper)
    if (c == 'a') c = 'A';
  if (s.poster_paper != "A3" && s.poster_paper != "A4")
    return make_error({path}, "[county] poster_paper 应为 \"A3\" 或 \"A4\"（窗口海报的纸张）");
  std::string registry = "../state/registry.sqlite";
  QD_TRY(get_string(*county, "registry", &registry, path, "[county]"));

  if (s.division.empty()) {
    s.division = division_of_name(s.county);
    if (s.division.empty())
      return make_error({path}, "[county] 缺少必填项 division（县、区、市或旗）：无法从名称“" + s.county +
                                    "”看出是县、区、县级市还是旗");
  } else if (s.division != "县" && s.division != "区" && s.division != "市" && s.division != "旗") {
    return make_error({path}, "[county] division 应为“县”“区”“市”或“旗”，实为“" + s.division + "”");
  }
  if (s.division_code.size() != 6 || !all_digits(s.division_code))
    return make_error({path}, "[county] division_code 应为 6 位行政区划代码（GB/T 2260），实为“" +
                                  s.division_code + "”");
  if (s.region_code.empty()) s.region_code = s.division_code.substr(0, 2);
  if (s.region_code.size() != 2 || !all_digits(s.region_code))
    return make_error({path}, "[county] region_code 应为 2 位数字（省级区划代码，即 division_code 的前 2 位）");
  if (s.level_code.size() != 1 || !levels().find(s.level_code))
    return make_error({path}, "[county] level_code 应为 1–7 之间的一位数字（县级为 4）");
  QD_TRY(read_code_scheme(root, path, &s.codes));

  if (const toml::node* d = county->get("deadline")) {
    if (auto date = d->value<toml::date>()) {
      s.deadline = Date{date->year, date->month, date->day};
    } else if (auto str = d->value<std::string>(); !str || !parse_date(*str, &s.deadline)) {
      return make_error({path}, "[county] deadline 应为日期，如 2017-08-31");
    }
  }

  // Registry: relative to the settings file, so a copied input folder
  // carries its own state beside it.
  std::filesystem::path reg(registry);
  if (reg.is_relative()) reg = std::filesystem::absolute(std::filesystem::path(path).parent_path() / reg);
  s.registry_path = reg.lexically_normal().string();

  // Every credit code of a department or unit, to its owner: one code names
  // one organisation.
  std::map<std::string, std::string> code_owner;
  std::set<std::string> names, numbers;
  if (const toml::array* deps = root["department"].as_array()) {
    int index = 0;
    for (const toml::node& node : *deps) {
      ++index;
      const toml::table* t = node.as_table();
      std::string where = "第 " + std::to_string(index) + " 个 [[department]]";
      if (!t) return make_error({path}, where + " 格式错误");
      DepartmentInfo info;
      QD_TRY(get_string(*t, "name", &info.name, path, where));
      QD_TRY(get_string(*t, "short_name", &info.short_name, path, where));
      QD_TRY(get_string(*t, "credit_code", &info.credit_code, path, where));
      QD_TRY(get_string(*t, "number", &info.number, path, where));
      QD_TRY(check_name(info.name, path, where));
      where += "（" + info.name + "）";
      if (info.short_name.empty()) info.short_name = info.name;
      std::string why;
      if (!credit_code_valid(info.credit_code, &why))
        return make_error({path}, where + " 的统一社会信用代码 " + info.credit_code + " 无效：" + why);
      if (info.number.size() != 2 || !all_digits(info.number))
        return make_error({path}, where + " 的 number 应为 2 位数字部门编号");
      if (!names.insert(info.name).second) return make_error({path}, where + " 重复登记");
      if (!numbers.insert(info.number).second)
        return make_error({path}, where + " 的部门编号 " + info.number + " 与其他部门重复");
      if (auto [at, fresh] = code_owner.emplace(info.credit_code, info.name); !fresh)
        return make_error({path}, where + " 的统一社会信用代码 " + info.credit_code + " 已登记给" + at->second);
      // Its subordinate units ([[department.unit]]): name and own credit code.
      if (const toml::node* units = t->get("unit")) {
        const toml::array* arr = units->as_array();
        if (!arr) return make_error({path}, where + " 的 unit 应写成 [[department.unit]] 表");
        int u = 0;
        for (const toml::node& un : *arr) {
          ++u;
          const toml::table* ut = un.as_table();
          std::string uwhere = where + " 的第 " + std::to_string(u) + " 个 [[department.unit]]";
          if (!ut) return make_error({path}, uwhere + " 格式错误");
          UnitInfo unit;
          QD_TRY(require_string(*ut, "name", &unit.name, path, uwhere, "下属单位全称"));
          QD_TRY(require_string(*ut, "credit_code", &unit.credit_code, path, uwhere, "下属单位的统一社会信用代码"));
          uwhere += "（" + unit.name + "）";
          if (!credit_code_valid(unit.credit_code, &why))
            return make_error({path}, uwhere + " 的统一社会信用代码 " + unit.credit_code + " 无效：" + why);
          if (auto [at, fresh] = code_owner.emplace(unit.credit_code, unit.name); !fresh)
            return make_error({path}, uwhere + " 的统一社会信用代码 " + unit.credit_code + " 已登记给" + at->second);
          info.units.push_back(std::move(unit));
        }
      }
      s.departments.push_back(std::move(info));
    }
  }
  if (const toml::array* halls = root["hall"].as_array()) {
    int index = 0;
    for (const toml::node& node : *halls) {
      ++index;
      const toml::table* t = node.as_table();
      std::string where = "第 " + std::to_string(index) + " 个 [[hall]]";
      if (!t) return make_error({path}, where + " 格式错误");
      Hall hall;
      QD_TRY(get_string(*t, "name", &hall.name, path, where));
      QD_TRY(check_name(hall.name, path, where));
      QD_TRY(get_string(*t, "address", &hall.address, path, where));
      QD_TRY(get_string(*t, "hours", &hall.hours, path, where));
      if (const toml::array* windows = (*t)["window"].as_array()) {
        int w = 0;
        for (const toml::node& wn : *windows) {
          ++w;
          const toml::table* wt = wn.as_table();
          std::string wwhere = where + " 的第 " + std::to_string(w) + " 个窗口";
          if (!wt) return make_error({path}, wwhere + " 格式错误");
          Window win;
          if (const toml::node* num = wt->get("number")) {
            if (auto i = num->value<int64_t>()) win.number = std::to_string(*i);
            else if (auto str = num->value<std::string>()) win.number = *str;
          }
          QD_TRY(get_string(*wt, "name", &win.name, path, wwhere));
          QD_TRY(get_string_list(*wt, "departments", &win.departments, path, wwhere));
          QD_TRY(get_string_list(*wt, "items", &win.items, path, wwhere));
          for (const std::string& dep : win.departments)
            if (!names.count(dep))
              return make_error({path}, wwhere + " 列出的部门“" + dep + "”未在 [[department]] 中登记");
          hall.windows.push_back(std::move(win));
        }
      }
      s.halls.push_back(std::move(hall));
    }
  }
  return s;
}

Result<Settings> read_settings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error({path}, "无法打开设置文件（请检查路径，或用 --input 指定输入目录）");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_settings(buf.str(), path);
}

}  // namespace qd
