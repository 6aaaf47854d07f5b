#include "writers/portal/data.h"

#include "writers/portal/html.h"
#include "writers/review/findings_csv.h"
#include "xlsx_writer/item_text.h"

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

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_field(cells[i]);
  }
  return out + "\r\n";
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
    if (f.key == key) return f.element == El::kCount ? item.department : xlsx::display_value(item, f.element);
  return "";
}

nlohmann::json implementation_record(const Item& item) {
  nlohmann::json o = nlohmann::json::object();
  o["department"] = item.department;
  for (int i = 0; i < kImplElements; ++i) {
    const ElementInfo& e = elements()[static_cast<size_t>(i)];
    if (e.id == El::Materials)
      o[std::string(e.key)] = sub_rows(item, item.materials, materials_table(), xlsx::material_value);
    else if (e.id == El::Process)
      o[std::string(e.key)] = sub_rows(item, item.steps, process_table(), xlsx::step_value);
    else
      o[std::string(e.key)] = xlsx::display_value(item, e.id);
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

std::string catalog_csv(const Catalog& catalog) {
  std::string out(kBom);
  out += csv_row(catalog_keys());
  for (const Item* it : catalog.published()) {
    std::vector<std::string> row;
    for (const std::string& k : catalog_keys()) row.push_back(catalog_value(*it, k));
    out += csv_row(row);
  }
  return out;
}

std::string implementation_csv(const Catalog& catalog) {
  std::string out(kBom);
  out += csv_row(implementation_keys());
  for (const Item* it : catalog.published()) {
    std::vector<std::string> row = {it->department};
    for (int i = 0; i < kImplElements; ++i)
      row.push_back(xlsx::display_value(*it, elements()[static_cast<size_t>(i)].id));
    out += csv_row(row);
  }
  return out;
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
    o["url"] = e.url;
    j["items"].push_back(std::move(o));
  }
  return j;
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
         "JSON 文件为 UTF-8 编码；CSV 文件为带 BOM 的 UTF-8 编码（可直接用 Excel 打开），首行为键名。"
         "代码类字段给出代码表中的名称。</p>\n";
  out += "<h2>文件</h2>\n<ul>\n";
  out += "<li><a href=\"catalog.json\">catalog.json</a>、<a href=\"catalog.csv\">catalog.csv</a>：目录清单，每个公布事项一条。</li>\n";
  out += "<li><a href=\"implementation.json\">implementation.json</a>、<a href=\"implementation.csv\">implementation.csv</a>：实施清单（36 项要素），每个公布事项一条。</li>\n";
  out += "<li><a href=\"search.json\">search.json</a>：本站搜索使用的索引（事项名称、部门、事项类型、材料名称、页面地址）。</li>\n";
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
  field_row(out, "url", "页面地址", "必填", "相对于本站根目录的事项页面地址：item/<实施编码>.html");
  out += "</tbody></table></div>\n";
  return out;
}

}  // namespace qd::portal
