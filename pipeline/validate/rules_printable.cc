// TEXT-CHARS for what is printed: a character of a published item that no
// configured font can draw (it would be left out of the PDFs). The printing
// kit says what it can draw; this stage only asks.
#include <cstdio>

#include "base/text.h"
#include "validate/validate.h"

namespace qd {

namespace {

std::string codepoint(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// Checks one text; reports its uncovered characters (at most five named).
void check(Catalog& catalog, Item& item, const Printable& printable, const Field& field,
           const std::string& what) {
  if (field.text.empty()) return;
  std::u32string missing;
  for (char32_t cp : utf8_decode(field.text)) {
    if (cp < 0x20 || cp == 0x7F) continue;  // control characters: reported by the validator
    if (printable(cp)) continue;
    if (missing.find(cp) == std::u32string::npos) missing.push_back(cp);
  }
  if (missing.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing.size() && i < 5; ++i) {
    if (i) list += "、";
    list += "“" + utf8_encode(std::u32string(1, missing[i])) + "”（" + codepoint(missing[i]) + "）";
  }
  if (missing.size() > 5) list += "等" + std::to_string(missing.size()) + "个字符";
  Finding f;
  f.at = field.at.file.empty() ? item.at : field.at;
  f.rule = "TEXT-CHARS";
  f.severity = Severity::Warning;
  f.message = what + "中的字符" + list +
              "没有可用的字体能够显示，印制的办事指南中将缺少这些字；请改用规范汉字，"
              "或在字体配置（fonts/fonts.toml）中加入含有这些字的字体";
  f.department = item.department;
  f.item = item.get(El::Name);
  catalog.report(std::move(f), &item);
}

}  // namespace

void report_unprintable(Catalog& catalog, const Printable& printable) {
  for (Item& item : catalog.items) {
    if (item.state != ItemState::Published) continue;
    for (const ElementInfo& e : elements())
      check(catalog, item, printable, item.field(e.id), "“" + std::string(e.label) + "”");
    const SubTableInfo& mt = materials_table();
    for (size_t i = 0; i < item.materials.size(); ++i) {
      const Material& m = item.materials[i];
      const std::string where = "申请材料第" + std::to_string(i + 1) + "项的";
      const Field* cells[] = {&m.seq, &m.title, &m.kind, &m.originals, &m.copies, &m.form, &m.source,
                              &m.source_note, &m.need, &m.notes, &m.basis, &m.remark};
      for (size_t c = 0; c < std::size(cells); ++c) {
        std::string label = c + 1 < mt.columns.size() ? std::string(mt.columns[c + 1].label) : "内容";
        check(catalog, item, printable, *cells[c], where + "“" + label + "”");
      }
    }
    const SubTableInfo& pt = process_table();
    for (size_t i = 0; i < item.steps.size(); ++i) {
      const Step& s = item.steps[i];
      const std::string where = "办理流程第" + std::to_string(i + 1) + "步的";
      const Field* cells[] = {&s.seq, &s.step, &s.staff, &s.limit, &s.standard, &s.outcome};
      for (size_t c = 0; c < std::size(cells); ++c) {
        std::string label = c + 1 < pt.columns.size() ? std::string(pt.columns[c + 1].label) : "内容";
        check(catalog, item, printable, *cells[c], where + "“" + label + "”");
      }
    }
    for (size_t i = 0; i < item.faqs.size(); ++i) {
      const std::string where = "常见问题第" + std::to_string(i + 1) + "条的";
      check(catalog, item, printable, item.faqs[i].question, where + "“问题”");
      check(catalog, item, printable, item.faqs[i].answer, where + "“解答”");
    }
  }
}

}  // namespace qd
