#include "ingest/department_reader.h"

#include <map>
#include <type_traits>
#include <utility>

#include "base/text.h"
#include "ingest/number_cells.h"
#include "ingest/table.h"

namespace qd {

namespace {

// Reports a problem of form in the workbook.
void report_form(Catalog& catalog, Place at, std::string rule, Severity severity,
                 std::string message, const std::string& department) {
  Finding f;
  f.at = std::move(at);
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.department = department;
  catalog.report(std::move(f));
}

// The text of a cell as the pipeline keeps it: dates as ISO text, numbers
// in their canonical decimal form, everything trimmed.
std::string cell_text(const Cell& cell) { return cell.type == CellType::Empty ? "" : trim(cell.text); }

// Reads the 填报信息 sheet: label in one column, value in the next.
Submission read_info(const Workbook& wb, const std::string& file, Catalog& catalog,
                     std::string* department) {
  Submission sub;
  sub.file = file;
  sub.readable = true;
  const Sheet* sheet = wb.find(kInfoSheet);
  if (!sheet) return sub;
  for (int r = 0; r < sheet->row_count(); ++r) {
    const auto& row = sheet->rows[r];
    for (size_t c = 0; c + 1 < row.size(); ++c) {
      std::string label = normalize_header(row[c].text);
      if (label.empty() || row[c].type != CellType::String) continue;
      const Cell& value = row[c + 1];
      std::string text = cell_text(value);
      Place at{file, sheet->name, cell_ref(r, static_cast<int>(c + 1))};
      if (label == "填报单位") {
        if (!text.empty()) *department = text;
      } else if (label == "填报人") {
        sub.filler = text;
      } else if (label == "联系电话") {
        sub.phone = text;
      } else if (label == "报送日期") {
        sub.date_at = at;
        if (value.type == CellType::Date || value.type == CellType::String) {
          if (!text.empty() && !parse_date(text, &sub.date))
            report_form(catalog, at, "DATE-FORMAT", Severity::Warning,
                        "报送日期“" + text + "”无法识别，请填写如 2017年8月30日 或 2017-08-30", "");
        } else if (value.type == CellType::Number) {
          sub.date = date_from_excel_serial(value.number);
        }
      } else {
        continue;
      }
      break;
    }
  }
  return sub;
}

// Fills a sub-table row's fields from the table, by column key.
struct ColumnRef {
  std::string_view key;
  int col;
};

// Maps the columns of a sub-table sheet and reports unknown and missing ones.
std::vector<ColumnRef> map_columns(const TableView& table, const SubTableInfo& info,
                                   Catalog& catalog, const std::string& department) {
  std::vector<ColumnRef> refs;
  for (const ColumnInfo& col : info.columns) {
    int c = table.column(col.label);
    refs.push_back({col.key, c});
    if (c < 0 && col.required)
      report_form(catalog, Place{table.file(), table.sheet().name, cell_ref(table.header_row(), 0)},
                  "COLUMN-MISSING", Severity::Error,
                  "“" + std::string(info.sheet) + "”工作表缺少必填列“" + std::string(col.label) +
                      "”，请按填报模板补上该列",
                  department);
  }
  for (const auto& [header, c] : table.columns()) {
    bool known = false;
    for (const ColumnInfo& col : info.columns)
      if (normalize_header(col.label) == header) known = true;
    if (!known)
      report_form(catalog, Place{table.file(), table.sheet().name, cell_ref(table.header_row(), c)},
                  "COLUMN-UNKNOWN", Severity::Warning,
                  "列“" + header + "”不是模板中的列，已忽略；如为必填项请改用模板列名", department);
  }
  return refs;
}

// The column of `key` in `refs`, or -1.
int col_of(const std::vector<ColumnRef>& refs, std::string_view key) {
  for (const ColumnRef& r : refs)
    if (r.key == key) return r.col;
  return -1;
}

// A field read from (row, column of key); an absent column gives an empty
// field placed at the row's first cell.
Field field_at(const TableView& table, int row, const std::vector<ColumnRef>& refs,
               std::string_view key) {
  int c = col_of(refs, key);
  return Field{table.text(row, c), table.place(row, c)};
}

// Whether the decimal number `a` is less than `b` (both all digits, of any
// length).
bool number_less(std::string_view a, std::string_view b) {
  auto strip = [](std::string_view s) {
    while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
    return s;
  };
  a = strip(a);
  b = strip(b);
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Which field of a sub-table row each column key fills. The first binding
// is the row's name column: its place is the row's place.
template <class Row>
using Bindings = std::vector<std::pair<std::string_view, Field Row::*>>;

const Bindings<Material> kMaterialBindings = {
    {"title", &Material::title},   {"seq", &Material::seq},
    {"kind", &Material::kind},     {"originals", &Material::originals},
    {"copies", &Material::copies}, {"form", &Material::form},
    {"source", &Material::source}, {"source_note", &Material::source_note},
    {"need", &Material::need},     {"notes", &Material::notes},
    {"basis", &Material::basis},   {"remark", &Material::remark}};
const Bindings<Step> kStepBindings = {
    {"step", &Step::step},   {"seq", &Step::seq},           {"staff", &Step::staff},
    {"limit", &Step::limit}, {"standard", &Step::standard}, {"outcome", &Step::outcome}};
const Bindings<FeeItem> kFeeBindings = {{"title", &FeeItem::title},
                                        {"standard", &FeeItem::standard},
                                        {"basis", &FeeItem::basis},
                                        {"waivable", &FeeItem::waivable},
                                        {"waiver_basis", &FeeItem::waiver_basis}};
const Bindings<Faq> kFaqBindings = {{"question", &Faq::question}, {"answer", &Faq::answer}};

// The department a workbook is for: 填报单位, else the 实施主体 of the first
// row, else `fallback` (the file name); a subordinate unit's name stands for
// its department.
std::string department_of(std::string department, const std::optional<TableView>& table,
                          const std::string& fallback, const Settings& settings) {
  if (department.empty() && table && table->ok() && !table->rows().empty())
    department = table->text(table->rows().front(), "实施主体");
  if (department.empty()) department = fallback;
  if (!settings.department(department))
    if (const DepartmentInfo* d = settings.department_of_unit(department)) department = d->name;
  return department;
}

// The column of every element in the 实施清单 (-1 when absent); reports
// columns the template does not have and required columns that are missing.
std::array<int, kElementCount> map_item_columns(const TableView& table, Catalog& catalog,
                                                const std::string& department) {
  std::array<int, kElementCount> cols;
  cols.fill(-1);
  for (const auto& [header, c] : table.columns()) {
    const ElementInfo* e = element_by_label(header);
    if (e && e->need != Need::SubTable) {
      if (cols[static_cast<size_t>(e->id)] < 0) cols[static_cast<size_t>(e->id)] = c;
    } else {
      report_form(catalog, table.place(table.header_row(), c), "COLUMN-UNKNOWN", Severity::Warning,
                  "列“" + header + "”不是模板中的列，已忽略；如为必填项请改用模板列名", department);
    }
  }
  for (const ElementInfo& e : elements()) {
    if (e.need == Need::Required && cols[static_cast<size_t>(e.id)] < 0)
      report_form(catalog, table.place(table.header_row(), 0), "COLUMN-MISSING", Severity::Error,
                  "“实施清单”工作表缺少必填列“" + std::string(e.label) + "”，请按填报模板补上该列",
                  department);
  }
  return cols;
}

// Reports a number stored where text is expected (NUMBER-AS-CODE): an error
// when digits may be lost, else a warning (the text is read as it is).
void check_number_cell(const ElementInfo& e, const Cell& cell, const Field& f, Catalog& catalog,
                       Item* item) {
  if (!e.text_column || cell.type != CellType::Number || cell.from_merge) return;
  NumberCell judged = judge_number_cell(e.id, f.text, catalog.settings.codes);
  if (judged == NumberCell::Fine) return;
  Finding finding;
  finding.at = f.at;
  finding.rule = "NUMBER-AS-CODE";
  if (judged == NumberCell::DigitsLost) {
    finding.severity = Severity::Error;
    finding.message = "“" + std::string(e.label) + "”被存成了数字（" + f.text +
                      "），前导零或位数可能已丢失；请把该列设为文本格式后按原样重新输入";
  } else {
    finding.severity = Severity::Warning;
    finding.message = "“" + std::string(e.label) + "”被存成了数字（" + f.text + "），位数完整，已按文本“" +
                      f.text + "”读取；请把该列设为文本格式，以免今后输入时丢失前导零";
  }
  catalog.report(std::move(finding), item);
}

// Appends one item per row of the 实施清单 to the catalog.
void read_items(const TableView& table, const std::array<int, kElementCount>& cols,
                const std::string& file, const std::string& department, Catalog& catalog) {
  for (int r : table.rows()) {
    Item item;
    item.department = department;
    item.file = file;
    item.at = table.place(r, cols[static_cast<size_t>(El::Name)]);
    for (const ElementInfo& e : elements()) {
      int c = cols[static_cast<size_t>(e.id)];
      Field& f = item.field(e.id);
      f.at = table.place(r, c);
      f.text = table.text(r, c);
      check_number_cell(e, table.cell(r, c), f, catalog, &item);
    }
    catalog.items.push_back(std::move(item));
  }
}

// What reading the sub-table sheets of one workbook needs.
struct SubTableReading {
  const Workbook& wb;
  const std::string& file;
  const std::string& department;
  Catalog& catalog;
  // The workbook's items by name (indexes into catalog.items).
  std::map<std::string, std::vector<size_t>> by_name;
};

// The block of every sub-table row of a name the 实施清单 gives more than
// once, and the number of blocks of each such name. A block starts where
// the name's rows break off or their 序号 starts again.
struct Blocks {
  std::vector<int> block_of;          // by index in sub.rows()
  std::map<std::string, int> count;   // name → number of blocks
};
Blocks find_blocks(const TableView& sub, int name_col, int seq_col, const SubTableReading& in) {
  struct Run {
    int last_index = -2;  // index in sub.rows() of the name's last row
    std::string last_seq;
  };
  std::map<std::string, Run> runs;
  Blocks out;
  out.block_of.assign(sub.rows().size(), 0);
  for (size_t k = 0; k < sub.rows().size(); ++k) {
    int r = sub.rows()[k];
    std::string name = sub.text(r, name_col);
    auto found = in.by_name.find(name);
    if (found == in.by_name.end() || found->second.size() < 2) continue;
    Run& run = runs[name];
    int& blocks = out.count[name];
    std::string seq = sub.text(r, seq_col);
    bool restarts = all_digits(seq) && all_digits(run.last_seq) && !number_less(run.last_seq, seq);
    if (run.last_index != static_cast<int>(k) - 1 || restarts) ++blocks;
    out.block_of[k] = blocks - 1;
    run.last_index = static_cast<int>(k);
    run.last_seq = seq;
  }
  return out;
}

// Reads one sub-table sheet into the vector `rows` of its items, using
// `bindings` to map column keys to fields; the row's place is that of its
// first bound field (the material, step, fee or question name).
//
// A name the 实施清单 gives more than once (a DUPLICATE) usually comes with
// its sub-table rows once per item row, block after block. Each block goes
// to its own item row, so the first row, which may be published, does not
// list every material twice. When the blocks do not match the item rows one
// to one, every item row takes every row (so the duplicate is one finding,
// not also "no materials"), leaving out exact repeats.
template <class Row>
void read_sub_table(SubTableReading& in, const SubTableInfo& info, const Bindings<Row>& bindings,
                    std::vector<Row> Item::*rows) {
  Catalog& catalog = in.catalog;
  const Sheet* sheet = in.wb.find(info.sheet);
  if (!sheet) return;
  TableView sub(*sheet, in.file, kNameLabel);
  if (!sub.ok()) {
    if (sheet->row_count() > 0)
      report_form(catalog, Place{in.file, sheet->name, "A1"}, "COLUMN-MISSING", Severity::Error,
                  "“" + std::string(info.sheet) + "”工作表找不到表头“事项名称”，请勿删除或改动表头行",
                  in.department);
    return;
  }
  auto refs = map_columns(sub, info, catalog, in.department);
  const int name_col = col_of(refs, "name");
  const Blocks blocks = find_blocks(sub, name_col, col_of(refs, "seq"), in);

  // Whether two rows hold the same text in every bound field.
  auto same_text = [&](const Row& a, const Row& b) {
    for (const auto& binding : bindings)
      if ((a.*(binding.second)).text != (b.*(binding.second)).text) return false;
    return true;
  };
  for (size_t k = 0; k < sub.rows().size(); ++k) {
    int r = sub.rows()[k];
    std::string name = sub.text(r, name_col);
    auto found = in.by_name.find(name);
    if (found == in.by_name.end()) {
      report_form(catalog, sub.place(r, name_col), "ORPHAN-ROW", Severity::Error,
                  name.empty() ? "“" + std::string(info.sheet) + "”第 " + std::to_string(r + 1) +
                                     " 行未填写事项名称，无法对应到事项"
                               : "“" + std::string(info.sheet) + "”中的事项“" + name +
                                     "”在“实施清单”中不存在，请核对事项名称是否一致",
                  in.department);
      // Kept, so that the department gets it back to correct (model/returns.h).
      LooseRow loose{in.department, &info, {}};
      for (const ColumnInfo& col : info.columns) loose.cells.push_back(field_at(sub, r, refs, col.key));
      catalog.loose_rows.push_back(std::move(loose));
      continue;
    }
    Row row{};
    for (const auto& [key, member] : bindings) row.*member = field_at(sub, r, refs, key);
    row.at = (row.*(bindings.front().second)).at;
    const std::vector<size_t>& owners = found->second;
    auto count = blocks.count.find(name);
    if (owners.size() == 1) {
      (catalog.items[owners[0]].*rows).push_back(std::move(row));
    } else if (count != blocks.count.end() && count->second == static_cast<int>(owners.size())) {
      (catalog.items[owners[static_cast<size_t>(blocks.block_of[k])]].*rows).push_back(std::move(row));
    } else {
      for (size_t owner : owners) {
        auto& list = catalog.items[owner].*rows;
        bool repeat = false;
        for (const Row& have : list) repeat = repeat || same_text(have, row);
        if (!repeat) list.push_back(row);
      }
    }
  }
}

}  // namespace

void read_department(const Workbook& wb, const std::string& file,
                     const std::string& fallback_department, Catalog& catalog) {
  std::string named;
  Submission sub = read_info(wb, file, catalog, &named);
  const Sheet* items_sheet = wb.find(kItemSheet);
  std::optional<TableView> table;
  if (items_sheet) table.emplace(*items_sheet, file, kNameLabel);
  const std::string department = department_of(named, table, fallback_department, catalog.settings);
  sub.department = department;
  catalog.submissions.push_back(sub);

  if (!items_sheet) {
    report_form(catalog, Place{file, "", ""}, "SHEET-MISSING", Severity::Error,
                "工作簿中没有“实施清单”工作表，请使用下发的填报模板，勿修改工作表名称", department);
    return;
  }
  if (!table->ok()) {
    report_form(catalog, Place{file, items_sheet->name, "A1"}, "COLUMN-MISSING", Severity::Error,
                "“实施清单”工作表前 20 行中找不到表头“事项名称”，请勿删除或改动表头行", department);
    return;
  }
  const size_t first_item = catalog.items.size();
  read_items(*table, map_item_columns(*table, catalog, department), file, department, catalog);

  // The sub-table rows go to their items by name.
  SubTableReading in{wb, file, department, catalog, {}};
  for (size_t i = first_item; i < catalog.items.size(); ++i)
    in.by_name[catalog.items[i].get(El::Name)].push_back(i);
  read_sub_table(in, materials_table(), kMaterialBindings, &Item::materials);
  read_sub_table(in, process_table(), kStepBindings, &Item::steps);
  read_sub_table(in, fees_table(), kFeeBindings, &Item::fees);
  read_sub_table(in, faq_table(), kFaqBindings, &Item::faqs);
}

}  // namespace qd
