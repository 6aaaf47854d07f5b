#include "ingest/reference_reader.h"

#include <optional>

#include "base/text.h"
#include "ingest/table.h"

namespace qd {

namespace {

// Reports a problem in a reference workbook.
void report(Catalog& catalog, Place at, std::string rule, Severity severity, std::string message) {
  Finding f;
  f.at = std::move(at);
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  catalog.report(std::move(f));
}

// Opens the table of the sheet named `sheet_name` (or, failing that, the
// first sheet) whose header row holds `anchor`; reports when there is none.
std::optional<TableView> open_table(const Workbook& wb, const std::string& file,
                                    std::string_view sheet_name, std::string_view anchor,
                                    const std::vector<std::string_view>& required,
                                    Catalog& catalog) {
  const Sheet* sheet = wb.find(sheet_name);
  if (!sheet && !wb.sheets.empty()) sheet = &wb.sheets.front();
  if (!sheet) {
    report(catalog, Place{file, "", ""}, "SHEET-MISSING", Severity::Error,
           "工作簿中没有“" + std::string(sheet_name) + "”工作表");
    return std::nullopt;
  }
  TableView table(*sheet, file, anchor);
  if (!table.ok()) {
    report(catalog, Place{file, sheet->name, "A1"}, "COLUMN-MISSING", Severity::Error,
           "“" + sheet->name + "”工作表前 20 行中找不到表头“" + std::string(anchor) + "”");
    return std::nullopt;
  }
  for (std::string_view label : required) {
    if (table.column(label) < 0) {
      report(catalog, Place{file, sheet->name, cell_ref(table.header_row(), 0)}, "COLUMN-MISSING",
             Severity::Error, "“" + sheet->name + "”工作表缺少列“" + std::string(label) + "”");
      return std::nullopt;
    }
  }
  return table;
}

}  // namespace

void read_power_list(const Workbook& wb, const std::string& file, Catalog& catalog) {
  auto table = open_table(wb, file, "权力清单", "部门", {"部门", "事项名称", "事项类型"}, catalog);
  if (!table) return;
  for (int r : table->rows()) {
    PowerEntry e;
    e.department = table->text(r, "部门");
    e.name = table->text(r, "事项名称");
    std::string type = table->text(r, "事项类型");
    const CodeValue* v = item_types().find(type);
    e.type_code = v ? std::string(v->code) : type;
    e.basis = table->text(r, "设定依据");
    e.sub_name = table->text(r, "子项名称");
    e.basic_code = table->text(r, "基本编码");
    e.at = table->place(r, table->column("事项名称"));
    if (e.name.empty()) continue;
    if (!v)
      report(catalog, table->place(r, table->column("事项类型")), "ENUM-VALUE", Severity::Error,
             "权力清单中的事项类型“" + type + "”不在代码表中（应为 " + item_types().labels() + "）");
    catalog.power_list.push_back(std::move(e));
  }
}

void read_public_list(const Workbook& wb, const std::string& file, Catalog& catalog) {
  auto table = open_table(wb, file, "公共服务事项清单", "部门", {"部门", "事项名称"}, catalog);
  if (!table) return;
  for (int r : table->rows()) {
    PublicEntry e;
    e.department = table->text(r, "部门");
    e.name = table->text(r, "事项名称");
    e.domain = table->text(r, "公共服务类别");
    e.at = table->place(r, table->column("事项名称"));
    if (!e.name.empty()) catalog.public_list.push_back(std::move(e));
  }
}

void read_decisions(const Workbook& wb, const std::string& file, Catalog& catalog) {
  auto table = open_table(wb, file, "审核意见", "部门", {"部门", "事项名称", "审核结论", "审核日期"},
                          catalog);
  if (!table) return;
  for (int r : table->rows()) {
    Decision d;
    d.department = table->text(r, "部门");
    d.item = table->text(r, "事项名称");
    d.verdict = table->text(r, "审核结论");
    d.opinion = table->text(r, "审核意见");
    d.unit = table->text(r, "审核单位");
    d.at = table->place(r, table->column("审核结论"));
    Place date_at = table->place(r, table->column("审核日期"));
    const Cell& date_cell = table->cell(r, table->column("审核日期"));
    std::string date_text = table->text(r, "审核日期");
    bool date_ok = date_cell.type == CellType::Number
                       ? (d.date = date_from_excel_serial(date_cell.number), true)
                       : parse_date(date_text, &d.date);
    if (d.verdict != "通过" && d.verdict != "退回" && d.verdict != "取消") {
      report(catalog, d.at, "ENUM-VALUE", Severity::Error,
             "审核结论“" + d.verdict + "”无效，应为 通过、退回 或 取消；该条意见未采用");
      continue;
    }
    if (!date_ok) {
      report(catalog, date_at, "DATE-FORMAT", Severity::Error,
             "审核日期“" + date_text + "”无法识别，请填写如 2017-09-15；该条意见未采用");
      continue;
    }
    catalog.decisions.push_back(std::move(d));
  }
}

}  // namespace qd
