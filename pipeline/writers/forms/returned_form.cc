#include "writers/forms/returned_form.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "base/sha256.h"
#include "model/display.h"
#include "xlsx_writer/book.h"
#include "xlsx_writer/print.h"
#include "xlsx_writer/widths.h"

namespace qd {

namespace {

// A column key of a sub-table and the field of a row that fills it.
using Binding = std::pair<std::string_view, const Field*>;

// The field bound to `key`, or nullptr.
const Field* find_field(std::initializer_list<Binding> bindings, std::string_view key) {
  for (const auto& [k, f] : bindings)
    if (k == key) return f;
  return nullptr;
}

// The field of column `key` of a sub-table row; nullptr for 事项名称, which
// a row does not keep (it is its item's name). A 申请材料 row:
const Field* sub_field(const Material& m, std::string_view key) {
  return find_field({{"seq", &m.seq}, {"title", &m.title}, {"kind", &m.kind},
                     {"originals", &m.originals}, {"copies", &m.copies}, {"form", &m.form},
                     {"source", &m.source}, {"source_note", &m.source_note}, {"need", &m.need},
                     {"notes", &m.notes}, {"basis", &m.basis}, {"remark", &m.remark}},
                    key);
}
// … a 办理流程 row:
const Field* sub_field(const Step& s, std::string_view key) {
  return find_field({{"seq", &s.seq}, {"step", &s.step}, {"staff", &s.staff}, {"limit", &s.limit},
                     {"standard", &s.standard}, {"outcome", &s.outcome}},
                    key);
}
// … a 收费项目 row:
const Field* sub_field(const FeeItem& f, std::string_view key) {
  return find_field({{"title", &f.title}, {"standard", &f.standard}, {"basis", &f.basis},
                     {"waivable", &f.waivable}, {"waiver_basis", &f.waiver_basis}},
                    key);
}
// … a 常见问题 row.
const Field* sub_field(const Faq& q, std::string_view key) {
  return find_field({{"question", &q.question}, {"answer", &q.answer}}, key);
}

// The zero-based row of a place's cell, or -1.
int row_of(const Place& at) {
  int row = -1, col = -1;
  return parse_cell_ref(at.cell, &row, &col) ? row : -1;
}

// Where the values of the submission that findings name went in the
// returned form (only those: a department's workbook may hold millions of
// cells, and has at most a few thousand findings).
class CellMap {
 public:
  // Keeps track of the places in `wanted` and the rows they are on.
  explicit CellMap(const std::vector<const Finding*>& wanted) {
    for (const Finding* f : wanted) {
      wanted_.insert(f->at);
      wanted_rows_.insert({f->at.file, f->at.sheet, row_of(f->at)});
    }
  }
  // The value at `from` (with text or empty: `has_text`) is in `to`. The columns a sheet lacks all
  // have the first cell of their row as their place: a cell claimed twice
  // is the value's that has text, else (no telling which) `row_cell`, the
  // first cell of `to`'s row.
  void value(const Place& from, const FormCell& to, const FormCell& row_cell, bool has_text) {
    if (from.cell.empty()) return;
    const int row = row_of(from);
    if (wanted_rows_.count(std::tuple<std::string_view, std::string_view, int>{from.file, from.sheet, row}))
      rows_.try_emplace({from.file, from.sheet, row}, row_cell);
    if (!wanted_.count(from)) return;
    auto [it, fresh] = cells_.try_emplace(from, Claim{to, has_text, false});
    Claim& c = it->second;
    if (!fresh && c.cell != to && !c.settled) {
      if (has_text && !c.has_text) c = Claim{to, true, false};
      else if (has_text == c.has_text) c = Claim{row_cell, has_text, true};
    }
  }
  // A place that stands for `to` as it is (a sheet's place with no cell).
  void exact(const Place& from, const FormCell& to) { cells_.try_emplace(from, Claim{to, true, true}); }
  // The cell of the returned form that holds the value at `at`: its own,
  // else the first cell of the row it was on; none for a place the form
  // does not hold (a header, a whole file, another file).
  std::optional<FormCell> find(const Place& at) const {
    if (auto it = cells_.find(at); it != cells_.end()) return it->second.cell;
    if (at.cell.empty()) return std::nullopt;
    if (auto it = rows_.find({at.file, at.sheet, row_of(at)}); it != rows_.end()) return it->second;
    return std::nullopt;
  }

