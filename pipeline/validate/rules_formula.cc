// TEXT-FORMULA: a value that a spreadsheet would run as a formula when a
// clerk opens the published CSV (portal/data/*.csv, review/findings.csv).
//
// A warning, not an error. The value is harmless in every output: the
// writers put it into PDFs and HTML as text, into .xlsx as a string cell,
// and into a CSV with an apostrophe before it (writers/csv.h), so it never
// runs anywhere. And the same first character is often honest text: a
// 受理条件 written as a list, "-持有效身份证件", or a phone "+86 …". Blocking
// publication would hide an item over its punctuation; what the clerk and
// the reviewer need is to see the cell: a list dash is better written as
// "1." or "（1）" (the CSV shows it with the apostrophe), and an
// =HYPERLINK( or =cmd| has no business in a service guide, which the
// reviewer can return (退回).
#include "validate/rules.h"

namespace qd::vrules {

bool formula_start(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

namespace {

// The first character as the message shows it.
std::string shown(char c) {
  if (c == '\t') return "制表符";
  if (c == '\r') return "回车符";
  return "“" + std::string(1, c) + "”";
}

// Reports one value that starts like a formula.
void check_value(Catalog& c, Item& item, const Place& at, std::string_view label,
                 std::string_view text) {
  if (!formula_start(text)) return;
  std::string msg = q(label) + "以" + shown(text.front()) +
                    "开头，用电子表格软件（Excel、WPS）打开公开数据的 CSV 文件时会被当作公式；"
                    "发布的 CSV 文件已在其前面加单引号按文字处理。";
  if (text.front() == '-' || text.front() == '+')
    msg += "如是列表符号，请改为“1.”“（1）”等编号；";
  msg += "如是公式（如 =HYPERLINK(…)），请删除。";
  add(c, item, at, "TEXT-FORMULA", Severity::Warning, std::move(msg));
}

}  // namespace

void check_formulas(Catalog& c, Item& item) {
  for (const ElementInfo& e : elements()) {
    const Field& f = item.field(e.id);
    check_value(c, item, place_of(f, item.at), e.label, f.text);
  }
  auto cell = [&](const Field& f, const Place& row, std::string_view label) {
    check_value(c, item, place_of(f, row), label, f.text);
  };
  for (const Material& m : item.materials) {
    cell(m.seq, m.at, "序号"); cell(m.title, m.at, "材料名称"); cell(m.kind, m.at, "材料类型");
    cell(m.originals, m.at, "原件份数"); cell(m.copies, m.at, "复印件份数");
    cell(m.form, m.at, "材料形式"); cell(m.source, m.at, "来源渠道");
    cell(m.source_note, m.at, "来源说明"); cell(m.need, m.at, "是否必需");
    cell(m.notes, m.at, "填报须知"); cell(m.basis, m.at, "要求提供材料的依据");
    cell(m.remark, m.at, "备注");
  }
  for (const Step& s : item.steps) {
    cell(s.seq, s.at, "序号"); cell(s.step, s.at, "环节名称"); cell(s.staff, s.at, "办理人员");
    cell(s.limit, s.at, "办理时限"); cell(s.standard, s.at, "审查标准");
    cell(s.outcome, s.at, "办理结果");
  }
  for (const FeeItem& f : item.fees) {
    cell(f.title, f.at, "收费项目名称"); cell(f.standard, f.at, "收费标准");
    cell(f.basis, f.at, "收费依据"); cell(f.waivable, f.at, "是否允许减免");
    cell(f.waiver_basis, f.at, "减免依据");
  }
  for (const Faq& f : item.faqs) {
    cell(f.question, f.at, "问题"); cell(f.answer, f.at, "解答");
  }
}

}  // namespace qd::vrules
