// REQ-MISSING: required elements and sub-table columns left empty;
// NAME-LENGTH: an item name longer than elements.md allows.
#include "validate/rules.h"

namespace qd::vrules {

namespace {

constexpr size_t kMaxNameLength = 200;

// What to write into an empty element, added to the message when known.
std::string fill_hint(const Item& item, El e) {
  if (e == El::LegalLimit && code_of(item, El::CaseType) == "1")
    return "即办件的法定办结时限可填“即办”，或照录法律法规规定的期限。";
  const ElementInfo& info = element(e);
  if (info.table) return "可选值：" + info.table->labels() + "。";
  if (!info.help.empty()) return std::string(info.help) + "。";
  return {};
}

// Reports one empty element.
void missing(Catalog& c, Item& item, El e, std::string why) {
  std::string msg = q(element(e).label) + "为必填项，不能为空";
  if (!why.empty()) msg += "（" + why + "）";
  msg += "。" + fill_hint(item, e);
  add(c, item, place_of(item, e), "REQ-MISSING", Severity::Error, std::move(msg));
}

// Reports an empty required sub-table cell.
void missing_cell(Catalog& c, Item& item, const Field& f, const Place& row,
                  std::string_view sheet, std::string_view label) {
  if (!trim(f.text).empty()) return;
  add(c, item, place_of(f, row), "REQ-MISSING", Severity::Error,
      q(sheet) + "工作表的" + q(label) + "为必填项，不能为空，请补填。");
}

}  // namespace

// Checks that every Need::Required element is filled in, plus the
// conditional ones in their conditions: 权力来源 for power items, 公共服务类别
// for 公共服务 items, 委托部门 when the power is entrusted (上级委托 / 同级委托).
// 设定依据 is left to BASIS-MISSING, the sub-tables to MATERIALS-NONE /
// PROCESS-STEPS, 收费标准 / 收费依据 to FEE-BASIS, 网上办理地址 to ONLINE-URL.
void check_required(Catalog& c, Item& item) {
  for (const ElementInfo& e : elements()) {
    if (e.need != Need::Required || e.id == El::Basis) continue;
    if (trim(item.get(e.id)).empty()) missing(c, item, e.id, {});
  }
  std::string type = item.type_code();
  if (is_power_type(type) && trim(item.get(El::PowerSource)).empty())
    missing(c, item, El::PowerSource, "行政权力事项须填写权力来源");
  if (type == "20" && trim(item.get(El::PublicDomain)).empty())
    missing(c, item, El::PublicDomain, "公共服务事项须填写所属公共服务类别");
  std::string source = code_of(item, El::PowerSource);
  if ((source == "5" || source == "6") && trim(item.get(El::EntrustingDept)).empty())
    missing(c, item, El::EntrustingDept, "权力来源为" + item.get(El::PowerSource) + "时须写明委托部门");

  if (size_t n = utf8_length(item.get(El::Name)); n > kMaxNameLength)
    add(c, item, place_of(item, El::Name), "NAME-LENGTH", Severity::Warning,
        q("事项名称") + "有" + std::to_string(n) + "个字，超过" + std::to_string(kMaxNameLength) +
            "字的上限，请使用规范的简短名称，说明性文字请移到“行使内容”。");

  const std::string_view mat = materials_table().sheet, proc = process_table().sheet,
                         fee = fees_table().sheet, faq = faq_table().sheet;
  for (const Material& m : item.materials) {
    missing_cell(c, item, m.title, m.at, mat, "材料名称");
    missing_cell(c, item, m.kind, m.at, mat, "材料类型");
    missing_cell(c, item, m.form, m.at, mat, "材料形式");
    missing_cell(c, item, m.source, m.at, mat, "来源渠道");
    missing_cell(c, item, m.need, m.at, mat, "是否必需");
  }
  for (const Step& s : item.steps) missing_cell(c, item, s.step, s.at, proc, "环节名称");
  for (const FeeItem& f : item.fees) {
    missing_cell(c, item, f.title, f.at, fee, "收费项目名称");
    missing_cell(c, item, f.standard, f.at, fee, "收费标准");
    missing_cell(c, item, f.basis, f.at, fee, "收费依据");
  }
  for (const Faq& f : item.faqs) {
    missing_cell(c, item, f.question, f.at, faq, "问题");
    missing_cell(c, item, f.answer, f.at, faq, "解答");
  }
}

}  // namespace qd::vrules