 private:
  struct Claim {
    FormCell cell;
    bool has_text = false;
    bool settled = false;  // claimed by two values alike: the row's cell
  };
  using Row = std::tuple<std::string, std::string, int>;  // file, sheet, row
  // Orders rows and looks them up by views (libstdc++'s tuples of strings
  // and of string views do not compare with each other under clang).
  struct RowLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      const std::string_view af = std::get<0>(a), bf = std::get<0>(b);
      if (af != bf) return af < bf;
      const std::string_view as = std::get<1>(a), bs = std::get<1>(b);
      if (as != bs) return as < bs;
      return std::get<2>(a) < std::get<2>(b);
    }
  };
  std::set<Place> wanted_;
  std::set<Row, RowLess> wanted_rows_;
  std::map<Place, Claim> cells_;
  std::map<Row, FormCell> rows_;
};

// One row of a sub-table sheet of the returned form, with the places its
// cells came from.
struct SubRow {
  size_t file_rank = 0;  // its file's rank among the department's files
  int row = -1;          // its row in the submission
  size_t order = 0;      // the order it was met in (items, then loose rows)
  Place at;              // the row's place, which rows copied to two items share
  std::vector<std::string> values;
  std::vector<Place> places;  // one per column ("" cell: none)
};

// The rank of `file` among the files met so far (appended when new).
size_t rank_of(std::vector<std::string>& files, const std::string& file) {
  auto it = std::find(files.begin(), files.end(), file);
  if (it != files.end()) return static_cast<size_t>(it - files.begin());
  files.push_back(file);
  return files.size() - 1;
}

// Appends the rows of one item's sub-table (`rows` of type Row) to `out`.
template <class Row, class ValueFn>
void add_rows(const Item& item, const std::vector<Row>& rows, const SubTableInfo& table, ValueFn value,
              std::vector<std::string>& files, std::vector<SubRow>& out) {
  for (const Row& row : rows) {
    SubRow r;
    r.at = row.at;
    r.file_rank = rank_of(files, row.at.file.empty() ? item.file : row.at.file);
    r.row = row_of(row.at);
    r.order = out.size();
    for (const ColumnInfo& col : table.columns) {
      r.values.push_back(value(item, row, col.key));
      const Field* f = sub_field(row, col.key);
      r.places.push_back(f ? f->at : Place{});
    }
    out.push_back(std::move(r));
  }
}

// The rows of one sub-table sheet: the items' rows and the loose rows of
// that sheet in submitted order, each row once (a row given to two items of
// one name is one row of the submission).
std::vector<SubRow> sub_rows(const DepartmentReturn& r, size_t table, std::vector<std::string>& files) {
  const SubTableInfo& info = *form_sub_tables()[table];
  std::vector<SubRow> rows;
  for (const Item* it : r.items) {
    switch (table) {
      case 0: add_rows(*it, it->materials, info, material_value, files, rows); break;
      case 1: add_rows(*it, it->steps, info, step_value, files, rows); break;
      case 2: add_rows(*it, it->fees, info, fee_value, files, rows); break;
      default: add_rows(*it, it->faqs, info, faq_value, files, rows); break;
    }
  }
  for (const LooseRow* loose : r.loose_rows) {
    if (loose->table != &info || loose->cells.empty()) continue;
    SubRow row;
    row.at = loose->cells.front().at;
    row.file_rank = rank_of(files, row.at.file);
    row.row = row_of(row.at);
    row.order = rows.size();
    for (const Field& f : loose->cells) {
      row.values.push_back(f.text);
      row.places.push_back(f.at);
    }
    rows.push_back(std::move(row));
  }
  // Rows without a place (last published items) first, in the order they
  // were met in; then by file and row, which puts the copies of a row side
  // by side.
  std::stable_sort(rows.begin(), rows.end(), [](const SubRow& a, const SubRow& b) {
    return std::make_tuple(a.row >= 0, a.file_rank, a.row, a.order) <
           std::make_tuple(b.row >= 0, b.file_rank, b.row, b.order);
  });
  std::vector<SubRow> once;
  for (SubRow& row : rows)
    if (once.empty() || row.at.cell.empty() || !(once.back().at == row.at)) once.push_back(std::move(row));
  return once;
}

