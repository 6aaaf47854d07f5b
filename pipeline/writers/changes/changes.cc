#include "writers/changes/changes.h"

#include "base/sha256.h"
#include "xlsx_writer/book.h"
#include "xlsx_writer/table.h"
#include "model/counts.h"

namespace qd {

namespace {

// The sheet of item changes: one row per changed value (one per item for
// added and retired items).
xlsx::Table change_table(const Catalog& c) {
  xlsx::Table t;
  t.title = c.settings.county + "政务服务事项变更情况（" +
            changes_version_of(c).chinese() + "版）";
  t.columns = {{"序号", 6, 6, false, true, true}, {"变更类型", 8, 10, false, false, true},
               {"部门", 16, 30}, {"事项名称", 18, 36}, {"实施编码", 20, 34, true},
               {"变更内容", 14, 30}, {"原内容", 20, 50}, {"新内容", 20, 50}};
  int n = 0;
  for (const ItemChange& ch : c.changes) {
    std::string kind(change_label(ch.kind));
    if (ch.fields.empty()) {
      t.rows.push_back({std::to_string(++n), kind, ch.department, ch.name, ch.impl_code,
                        ch.kind == ItemChange::Kind::Added ? "新增事项" : "取消事项", "", ""});
      continue;
    }
    for (const FieldChange& f : ch.fields)
      t.rows.push_back({std::to_string(++n), kind, ch.department, ch.name, ch.impl_code, f.label,
                        f.before, f.after});
  }
  t.empty_note = "与上次公布的清单相比没有变更。";
  return t;
}

// The 待重印清单.
xlsx::Table reprint_table(const Catalog& c) {
  xlsx::Table t;
  t.title = "待重印清单（" +
            changes_version_of(c).chinese() + "版）";
  t.columns = {{"序号", 6, 6, false, true, true}, {"类别", 10, 14, false, false, true},
               {"大厅或部门", 18, 30}, {"文件", 30, 70}};
  int n = 0;
  for (const Reprint& r : c.reprints)
    t.rows.push_back({std::to_string(++n), r.kind, r.where, r.path});
  t.empty_note = "没有需要重印的材料。";
  t.paper = xlsx::kPaperA4;
  return t;
}

}  // namespace

Status write_changes(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  xlsx::Book book;
  std::string title = catalog.settings.county + "政务服务事项变更情况";
  QD_TRY(book.open(ctx.output_dir + "/" + kChangesPath, xlsx::doc_info(catalog, title, changes_version_of(catalog))));
  xlsx::Table changes = change_table(catalog);
  lxw_worksheet* ws = book.add_sheet("变更情况");
  int row = xlsx::write_table(book, ws, changes);
  const ChangeCounts n = count_changes(catalog.changes);
  std::string note = "与上一版本相比，新增事项" + std::to_string(n.added) + "项，变更" +
                     std::to_string(n.changed) + "项，取消" + std::to_string(n.retired) + "项；清单版本" +
                     catalog.version().chinese() + "。";
  book.merge(ws, row + 1, 0, row + 1, static_cast<int>(changes.columns.size()) - 1, note,
             book.format(xlsx::note_style()));
  xlsx::write_table(book, book.add_sheet("待重印清单"), reprint_table(catalog));
  QD_TRY(book.close());
  if (written) written->push_back(kChangesPath);
  return Ok{};
}

Result<std::vector<Part>> plan_changes(const Catalog& catalog, const OutputContext&,
                                       const Digests& digests) {
  Sha256 h;
  h.field(digests.catalog);
  for (const Reprint& r : catalog.reprints) h.field(r.kind).field(r.path).field(r.where);
  Part p;
  p.id = kChangesPath;
  p.made_from = h.hex();
  const Catalog* c = &catalog;
  p.render = [c](const OutputContext& ctx, std::vector<std::string>* written) {
    return write_changes(*c, ctx, written);
  };
  return std::vector<Part>{std::move(p)};
}

}  // namespace qd
