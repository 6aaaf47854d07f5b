#include "writers/lists/catalog_list.h"

#include "writers/lists/summary.h"
#include "model/display.h"
#include "xlsx_writer/table.h"

namespace qd {

Status write_catalog_list(const Catalog& catalog, const OutputContext& ctx,
                          std::vector<std::string>* written) {
  std::string title = list_title(catalog, "目录清单");
  xlsx::Book book;
  if (Status s = book.open(ctx.output_dir + "/" + kCatalogListPath, xlsx::doc_info(catalog, title, catalog.version())); !s)
    return s;
  write_summary_sheet(book, catalog, title);

  for (const DepartmentInfo& d : catalog.settings.departments) {
    lxw_worksheet* ws = add_department_sheet(book, d);
    xlsx::Table t;
    t.title = d.name + "政务服务事项目录清单";
    t.columns = {
        {"序号", 6, 6, false, true, true},  {"事项名称", 16, 30},
        {"基本编码", 14, 16, true},          {"设定依据", 24, 60},
        {"事项类型", 10, 14},                {"行使层级", 8, 14},
        {"主管部门", 14, 24},                {"主项名称", 10, 24},
        {"公共服务类别", 10, 18},
    };
    int n = 0;
    for (const Item* it : catalog.published(d.name)) {
      t.rows.push_back({std::to_string(++n), it->get(El::Name), it->get(El::BasicCode),
                        it->get(El::Basis), display_value(*it, El::Type),
                        display_value(*it, El::Level), it->department,
                        it->get(El::Parent), display_value(*it, El::PublicDomain)});
    }
    t.empty_note = "（暂无公布的事项）";
    t.freeze_cols = 2;
    xlsx::write_table(book, ws, t);
  }
  if (Status s = book.close(); !s) return s;
  if (written) written->push_back(kCatalogListPath);
  return Ok{};
}

}  // namespace qd