// How strongly a fill claims a cell: an error's red over a decision's
// orange over a warning's yellow.
int fill_rank(uint32_t fill) {
  return fill == kErrorFill ? 3 : fill == kReturnFill ? 2 : fill == kWarningFill ? 1 : 0;
}

// The fill of a finding's cell: red for an error, yellow for a warning,
// none for a hint or a report (a comment only).
uint32_t severity_fill(Severity s) {
  return s == Severity::Error ? kErrorFill : s == Severity::Warning ? kWarningFill : 0;
}

// Marks `cell` with `fill` (the stronger one stays) and one more comment
// paragraph.
void mark(FormContent& content, const FormCell& cell, uint32_t fill, const std::string& paragraph,
          bool unlock) {
  CellMark& m = content.marks[cell];
  if (fill_rank(fill) > fill_rank(m.fill)) m.fill = fill;
  if (!m.comment.empty()) m.comment += "\n\n";
  m.comment += paragraph;
  m.unlock = m.unlock || unlock;
}

// What the department does about a finding, in Chinese.
std::string what_to_do(const Finding& f, bool placed, bool kept, bool code_cell) {
  const std::string& r = f.rule;
  if (r == "FILE-UNREADABLE")
    return kept ? "原文件无法读取。本工作簿已预填本部门上期公布的事项：请在本工作簿中核对、修改、补充后，作为本部门的填报表重新报送。"
                : "原文件无法读取。请在本工作簿中填报后，作为本部门的填报表重新报送。";
  if (r == "SHEET-MISSING" || r == "COLUMN-MISSING")
    return "本工作簿已按模板设好全部工作表和列：请在本工作簿中填写后重新报送，不要改动工作表名称和第一行的列名。";
  if (r == "COLUMN-UNKNOWN")
    return "该列不是模板中的列，其内容未读入：如需填报，请填入本工作簿中对应的列。";
  if (r == "POWER-OMITTED" || r == "PUBLIC-FEWER")
    return "在“实施清单”末尾的空白行补报该事项（名称与清单一致），并在“申请材料”“办理流程”等工作表中填写它的各行。";
  if (r == "DUPLICATE")
    return "同一事项只保留一行：删除重复填报的一行（连同其他工作表中重复的行），或改正事项名称。";
  if (r == "ORPHAN-ROW") return "把该行的“事项名称”改为“实施清单”中对应事项的名称，或删除该行。";
  if (r == "MATERIALS-NONE") return "在“申请材料”工作表中为该事项填写申请材料，每份材料一行。";
  if (r == "PROCESS-STEPS") return "在“办理流程”工作表中补全该事项的办理环节。";
  if (r == "CONTENT-UNAPPROVED") return "无需修改：修改后的内容经审核通过后公布，此前继续公布上期版本。";
  if (r == "CARRIED-OVER") return "仅作通报：本期内容改正并经审核通过后，公布新的版本。";
  if (r == "DECISION-ORPHAN") return "审核意见所说的事项不在本次报送中：如漏报，请补报；如事项名称有误，请改正。";
  if (r == "FINDINGS-LIMIT") return "请先改正已列出的问题后重新报送，其余问题将在下次审核时列出。";
  if (code_cell)
    return "改正标出的编码（编码列中只有标出的单元格可以修改；新增事项的编码按“填写说明”填写或留空）。";
  switch (f.severity) {
    case Severity::Error:
      return placed ? "改正标出的单元格（错误：改正前该事项不能公布）。" : "按问题说明改正（错误：改正前不能公布）。";
    case Severity::Warning:
      return placed ? "核对标出的单元格，需要改的请改正（警告：不影响公布）。" : "按问题说明核对（警告：不影响公布）。";
    case Severity::Hint: return "建议改进，可不改。";
    case Severity::Report: return "仅作通报，无需修改。";
  }
  return "";
}

