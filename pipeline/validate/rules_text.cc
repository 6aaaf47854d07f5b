// TEXT-CHARS: characters a clerk cannot see or the fonts cannot print.
#include <cstdio>

#include "validate/rules.h"

namespace qd::vrules {

namespace {

// "U+0007" for a code point.
std::string u_plus(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// What is wrong with one code point, or "" when it is fine.
std::string char_problem(char32_t cp) {
  if (cp == '\n' || cp == '\t') return {};
  if (!xml_char(cp)) return cp < 0x20 ? "控制字符" : "非字符（不是任何文字）";
  if (cp < 0x20 || cp == 0x7F) return "控制字符";
  if (cp >= 0x80 && cp <= 0x9F) return "控制字符";
  if (cp == 0xFFFD) return "无法识别的字符（替换符，原文可能编码错误）";
  if ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF)
    return "不可见的格式字符";
  if (cp >= 0xE000 && cp <= 0xF8FF) return "私用区字符（造字，字体中没有）";
  if (cp > 0xFFFF) return "基本平面以外的字符（生僻字或表情符号，印刷字体可能不支持）";
  return {};
}

// Reports the first bad character of one value (and how many there are).
// Characters XML cannot carry (controls, U+FFFE, U+FFFF) are removed from
// the value, so no output made from it becomes unreadable; the others stay.
void check_value(Catalog& c, Item* item, const Place& at, std::string_view label,
                 std::string* text, const std::string& dept, const std::string& name) {
  if (text->empty()) return;
  std::u32string u = utf8_decode(*text);
  size_t first = u.size(), count = 0, illegal = 0;
  for (size_t i = 0; i < u.size(); ++i) {
    if (!char_problem(u[i]).empty()) {
      if (first == u.size()) first = i;
      ++count;
      illegal += !xml_char(u[i]);
    }
  }
  if (count == 0) return;
  std::string msg = q(label) + "第" + std::to_string(first + 1) + "个字符是" +
                    char_problem(u[first]) + " " + u_plus(u[first]);
  if (count > 1) msg += "（共" + std::to_string(count) + "处）";
  if (illegal > 0) {
    *text = xml_text(*text);
    msg += illegal == count ? "，已从发布的内容中删除（表格和文档无法容纳）；请核对原文后改正。"
                            : "，其中表格和文档无法容纳的" + std::to_string(illegal) +
                                  "处已从发布的内容中删除，其余不会自动删除；请核对后改为正常文字。";
  } else {
    msg += "，系统不会自动删除；请核对后改为正常文字，生僻字请确认印刷字体能否显示。";
  }
  if (item)
    add(c, *item, at, "TEXT-CHARS", Severity::Warning, std::move(msg));
  else
    add_free(c, at, "TEXT-CHARS", Severity::Warning, std::move(msg), dept, name);
}

}  // namespace

// Checks every element and every sub-table cell of one item.
void check_text(Catalog& c, Item& item) {
  for (const ElementInfo& e : elements()) {
    Field& f = item.field(e.id);
    check_value(c, &item, place_of(f, item.at), e.label, &f.text, {}, {});
  }
  auto cell = [&](Field& f, const Place& row, std::string_view label) {
    check_value(c, &item, place_of(f, row), label, &f.text, {}, {});
  };
  for (Material& m : item.materials) {
    cell(m.seq, m.at, "序号"); cell(m.title, m.at, "材料名称"); cell(m.kind, m.at, "材料类型");
    cell(m.originals, m.at, "原件份数"); cell(m.copies, m.at, "复印件份数");
    cell(m.form, m.at, "材料形式"); cell(m.source, m.at, "来源渠道");
    cell(m.source_note, m.at, "来源说明"); cell(m.need, m.at, "是否必需");
    cell(m.notes, m.at, "填报须知"); cell(m.basis, m.at, "要求提供材料的依据");
    cell(m.remark, m.at, "备注");
  }
  for (Step& s : item.steps) {
    cell(s.seq, s.at, "序号"); cell(s.step, s.at, "环节名称"); cell(s.staff, s.at, "办理人员");
    cell(s.limit, s.at, "办理时限"); cell(s.standard, s.at, "审查标准");
    cell(s.outcome, s.at, "办理结果");
  }
  for (FeeItem& f : item.fees) {
    cell(f.title, f.at, "收费项目名称"); cell(f.standard, f.at, "收费标准");
    cell(f.basis, f.at, "收费依据"); cell(f.waivable, f.at, "是否允许减免");
    cell(f.waiver_basis, f.at, "减免依据");
  }
  for (Faq& f : item.faqs) {
    cell(f.question, f.at, "问题"); cell(f.answer, f.at, "解答");
  }
}

// Checks the reference lists' names and the submissions' header block.
void check_text_lists(Catalog& c) {
  for (PowerEntry& e : c.power_list) {
    check_value(c, nullptr, e.at, "部门", &e.department, e.department, e.name);
    check_value(c, nullptr, e.at, "事项名称", &e.name, e.department, e.name);
    check_value(c, nullptr, e.at, "子项名称", &e.sub_name, e.department, e.name);
  }
  for (PublicEntry& e : c.public_list) {
    check_value(c, nullptr, e.at, "部门", &e.department, e.department, e.name);
    check_value(c, nullptr, e.at, "事项名称", &e.name, e.department, e.name);
  }
  for (Submission& s : c.submissions) {
    Place at{s.file, std::string(kInfoSheet), ""};
    check_value(c, nullptr, at, "填报单位", &s.department, s.department, {});
    check_value(c, nullptr, at, "填报人", &s.filler, s.department, {});
    check_value(c, nullptr, at, "联系电话", &s.phone, s.department, {});
  }
  for (Decision& d : c.decisions) {
    check_value(c, nullptr, d.at, "审核意见", &d.opinion, d.department, d.item);
  }
}

}  // namespace qd::vrules
