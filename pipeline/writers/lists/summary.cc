#include "writers/lists/summary.h"

#include "xlsx_writer/table.h"
#include "model/counts.h"

namespace qd {

std::string list_title(const Catalog& catalog, std::string_view list) {
  return catalog.settings.county + "政务服务事项" + std::string(list) + "（" + catalog.version().chinese() + "）";
}

void write_summary_sheet(xlsx::Book& book, const Catalog& catalog, const std::string& title) {
  lxw_worksheet* ws = book.add_sheet("汇总");
  xlsx::Table t;
  t.title = title;
  t.columns.push_back(xlsx::Column{"部门", 16, 40});
  for (std::string_view label : kSummaryTypes)
    t.columns.push_back(xlsx::Column{std::string(label), 8, 14, false, true, true});
  t.columns.push_back(xlsx::Column{"合计", 8, 14, false, true, true});
  const size_t n = std::size(kSummaryTypes);
  std::vector<long> total(n + 1, 0);
  for (const DepartmentInfo& d : catalog.settings.departments) {
    std::vector<long> counts(n + 1, 0);
    for (const Item* it : catalog.published(d.name)) {
      ++counts[summary_column(*it)];
      ++counts[n];
    }
    std::vector<std::string> row = {d.name};
    for (size_t i = 0; i <= n; ++i) {
      row.push_back(std::to_string(counts[i]));
      total[i] += counts[i];
    }
    t.rows.push_back(std::move(row));
  }
  t.total = {"合计"};
  for (long v : total) t.total.push_back(std::to_string(v));
  t.autofilter = false;
  t.landscape = false;
  t.paper = xlsx::kPaperA4;
  xlsx::write_table(book, ws, t);
}

lxw_worksheet* add_department_sheet(xlsx::Book& book, const DepartmentInfo& dept) {
  return book.add_sheet(dept.name, dept.short_name.empty() ? dept.name : dept.short_name);
}

}  // namespace qd