// The order of the form's sheets, for sorting notes by place.
int sheet_rank(std::string_view sheet) {
  if (sheet == kInfoSheet) return 0;
  if (sheet == kItemSheet) return 1;
  const auto& tables = form_sub_tables();
  for (size_t k = 0; k < tables.size(); ++k)
    if (tables[k]->sheet == sheet) return 2 + static_cast<int>(k);
  return 9;
}

// The data's date of a return: the latest of its submissions' dates, its
// returning decisions' dates (neither after the build date) and its items'
// versions; the submission deadline when there is none (never a date of
// other departments' data, which would make the form again when theirs
// changes).
Date return_date(const Catalog& c, const DepartmentReturn& r) {
  Date latest;
  auto take = [&](const Date& d, bool capped) {
    if (!d.valid() || (capped && c.build_date.valid() && d > c.build_date)) return;
    if (!latest.valid() || d > latest) latest = d;
  };
  for (const Submission* s : r.submissions) take(s->date, true);
  for (const ReturnedDecision& d : r.decisions) take(d.decision->date, true);
  for (const Item* it : r.items) take(it->version, false);
  return latest.valid() ? latest : c.settings.deadline;
}

// A cell as the 审核意见 sheet shows it: "实施清单!U34".
std::string cell_name(const FormCell& cell) { return cell.sheet + "!" + cell_ref(cell.row, cell.col); }

