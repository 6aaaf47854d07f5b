// ENUM-VALUE: coded values outside their code table; canonicalisation of
// every coded value to its label, so that later stages see one form.
#include <algorithm>

#include "validate/rules.h"

namespace qd::vrules {

namespace {

// The message for a value not in `table`.
std::string enum_message(std::string_view label, std::string_view value, const CodeTable& table) {
  return q(label) + "的值" + q(value) + "不在代码表（" + std::string(table.name) +
         "）中，请改为以下之一：" + table.labels() + "。";
}

// Canonicalises `text` in place to the table's label(s); returns the values
// that are not in the table (the text is then left as typed).
std::vector<std::string> canonicalise(std::string& text, const CodeTable& table, bool multi) {
  std::vector<std::string> bad;
  if (trim(text).empty()) return bad;
  if (!multi) {
    const CodeValue* v = table.find(text);
    if (v)
      text = std::string(v->label);
    else
      bad.push_back(trim(text));
    return bad;
  }
  std::vector<std::string> labels;
  for (const std::string& part : split_values(text)) {
    const CodeValue* v = table.find(part);
    if (!v) {
      bad.push_back(part);
      continue;
    }
    std::string l(v->label);
    if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
  }
  if (bad.empty()) {
    // In table order, so "企业法人、自然人" and "自然人、企业法人" read the same.
    std::string joined;
    for (const CodeValue& v : table.values) {
      if (std::find(labels.begin(), labels.end(), v.label) == labels.end()) continue;
      if (!joined.empty()) joined += "、";
      joined += v.label;
    }
    text = joined;
  }
  return bad;
}

// Canonicalises one sub-table cell and reports its bad values.
void sub_cell(Catalog& c, Item& item, Field& f, const Place& row, std::string_view label,
              const CodeTable& table) {
  for (const std::string& b : canonicalise(f.text, table, false))
    add(c, item, place_of(f, row), "ENUM-VALUE", Severity::Error, enum_message(label, b, table));
}

}  // namespace

// Checks and canonicalises every element with a code table and the coded
// columns of the sub-tables (材料类型, 材料形式, 来源渠道, 是否必需, 是否允许减免).
void check_enums(Catalog& c, Item& item) {
  for (const ElementInfo& e : elements()) {
    if (!e.table) continue;
    Field& f = item.field(e.id);
    for (const std::string& b : canonicalise(f.text, *e.table, e.multi))
      add(c, item, place_of(f, item.at), "ENUM-VALUE", Severity::Error,
          enum_message(e.label, b, *e.table));
  }
  for (Material& m : item.materials) {
    sub_cell(c, item, m.kind, m.at, "材料类型", material_kinds());
    sub_cell(c, item, m.form, m.at, "材料形式", material_forms());
    sub_cell(c, item, m.source, m.at, "来源渠道", material_sources());
    sub_cell(c, item, m.need, m.at, "是否必需", material_needs());
  }
  for (FeeItem& f : item.fees) sub_cell(c, item, f.waivable, f.at, "是否允许减免", yes_no());
}

// Canonicalises the reference lists: 事项类型 of the power list to its code
// ("行政许可" -> "01"), 公共服务类别 of the public list to its label.
void check_list_enums(Catalog& c) {
  for (PowerEntry& e : c.power_list) {
    if (trim(e.type_code).empty()) continue;
    if (const CodeValue* v = item_types().find(e.type_code)) {
      e.type_code = std::string(v->code);
    } else {
      add_free(c, e.at, "ENUM-VALUE", Severity::Error,
               "权力清单中" + enum_message("事项类型", e.type_code, item_types()), e.department,
               e.name);
    }
  }
  for (PublicEntry& e : c.public_list) {
    if (trim(e.domain).empty()) continue;
    if (const CodeValue* v = public_domains().find(e.domain)) {
      e.domain = std::string(v->label);
    } else {
      add_free(c, e.at, "ENUM-VALUE", Severity::Error,
               "公共服务事项清单中" + enum_message("公共服务类别", e.domain, public_domains()),
               e.department, e.name);
    }
  }
}

}  // namespace qd::vrules
