#include "writers/lists/impl_list.h"

#include <algorithm>

#include "writers/lists/summary.h"
#include "model/display.h"
#include "xlsx_writer/table.h"

namespace qd {

namespace {

// Rows of one sub-table for every published item, as 部门, 事项名称,
// 实施编码 and the sub-table's other columns.
using RowsFn = std::vector<std::vector<std::string>> (*)(const Item&);

// Writes a county-wide sub-table sheet.
void write_sub_sheet(xlsx::Book& book, const Catalog& catalog, const std::string& county,
                     const SubTableInfo& info, RowsFn rows_of) {
  lxw_worksheet* ws = book.add_sheet(info.sheet);
  xlsx::Table t;
  t.title = county + "政务服务事项" + std::string(info.sheet);
  t.columns = {{"部门", 14, 24}, {"事项名称", 16, 30}, {"实施编码", 18, 36, true}};
  for (size_t c = 1; c < info.columns.size(); ++c) {
    const ColumnInfo& col = info.columns[c];
    t.columns.push_back(xlsx::Column{std::string(col.label), std::min(8.0, double(col.width)),
                                     std::max(10.0, col.width * 1.6), false,
                                     col.key == "seq", col.key == "seq"});
  }
  for (const Item* it : catalog.published()) {
    for (std::vector<std::string>& r : rows_of(*it)) {
      std::vector<std::string> row = {it->department, it->get(El::Name), it->get(El::ImplCode)};
      row.insert(row.end(), r.begin() + 1, r.end());
      t.rows.push_back(std::move(row));
    }
  }
  t.empty_note = "（无）";
  t.freeze_cols = 2;
  t.repeat_cols = 3;  // 部门, 事项名称 and 实施编码 in every printed band
  xlsx::write_table(book, ws, t);
}

// The widths of an element's column in the printed list.
xlsx::Column element_column(El e) {
  const ElementInfo& info = element(e);
  xlsx::Column c{std::string(info.label)};
  c.text = info.text_column;
  // 40 columns print in bands of A3 pages: keep them narrow and let text
  // wrap, so that they take few bands.
  c.min_width = std::clamp(info.width * 0.4, 6.0, 10.0);
  c.max_width = std::clamp(info.width * 0.8, 10.0, 24.0);
  if (e == El::Materials || e == El::Process) {
    c.min_width = 40;
    c.max_width = 56;
  }
  if (info.text_column && e != El::OnlineUrl) {
    // Codes and phones never wrap in the middle: fit them whole.
    c.max_width = std::max<double>(info.width, 12);
  }
  return c;
}

}  // namespace

std::vector<El> impl_list_elements(const Catalog& catalog) {
  std::vector<El> out;
  const auto published = catalog.published();
  for (const ElementInfo& e : elements()) {
    int index = static_cast<int>(e.id);
    bool core = index <= static_cast<int>(El::ComplaintPhone);
    bool present = std::any_of(published.begin(), published.end(),
                               [&](const Item* it) { return !it->get(e.id).empty(); });
    if (core || present) out.push_back(e.id);
  }
  return out;
}

Status write_impl_list(const Catalog& catalog, const OutputContext& ctx,
                       std::vector<std::string>* written) {
  std::string title = list_title(catalog, "实施清单");
  xlsx::Book book;
  if (Status s = book.open(ctx.output_dir + "/" + kImplListPath, xlsx::doc_info(catalog, title, catalog.version())); !s)
    return s;
  write_summary_sheet(book, catalog, title);

  const std::vector<El> shown = impl_list_elements(catalog);
  for (const DepartmentInfo& d : catalog.settings.departments) {
    lxw_worksheet* ws = add_department_sheet(book, d);
    xlsx::Table t;
    t.title = d.name + "政务服务事项实施清单";
    t.columns.push_back(xlsx::Column{"序号", 6, 6, false, true, true});
    for (El e : shown) t.columns.push_back(element_column(e));
    int n = 0;
    for (const Item* it : catalog.published(d.name)) {
      std::vector<std::string> row = {std::to_string(++n)};
      for (El e : shown) row.push_back(display_value(*it, e));
      t.rows.push_back(std::move(row));
    }
    t.empty_note = "（暂无公布的事项）";
    t.freeze_cols = 2;
    // Printed in bands of columns, each with 序号, 事项名称, 基本编码 and 实施编码.
    t.repeat_cols = 4;
    xlsx::write_table(book, ws, t);
  }
  const std::string& county = catalog.settings.county;
  write_sub_sheet(book, catalog, county, materials_table(), material_rows);
  write_sub_sheet(book, catalog, county, process_table(), step_rows);
  write_sub_sheet(book, catalog, county, fees_table(), fee_rows);
  if (Status s = book.close(); !s) return s;
  if (written) written->push_back(kImplListPath);
  return Ok{};
}

}  // namespace qd