// Writes the 审核意见 sheet: heading, how to go about it, and one row per
// note with a link to its cell.
void write_return_sheet(xlsx::Book& book, const Catalog& catalog, const DepartmentInfo& dept,
                        const ReturnedForm& form) {
  lxw_worksheet* ws = book.add_sheet(kReturnSheet);
  if (!ws) return;
  const std::vector<std::string> head = {"序号", "类别", "规则或审核单位", "事项名称",
                                         "位置（点击跳转）", "问题或审核意见", "怎么改", "原报送位置"};
  const double width[] = {6, 8, 18, 24, 18, 60, 40, 36};
  const int ncols = static_cast<int>(head.size());
  xlsx::Widths widths(ncols, 4, 100);
  for (int c = 0; c < ncols; ++c) widths.at_least(c, width[c]);
  book.check(widths.apply(ws), "设置列宽");

  lxw_format* title = book.format(xlsx::title_style());
  lxw_format* note = book.format(xlsx::note_style());
  lxw_format* header = book.format(xlsx::header_style());
  lxw_format* body = book.format(xlsx::body_style());
  xlsx::Style centred = xlsx::body_style();
  centred.center = true;
  lxw_format* centre = book.format(centred);
  xlsx::Style ls = xlsx::body_style();
  ls.color = 0x0563C1;
  lxw_format* link = book.format(ls);
  auto kind_format = [&](const std::string& kind) {
    xlsx::Style s = centred;
    s.fill = kind == "错误" ? kErrorFill : kind == "警告" ? kWarningFill : kind == "退回" ? kReturnFill : 0;
    return book.format(s);
  };

  int row = 0;
  book.merge(ws, row, 0, row, ncols - 1, dept.name + "政务服务事项清单 审核意见（退回修改）", title);
  book.check(worksheet_set_row(ws, row++, 30, nullptr), "设置行高");
  std::vector<std::string> lines;
  std::string counts = "经审核，本部门报送的清单有错误" + std::to_string(form.errors) + "个、警告" +
                       std::to_string(form.warnings) + "个";
  if (form.hints) counts += "、建议" + std::to_string(form.hints) + "条";
  if (form.reports) counts += "、通报" + std::to_string(form.reports) + "条";
  counts += "，审核退回的意见" + std::to_string(form.decisions) + "条，逐条列在下表。";
  lines.push_back(counts);
  if (form.kept)
    lines.push_back("本部门本期报送的事项未能读取，本工作簿预填的是上期公布的事项。");
  else if (form.content.items.empty())
    lines.push_back("本部门本期报送的事项未能读取，本工作簿为空白填报表。");
  lines.push_back(
      "修改方法：点击“位置”一栏跳到对应的单元格，在原单元格中修改。标出的单元格中，红色为错误（必须改正，否则该事项不能公布），"
      "黄色为警告（请核对），橙色为审核退回的事项；鼠标指向单元格即显示批注，写明规则和问题。"
      "“位置”为“无”的问题涉及整个文件或其他清单，按“怎么改”一栏办理。建议和通报列在最后，可不修改。");
  lines.push_back("改好后，将本工作簿作为本部门的填报表重新报送" + catalog.settings.office +
                  "。不要改动工作表名称和第一行的列名；批注和底色不必删除，读取时不予理会。");
  for (const std::string& line : lines) {
    book.merge(ws, row, 0, row, ncols - 1, line, note);
    double n = std::max(1.0, std::ceil(xlsx::text_width(line) / 200.0));
    book.check(worksheet_set_row(ws, row++, 15 * n + 3, nullptr), "设置行高");
  }
  ++row;
  const int header_row = row;
  book.row(ws, row, 0, head, header);
  book.check(worksheet_set_row(ws, row++, 20, nullptr), "设置行高");
  int n = 0;
  for (const ReturnNote& note_row : form.notes) {
    book.number(ws, row, 0, ++n, centre);
    book.text(ws, row, 1, note_row.kind, kind_format(note_row.kind));
    book.text(ws, row, 2, note_row.source, body);
    book.text(ws, row, 3, note_row.item, body);
    if (note_row.cell) {
      const std::string shown = cell_name(*note_row.cell);
      const std::string url = "internal:'" + note_row.cell->sheet + "'!" +
                              cell_ref(note_row.cell->row, note_row.cell->col);
      book.check(worksheet_write_url_opt(ws, row, 4, url.c_str(), link, shown.c_str(), nullptr),
                 "写入链接 " + cell_ref(row, 4));
    } else {
      book.text(ws, row, 4, "无", centre);
    }
    book.text(ws, row, 5, note_row.message, body);
    book.text(ws, row, 6, note_row.todo, body);
    book.text(ws, row, 7, note_row.origin, body);
    const std::vector<std::string> cells = {"", note_row.kind, note_row.source, note_row.item, "",
                                            note_row.message, note_row.todo, note_row.origin};
    book.check(worksheet_set_row(ws, row, xlsx::row_height(cells, widths), nullptr), "设置行高");
    ++row;
  }
  worksheet_freeze_panes(ws, header_row + 1, 0);
  if (!form.notes.empty())
    book.check(worksheet_autofilter(ws, header_row, 0, row - 1, ncols - 1), "设置筛选");
  xlsx::PrintSetup p;
  p.title = dept.name + "审核意见";
  p.repeat_first = p.repeat_last = header_row;
  p.paper = xlsx::kPaperA4;
  xlsx::setup_print(book, ws, p);
}

}  // namespace

