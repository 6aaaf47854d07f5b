#include "ingest/settings.h"

#include <filesystem>
#include <fstream>
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
  QD_TRY(get_string(*county, "name", &s.county, path, "[county]"));
  QD_TRY(get_string(*county, "province", &s.province, path, "[county]"));
  QD_TRY(get_string(*county, "city", &s.city, path, "[county]"));
  QD_TRY(get_string(*county, "division_code", &s.division_code, path, "[county]"));
  QD_TRY(get_string(*county, "region_code", &s.region_code, path, "[county]"));
  QD_TRY(get_string(*county, "level_code", &s.level_code, path, "[county]"));
  QD_TRY(get_string(*county, "area_code", &s.area_code, path, "[county]"));
  QD_TRY(get_string(*county, "office", &s.office, path, "[county]"));
  QD_TRY(get_string(*county, "portal_base_url", &s.portal_base_url, path, "[county]"));
  QD_TRY(get_string(*county, "guide_url_template", &s.guide_url_template, path, "[county]"));
  QD_TRY(get_string(*county, "poster_paper", &s.poster_paper, path, "[county]"));
  for (char& c : s.poster_paper)
    if (c == 'a') c = 'A';
  if (s.poster_paper != "A3" && s.poster_paper != "A4")
    return make_error({path}, "[county] poster_paper 应为 \"A3\" 或 \"A4\"（窗口海报的纸张）");
  std::string registry = "../state/registry.sqlite";
  QD_TRY(get_string(*county, "registry", &registry, path, "[county]"));

  if (s.division_code.size() != 6 || !all_digits(s.division_code))
    return make_error({path}, "[county] division_code 应为 6 位行政区划代码，如 130731");
  if (s.region_code.size() != 2 || !all_digits(s.region_code))
    return make_error({path}, "[county] region_code 应为 2 位数字（省级为 13）");
  if (s.level_code.size() != 1 || !levels().find(s.level_code))
    return make_error({path}, "[county] level_code 应为 1–7 之间的一位数字（县级为 4）");

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
      if (info.name.empty()) return make_error({path}, where + " 缺少 name（部门全称）");
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
