#include "model/display.h"

namespace qd {

namespace {

// Joins the non-empty parts with `sep`.
std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// "原件1份、复印件2份" from the kind and the counts.
std::string copies_text(const Material& m) {
  std::string kind = display_code(&material_kinds(), false, m.kind.text);
  auto with_count = [](std::string what, const std::string& n) {
    return n.empty() ? what : what + n + "份";
  };
  if (kind == "原件") return with_count("原件", m.originals.text);
  if (kind == "复印件") return with_count("复印件", m.copies.text);
  if (kind == "原件和复印件")
    return join({with_count("原件", m.originals.text), with_count("复印件", m.copies.text)}, "、");
  return kind;
}

// The non-blank lines of `text`, trimmed of spaces (ASCII and U+3000).
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trim(std::string(text.substr(start, end - start)));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

// Maps the rows of a sub-table through `value` in column order.
template <class Row, class Fn>
std::vector<std::vector<std::string>> rows_of(const Item& item, const std::vector<Row>& rows,
                                              const SubTableInfo& info, Fn value) {
  std::vector<std::vector<std::string>> out;
  for (const Row& r : rows) {
    std::vector<std::string> cells;
    for (const ColumnInfo& c : info.columns) cells.push_back(value(item, r, c.key));
    out.push_back(std::move(cells));
  }
  return out;
}

}  // namespace

std::string display_code(const CodeTable* table, bool multi, std::string_view text) {
  if (!table || text.empty()) return std::string(text);
  if (const CodeValue* v = table->find(text)) return std::string(v->label);
  if (!multi) return std::string(text);
  std::vector<std::string> parts;
  for (const std::string& p : split_values(text)) {
    const CodeValue* v = table->find(p);
    parts.push_back(v ? std::string(v->label) : p);
  }
  return join(parts, "、");
}

std::string display_value(const Item& item, El e) {
  const ElementInfo& info = element(e);
  if (e == El::Materials) return materials_text(item);
  if (e == El::Process) return steps_text(item);
  return display_code(info.table, info.multi, item.get(e));
}

std::string material_note(const Material& m) {
  std::string note;
  for (const std::string& line : lines_of(m.notes.text)) note += (note.empty() ? "" : "；") + line;
  return note.empty() ? note : "注：" + note;
}

std::string materials_text(const Item& item) {
  std::string out;
  int n = 0;
  for (const Material& m : item.materials) {
    std::vector<std::string> notes = {
        copies_text(m), display_code(&material_forms(), false, m.form.text),
        display_code(&material_sources(), false, m.source.text)};
    std::string need = display_code(&material_needs(), false, m.need.text);
    if (!need.empty() && need != "必需") notes.push_back(need);
    std::string detail = join(notes, "，");
    if (!out.empty()) out += "\n";
    out += std::to_string(++n) + ". " + m.title.text;
    if (!detail.empty()) out += "（" + detail + "）";
  }
  return out;
}

std::string steps_text(const Item& item) {
  std::string out;
  int n = 0;
  for (const Step& s : item.steps) {
    std::string detail = join({s.staff.text, s.limit.text}, "，");
    if (!out.empty()) out += "\n";
    out += std::to_string(++n) + ". " + s.step.text;
    if (!detail.empty()) out += "（" + detail + "）";
  }
  return out;
}

std::string material_value(const Item& item, const Material& m, std::string_view key) {
  if (key == "name") return item.get(El::Name);
  if (key == "seq") return m.seq.text;
  if (key == "title") return m.title.text;
  if (key == "kind") return display_code(&material_kinds(), false, m.kind.text);
  if (key == "originals") return m.originals.text;
  if (key == "copies") return m.copies.text;
  if (key == "form") return display_code(&material_forms(), false, m.form.text);
  if (key == "source") return display_code(&material_sources(), false, m.source.text);
  if (key == "source_note") return m.source_note.text;
  if (key == "need") return display_code(&material_needs(), false, m.need.text);
  if (key == "notes") return m.notes.text;
  if (key == "basis") return m.basis.text;
  if (key == "remark") return m.remark.text;
  return "";
}

std::string step_value(const Item& item, const Step& s, std::string_view key) {
  if (key == "name") return item.get(El::Name);
  if (key == "seq") return s.seq.text;
  if (key == "step") return s.step.text;
  if (key == "staff") return s.staff.text;
  if (key == "limit") return s.limit.text;
  if (key == "standard") return s.standard.text;
  if (key == "outcome") return s.outcome.text;
  return "";
}

std::string fee_value(const Item& item, const FeeItem& f, std::string_view key) {
  if (key == "name") return item.get(El::Name);
  if (key == "title") return f.title.text;
  if (key == "standard") return f.standard.text;
  if (key == "basis") return f.basis.text;
  if (key == "waivable") return display_code(&yes_no(), false, f.waivable.text);
  if (key == "waiver_basis") return f.waiver_basis.text;
  return "";
}

std::string faq_value(const Item& item, const Faq& f, std::string_view key) {
  if (key == "name") return item.get(El::Name);
  if (key == "question") return f.question.text;
  if (key == "answer") return f.answer.text;
  return "";
}

std::vector<std::vector<std::string>> material_rows(const Item& item) {
  return rows_of(item, item.materials, materials_table(), material_value);
}
std::vector<std::vector<std::string>> step_rows(const Item& item) {
  return rows_of(item, item.steps, process_table(), step_value);
}
std::vector<std::vector<std::string>> fee_rows(const Item& item) {
  return rows_of(item, item.fees, fees_table(), fee_value);
}
std::vector<std::vector<std::string>> faq_rows(const Item& item) {
  return rows_of(item, item.faqs, faq_table(), faq_value);
}

namespace {

// True when the item is marked 是否收费 = 否.
bool free_of_charge(const Item& item) {
  const CodeValue* v = yes_no().find(item.get(El::Charged));
  return v && v->label == "否";
}

}  // namespace

std::string guide_value(const Item& item, El e) {
  const ElementInfo& info = element(e);
  std::string v = item.get(e);
  switch (e) {
    case El::FeeStandard:
      if (free_of_charge(item)) return "不收费";
      if (v.empty()) {
        for (const FeeItem& f : item.fees) {
          if (!v.empty()) v += "\n";
          v += f.title.text + (f.standard.text.empty() ? "" : "：" + f.standard.text);
        }
      }
      return v;
    case El::FeeBasis:
      if (free_of_charge(item)) return "";
      if (v.empty()) {
        for (const FeeItem& f : item.fees) {
          if (f.basis.text.empty()) continue;
          if (!v.empty()) v += "\n";
          v += f.basis.text;
        }
      }
      return v;
    case El::Visits:
      v = display_code(info.table, info.multi, v);
      return v.empty() || !all_digits(v) ? v : v + "次";
    default:
      return display_code(info.table, info.multi, v);
  }
}

}  // namespace qd