ReturnedForm returned_form(const Catalog& catalog, const DepartmentReturn& r) {
  ReturnedForm form;
  FormContent& content = form.content;
  form.kept = r.kept;
  form.date = return_date(catalog, r);
  content.items = r.items;
  content.comment_author = catalog.settings.office;
  const std::string n = std::to_string(r.items.size());
  content.prefilled_note =
      r.kept ? "本部门本期报送的事项未能读取，本表预填的是上期公布的" + n +
                   "个事项，退回修改：请按“审核意见”工作表核对、修改、补充后，将本工作簿作为本部门的填报表重新报送。"
      : r.items.empty()
          ? "本部门本期报送的事项未能读取，本表为空白填报表，退回修改：请按“审核意见”工作表在本表中填报后，"
            "将本工作簿作为本部门的填报表重新报送。"
          : "本表是本部门报送的清单（" + n +
                "个事项，含未通过审核的），退回修改：请按“审核意见”工作表修改标出的单元格（批注中写明了问题），"
                "改好后将本工作簿作为本部门的填报表重新报送。批注和底色不必删除，读取时不予理会。";

  // 填报信息: the first submission's filler and phone, the earliest date.
  CellMap map(r.findings);
  const FormCell date_cell{std::string(kInfoSheet), 3, 1};
  for (const Submission* s : r.submissions) {
    if (content.filler.empty()) content.filler = s->filler;
    if (content.phone.empty()) content.phone = s->phone;
    if (s->date.valid() && (!content.date.valid() || s->date < content.date)) content.date = s->date;
    map.value(s->date_at, date_cell, date_cell, true);
    map.exact(Place{s->file, std::string(kInfoSheet), ""}, date_cell);
  }

  // 实施清单: one row per item, in submitted order.
  const std::vector<El> cols = form_elements();
  for (size_t i = 0; i < r.items.size(); ++i) {
    const Item& it = *r.items[i];
    const int row = static_cast<int>(i) + 1;
    const FormCell name{std::string(kItemSheet), row, 0};
    for (size_t c = 0; c < cols.size(); ++c)
      map.value(it.field(cols[c]).at, FormCell{std::string(kItemSheet), row, static_cast<int>(c)}, name,
                !it.get(cols[c]).empty());
    map.value(it.at, name, name, !it.get(El::Name).empty());
  }

  // The sub-tables: rows in submitted order.
  std::vector<std::string> files;
  for (const Item* it : r.items) rank_of(files, it->file);
  for (size_t k = 0; k < form_sub_tables().size(); ++k) {
    const std::string sheet(form_sub_tables()[k]->sheet);
    std::vector<std::vector<std::string>> rows;
    const std::vector<SubRow> subs = sub_rows(r, k, files);
    for (size_t j = 0; j < subs.size(); ++j) {
      const int row = static_cast<int>(j) + 1;
      const FormCell first{sheet, row, 0};
      for (size_t c = 0; c < subs[j].places.size(); ++c)
        map.value(subs[j].places[c], FormCell{sheet, row, static_cast<int>(c)}, first,
                  !subs[j].values[c].empty());
      rows.push_back(subs[j].values);
    }
    content.sub_rows.push_back(std::move(rows));
  }

  // The decisions, on their items' names.
  std::vector<std::pair<int, ReturnNote>> placed;  // (order, note)
  for (const ReturnedDecision& d : r.decisions) {
    auto at = std::find(r.items.begin(), r.items.end(), d.item);
    const FormCell cell{std::string(kItemSheet), static_cast<int>(at - r.items.begin()) + 1, 0};
    const std::string source = d.decision->unit + " " + d.decision->date.iso();
    const std::string opinion = d.decision->opinion.empty() ? "（未写明理由）" : d.decision->opinion;
    mark(content, cell, kReturnFill, "【退回】" + source + "\n" + opinion, false);
    ReturnNote n{"退回", source, d.item->get(El::Name), cell, "", opinion,
                 "按审核意见修改该事项，重新报送后经审核通过才能公布。"};
    placed.emplace_back(0, std::move(n));
    ++form.decisions;
  }

  // The findings, at their cells.
  std::vector<ReturnNote> unplaced;
  for (const Finding* f : r.findings) {
    std::optional<FormCell> cell = map.find(f->at);
    const bool code_cell = cell && cell->sheet == kItemSheet && cell->row > 0 &&
                           locked_element(cols[static_cast<size_t>(cell->col)]);
    ReturnNote n{std::string(severity_label(f->severity)), f->rule, f->item, cell, f->at.str(), f->message,
                 what_to_do(*f, cell.has_value(), r.kept, code_cell)};
    form.errors += f->severity == Severity::Error;
    form.warnings += f->severity == Severity::Warning;
    form.hints += f->severity == Severity::Hint;
    form.reports += f->severity == Severity::Report;
    if (cell) {
      mark(content, *cell, severity_fill(f->severity),
           "【" + n.kind + "】" + f->rule + "\n" + f->message, code_cell);
      placed.emplace_back(1, std::move(n));
    } else {
      unplaced.push_back(std::move(n));
    }
  }
  // What is to be corrected first (退回, 错误, 警告), then the hints and
  // reports (建议, 通报); in each, the problems of no cell first, then by
  // place, a decision before the findings of its cell, else as they came.
  auto minor = [](const ReturnNote& n) { return n.kind == severity_label(Severity::Hint) ||
                                                n.kind == severity_label(Severity::Report); };
  std::vector<std::pair<int, ReturnNote>> sorted;
  for (ReturnNote& n : unplaced) sorted.emplace_back(-1, std::move(n));
  for (auto& p : placed) sorted.push_back(std::move(p));
  std::stable_sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
    auto key = [&](const std::pair<int, ReturnNote>& p) {
      const FormCell none{"", -1, -1};
      const FormCell& c = p.second.cell ? *p.second.cell : none;
      return std::make_tuple(minor(p.second), p.second.cell.has_value(), sheet_rank(c.sheet), c.row, c.col,
                             p.first);
    };
    return key(a) < key(b);
  });
  for (auto& p : sorted) form.notes.push_back(std::move(p.second));
  return form;
}

