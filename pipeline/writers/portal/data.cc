#include "writers/portal/data.h"

#include <algorithm>

#include "writers/csv.h"
#include "writers/portal/html.h"
#include "model/display.h"
#include "xlsx_writer/table.h"

namespace qd::portal {

namespace {

// The 36 elements of the implementation list (elements.md §2).
constexpr int kImplElements = static_cast<int>(El::ComplaintPhone) + 1;

// Catalog keys that are elements; "department" is the item's department.
struct CatalogField {
  std::string_view key;
  El element;  // El::kCount for department
};
const CatalogField kCatalogFields[] = {
    {"name", El::Name},   {"basic_code", El::BasicCode}, {"basis", El::Basis},
    {"type", El::Type},   {"level", El::Level},          {"department", El::kCount},
    {"parent", El::Parent}, {"public_domain", El::PublicDomain},
};

// How a spreadsheet must read an element's column: codes and phones stay
// text even when they are all digits.
csv::Column column_of(El e) {
  switch (e) {
    case El::BasicCode: case El::ImplCode: case El::AgencyCode:
    case El::ConsultPhone: case El::ComplaintPhone: case El::Window:
      return csv::Column::Code;
    default:
      return csv::Column::Text;
  }
}

// A sub-table's rows as objects keyed by column key (the item-name column left out).
template <class Row, class Fn>
nlohmann::json sub_rows(const Item& item, const std::vector<Row>& rows, const SubTableInfo& info,
                        Fn value) {
  nlohmann::json out = nlohmann::json::array();
  for (const Row& r : rows) {
    nlohmann::json o = nlohmann::json::object();
    for (const ColumnInfo& c : info.columns)
      if (c.key != "name") o[std::string(c.key)] = value(item, r, c.key);
    out.push_back(std::move(o));
  }
  return out;
}

nlohmann::json header(const Catalog& catalog, Date date, const std::string& list,
                      const std::vector<std::string>& keys) {
  nlohmann::json j;
  j["county"] = catalog.settings.county;
  j["title"] = catalog.settings.county + "政务服务事项" + list;
  j["version"] = date.iso();
  j["publisher"] = catalog.settings.office;
  j["fields"] = keys;
  j["items"] = nlohmann::json::array();
  return j;
}

std::string need_text(Need n) {
  switch (n) {
    case Need::Required: return "必填";
    case Need::Conditional: return "按条件必填";
    case Need::Optional: return "选填";
    case Need::Assigned: return "系统赋码";
    case Need::SubTable: return "必填（子表）";
  }
  return "";
}

// What a field holds, for the documentation page.
std::string meaning(const ElementInfo& e) {
  if (e.id == El::Materials) return "申请材料清单。JSON 中为对象数组（字段见下表“申请材料”）；CSV 中为编号文本，每行一项。";
  if (e.id == El::Process) return "办理流程各环节。JSON 中为对象数组（字段见下表“办理流程”）；CSV 中为编号文本，每行一步。";
  std::string m(e.help);
  if (e.table) m = "取值（" + std::string(e.table->name) + "）：" + e.table->labels() + (e.multi ? "；可有多个，用“、”分隔" : "");
  if (e.id == El::FeeStandard) m += "；不收费时为“不收费”";
  return m;
}

void field_row(std::string& out, std::string_view key, std::string_view label, std::string_view need,
               std::string_view text) {
  out += "<tr><th scope=\"row\"><code>" + escape(key) + "</code></th><td>" + escape(label) +
         "</td><td>" + escape(need) + "</td><td>" + escape(text) + "</td></tr>\n";
}

const char* kFieldHead =
    "<thead><tr><th scope=\"col\">键名</th><th scope=\"col\">名称</th><th scope=\"col\">填报要求</th>"
    "<th scope=\"col\">含义</th></tr></thead>\n";

}  // namespace

std::vector<std::string> catalog_keys() {
  std::vector<std::string> keys;
  for (const CatalogField& f : kCatalogFields) keys.emplace_back(f.key);
  return keys;
}

std::vector<std::string> implementation_keys() {
  std::vector<std::string> keys = {"department"};
  for (int i = 0; i < kImplElements; ++i) keys.emplace_back(elements()[static_cast<size_t>(i)].key);
  return keys;
}

std::string catalog_value(const Item& item, std::string_view key) {
  for (const CatalogField& f : kCatalogFields)
    if (f.key == key) return f.element == El::kCount ? item.department : display_value(item, f.element);
  return "";
}

nlohmann::json implementation_record(const Item& item) {
  nlohmann::json o = nlohmann::json::object();
  o["department"] = item.department;
  for (int i = 0; i < kImplElements; ++i) {
    const ElementInfo& e = elements()[static_cast<size_t>(i)];
    if (e.id == El::Materials)
      o[std::string(e.key)] = sub_rows(item, item.materials, materials_table(), material_value);
    else if (e.id == El::Process)
      o[std::string(e.key)] = sub_rows(item, item.steps, process_table(), step_value);
    else
      o[std::string(e.key)] = display_value(item, e.id);
  }
  return o;
}

nlohmann::json catalog_json(const Catalog& catalog, Date date) {
  nlohmann::json j = header(catalog, date, "目录清单", catalog_keys());
  for (const Item* it : catalog.published()) {
    nlohmann::json o = nlohmann::json::object();
    for (const std::string& k : catalog_keys()) o[k] = catalog_value(*it, k);
    j["items"].push_back(std::move(o));
  }
  return j;
}

nlohmann::json implementation_json(const Catalog& catalog, Date date) {
  nlohmann::json j = header(catalog, date, "实施清单", implementation_keys());
  for (const Item* it : catalog.published()) j["items"].push_back(implementation_record(*it));
  return j;
}

std::vector<csv::Column> catalog_columns() {
  std::vector<csv::Column> out;
  for (const CatalogField& f : kCatalogFields)
    out.push_back(f.element == El::kCount ? csv::Column::Text : column_of(f.element));
  return out;
}

std::vector<csv::Column> implementation_columns() {
  std::vector<csv::Column> out = {csv::Column::Text};
  for (int i = 0; i < kImplElements; ++i) out.push_back(column_of(elements()[static_cast<size_t>(i)].id));
  return out;
}

std::vector<std::vector<std::string>> catalog_rows(const Catalog& catalog) {
  std::vector<std::vector<std::string>> rows;
  for (const Item* it : catalog.published()) {
    std::vector<std::string> row;
    for (const std::string& k : catalog_keys()) row.push_back(catalog_value(*it, k));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::vector<std::string>> implementation_rows(const Catalog& catalog) {
  std::vector<std::vector<std::string>> rows;
  for (const Item* it : catalog.published()) {
    std::vector<std::string> row = {it->department};
    for (int i = 0; i < kImplElements; ++i)
      row.push_back(display_value(*it, elements()[static_cast<size_t>(i)].id));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string catalog_csv(const Catalog& catalog) {
  std::string out(csv::kBom);
  out += csv::row(catalog_keys());
  for (const auto& row : catalog_rows(catalog)) out += csv::row(row, catalog_columns());
  return out;
}

std::string implementation_csv(const Catalog& catalog) {
  std::string out(csv::kBom);
  out += csv::row(implementation_keys());
  for (const auto& row : implementation_rows(catalog)) out += csv::row(row, implementation_columns());
  return out;
}

namespace {

// A column of the .xlsx lists: the element's label, every cell text.
xlsx::Column xlsx_column(std::string label, double width) {
  xlsx::Column c{std::move(label)};
  c.text = true;
  c.min_width = std::clamp(width * 0.5, 6.0, 12.0);
  c.max_width = std::clamp(width * 1.2, 12.0, 40.0);
  return c;
}

// Writes one list as a one-sheet workbook of text cells.
Status write_list_xlsx(const Catalog& catalog, Date date, const std::string& path, const std::string& list,
                       std::vector<xlsx::Column> columns, std::vector<std::vector<std::string>> rows) {
  xlsx::Book book;
  xlsx::DocInfo info;
  info.title = catalog.settings.county + "政务服务事项" + list + "（开放数据）";
  info.subject = catalog.settings.county + "政务服务事项";
  info.author = info.company = catalog.settings.office;
  info.created = date;
  QD_TRY(book.open(path, info));
  xlsx::Table t;
  t.columns = std::move(columns);
  t.rows = std::move(rows);
  t.freeze_cols = 2;
  t.print = false;
  xlsx::write_table(book, book.add_sheet(list), t);
  return book.close();
}

}  // namespace

Status write_catalog_xlsx(const Catalog& catalog, Date date, const std::string& path) {
  std::vector<xlsx::Column> cols;
  for (const CatalogField& f : kCatalogFields) {
    if (f.element == El::kCount) {
      cols.push_back(xlsx_column("主管部门", 16));
    } else {
      const ElementInfo& e = element(f.element);
      cols.push_back(xlsx_column(std::string(e.label), e.width));
    }
  }
  return write_list_xlsx(catalog, date, path, "目录清单", std::move(cols), catalog_rows(catalog));
}

Status write_implementation_xlsx(const Catalog& catalog, Date date, const std::string& path) {
  std::vector<xlsx::Column> cols = {xlsx_column("部门", 16)};
  for (int i = 0; i < kImplElements; ++i) {
    const ElementInfo& e = elements()[static_cast<size_t>(i)];
    cols.push_back(xlsx_column(std::string(e.label), e.width ? e.width : 30));
  }
  return write_list_xlsx(catalog, date, path, "实施清单", std::move(cols), implementation_rows(catalog));
}

nlohmann::json search_json(const std::vector<SearchEntry>& entries, Date date) {
  nlohmann::json j;
  j["version"] = date.iso();
  j["items"] = nlohmann::json::array();
  for (const SearchEntry& e : entries) {
    nlohmann::json o;
    o["name"] = e.name;
    o["department"] = e.department;
    o["kind"] = e.kind;
    o["materials"] = e.materials;
    o["basis"] = e.basis;
    o["conditions"] = e.conditions;
    o["url"] = e.url;
    j["items"].push_back(std::move(o));
  }
  return j;
}

std::string search_script(std::string_view json) {
  std::string out = "qingdanSearchIndex(";
  for (size_t i = 0; i < json.size(); ++i) {
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
    if (json.compare(i, 2, "\xE2\x80") == 0 && i + 2 < json.size() &&
        (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += json[i];
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out + ");\n";
}

std::string dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string fields_page_body(const Catalog& catalog) {
  const std::string county = escape(catalog.settings.county);
  std::string out;
  out += "<h1>开放数据：字段说明</h1>\n";
  out += "<p>本站公布的" + county +
         "政务服务事项目录清单和实施清单与印发的清单、办事指南由同一次生成得到，内容一致。"
         "每份清单有三种格式，内容相同。代码类字段给出代码表中的名称。</p>\n";
  out += "<h2>文件</h2>\n<ul>\n";
  out += "<li>目录清单，每个公布事项一条：<a href=\"catalog.xlsx\">catalog.xlsx</a>、"
         "<a href=\"catalog.csv\">catalog.csv</a>、<a href=\"catalog.json\">catalog.json</a>。</li>\n";
  out += "<li>实施清单（36 项要素），每个公布事项一条：<a href=\"implementation.xlsx\">implementation.xlsx</a>、"
         "<a href=\"implementation.csv\">implementation.csv</a>、<a href=\"implementation.json\">implementation.json</a>。</li>\n";
  out += "<li><a href=\"search.json\">search.json</a>：本站搜索使用的索引（事项名称、部门、事项类型、材料名称、"
         "设定依据、受理条件、页面地址）；<code>search.js</code> 是同一份索引，供首页载入。</li>\n";
  out += "</ul>\n";
  out += "<h2>用哪个文件</h2>\n<ul>\n";
  out += "<li><strong>用 Excel、WPS 查看或筛选：下载 .xlsx 文件。</strong>首行为中文列名，所有单元格均为文本，"
         "基本编码、实施编码、统一社会信用代码和电话号码原样保留（不丢失开头的 0，不变成科学计数法）。</li>\n";
  out += "<li><strong>用程序读取：JSON 文件。</strong>UTF-8 编码；申请材料和办理流程为对象数组，字段见下表。</li>\n";
  out += "<li><strong>CSV 文件</strong>供只能读 CSV 的程序使用，也可以双击用 Excel 打开：带 BOM 的 UTF-8 编码，"
         "逗号分隔（RFC 4180），首行为键名，申请材料和办理流程为编号文本。为了在电子表格中打开时不出错，有两处与 JSON 不同："
         "编码和电话列中全为数字（或形如数字）的值末尾加一个制表符（Tab），使电子表格按文本保留全部位数；"
         "以 <code>=</code>、<code>+</code>、<code>-</code>、<code>@</code> 开头的值前面加一个单引号（<code>'</code>），"
         "使电子表格不把它当作公式执行。程序读取 CSV 时，请去掉编码列值末尾的空白，并去掉这类值开头的单引号；"
         "或者直接使用 JSON。</li>\n";
  out += "</ul>\n";
  out += "<p>JSON 文件的顶层字段：<code>county</code>（" + catalog.settings.division + "名）、<code>title</code>（清单名称）、"
         "<code>version</code>（清单版本日期，YYYY-MM-DD）、<code>publisher</code>（发布机关）、"
         "<code>fields</code>（字段键名，按清单列的顺序）、<code>items</code>（事项数组）。</p>\n";

  out += "<h2>目录清单字段</h2>\n<div class=\"scroll\"><table class=\"fields\">\n<caption>catalog.json / catalog.csv</caption>\n";
  out += kFieldHead;
  out += "<tbody>\n";
  for (const CatalogField& f : kCatalogFields) {
    if (f.element == El::kCount) {
      field_row(out, f.key, "主管部门", "必填", "主管该事项的部门全称");
    } else {
      const ElementInfo& e = element(f.element);
      field_row(out, f.key, e.label, need_text(e.need), meaning(e));
    }
  }
  out += "</tbody></table></div>\n";

  out += "<h2>实施清单字段</h2>\n<div class=\"scroll\"><table class=\"fields\">\n<caption>implementation.json / implementation.csv</caption>\n";
  out += kFieldHead;
  out += "<tbody>\n";
  field_row(out, "department", "部门", "必填", "报送该事项的部门全称");
  for (int i = 0; i < kImplElements; ++i) {
    const ElementInfo& e = elements()[static_cast<size_t>(i)];
    field_row(out, e.key, e.label, need_text(e.need), meaning(e));
  }
  out += "</tbody></table></div>\n";

  auto sub = [&](const SubTableInfo& info, std::string_view key) {
    out += "<h2>" + escape(info.sheet) + "（<code>" + escape(key) + "</code> 数组的元素）</h2>\n";
    out += "<div class=\"scroll\"><table class=\"fields\">\n" + std::string(kFieldHead) + "<tbody>\n";
    for (const ColumnInfo& c : info.columns) {
      if (c.key == "name") continue;
      std::string m = c.table ? "取值（" + std::string(c.table->name) + "）：" + c.table->labels() : "";
      field_row(out, c.key, c.label, c.required ? "必填" : "选填", m);
    }
    out += "</tbody></table></div>\n";
  };
  sub(materials_table(), "materials");
  sub(process_table(), "process");

  out += "<h2>搜索索引字段</h2>\n<div class=\"scroll\"><table class=\"fields\">\n<caption>search.json 的 items</caption>\n";
  out += kFieldHead;
  out += "<tbody>\n";
  field_row(out, "name", "事项名称", "必填", "");
  field_row(out, "department", "部门", "必填", "");
  field_row(out, "kind", "事项类型", "必填", "");
  field_row(out, "materials", "申请材料", "必填", "材料名称的数组");
  field_row(out, "basis", "设定依据", "必填", "");
  field_row(out, "conditions", "受理条件", "必填", "");
  field_row(out, "url", "页面地址", "必填", "相对于本站根目录的事项页面地址：item/<实施编码>.html");
  out += "</tbody></table></div>\n";
  return out;
}

}  // namespace qd::portal