std::string returned_form_digest(const ReturnedForm& form, const DepartmentInfo& dept,
                                 std::string_view base, std::string_view path) {
  Sha256 h;
  h.field(base).field("returns").field(path).field(dept.name).field(dept.number);
  h.field(form.date.iso()).field(form.kept ? "kept" : "submitted");
  const FormContent& c = form.content;
  h.field(c.filler).field(c.phone).field(c.date.iso()).field(c.comment_author).field(c.prefilled_note);
  for (const Item* it : c.items) {
    h.field("item");
    for (const std::string& v : form_item_row(*it)) h.field(v);
  }
  for (const auto& rows : c.sub_rows) {
    h.field("sheet");
    for (const auto& row : rows) {
      h.field("row");
      for (const std::string& v : row) h.field(v);
    }
  }
  for (const auto& [cell, m] : c.marks)
    h.field(cell.sheet).field(std::to_string(cell.row)).field(std::to_string(cell.col))
        .field(std::to_string(m.fill)).field(m.comment).field(m.unlock ? "1" : "0");
  for (const ReturnNote& n : form.notes) {
    h.field(n.kind).field(n.source).field(n.item).field(n.origin).field(n.message).field(n.todo);
    h.field(n.cell ? cell_name(*n.cell) : "");
  }
  return h.hex();
}

Status write_returned_form(const Catalog& catalog, const OutputContext& ctx, const DepartmentInfo& dept,
                           const ReturnedForm& form, std::vector<std::string>* written) {
  const std::string rel = paths_of(ctx, catalog)->returned_form(dept);
  xlsx::Book book;
  xlsx::DocInfo info = xlsx::doc_info(catalog, dept.name + "政务服务事项实施清单（退回修改）", form.date);
  if (Status s = book.open(ctx.output_dir + "/" + rel, info); !s) return s;
  write_return_sheet(book, catalog, dept, form);
  add_form_sheets(book, catalog, dept, form.content);
  if (Status s = book.close(); !s) return s;
  if (written) written->push_back(rel);
  return Ok{};
}

}  // namespace qd
