// CODE-FORMAT, CREDIT-CODE and CODE-MISMATCH: the codes an item brings with it.
#include "codes/credit_code.h"
#include "codes/item_code.h"
#include "validate/rules.h"

namespace qd::vrules {

// Checks 基本编码 / 实施编码 when given (empty ones are assigned later),
// 实施主体编码 against GB 32100 and against the department's registered code,
// and warns when input codes disagree with the item's own type, level or agency.
void check_codes(Catalog& c, Item& item) {
  std::string why;
  const std::string basic = trim(item.get(El::BasicCode));
  const std::string impl = trim(item.get(El::ImplCode));
  const std::string agency = trim(item.get(El::AgencyCode));
  bool basic_ok = false, impl_ok = false, agency_ok = false;

  if (!basic.empty()) {
    basic_ok = basic_code_valid(basic, &why);
    if (!basic_ok)
      add(c, item, place_of(item, El::BasicCode), "CODE-FORMAT", Severity::Error,
          "“基本编码”" + q(basic) + "格式错误：" + why +
              "。请核对后改正；新增事项请留空，由系统赋码。");
  }
  if (!impl.empty()) {
    impl_ok = impl_code_valid(impl, &why);
    if (!impl_ok)
      add(c, item, place_of(item, El::ImplCode), "CODE-FORMAT", Severity::Error,
          "“实施编码”" + q(impl) + "格式错误：" + why +
              "。请核对后改正；新增事项请留空，由系统赋码。");
  }
  if (!agency.empty()) {
    agency_ok = credit_code_valid(agency, &why);
    if (!agency_ok) {
      add(c, item, place_of(item, El::AgencyCode), "CREDIT-CODE", Severity::Error,
          "“实施主体编码”" + q(agency) + "不是有效的统一社会信用代码：" + why +
              "。请照本单位统一社会信用代码证书填写18位代码。");
    } else if (const DepartmentInfo* d = find_department(c.settings, item.department);
               d && !d->credit_code.empty() && d->credit_code != agency) {
      agency_ok = false;
      add(c, item, place_of(item, El::AgencyCode), "CREDIT-CODE", Severity::Error,
          "“实施主体编码”" + q(agency) + "与县里登记的" + d->name + "统一社会信用代码" +
              q(d->credit_code) + "不一致，请核对后改为登记的代码（如登记有误，请联系" +
              c.settings.office + "更正）。");
    }
  }

  // Consistency of input codes with the item (the codes stage keeps input codes).
  auto mismatch = [&](El e, std::string msg) {
    add(c, item, place_of(item, e), "CODE-MISMATCH", Severity::Warning, std::move(msg));
  };
  std::string type = item.type_code();
  if (basic_ok && !type.empty() && basic.substr(2, 2) != type)
    mismatch(El::BasicCode, "“基本编码”第3–4位事项类型为" + basic.substr(2, 2) + "，而“事项类型”为" +
                                item.get(El::Type) + "（" + type + "），请核对编码或事项类型。");
  if (impl_ok) {
    if (basic_ok && impl.substr(19) != basic)
      mismatch(El::ImplCode, "“实施编码”后12位" + q(impl.substr(19)) + "与“基本编码”" + q(basic) +
                                 "不一致，请核对。");
    if (agency_ok && impl.substr(0, 18) != agency)
      mismatch(El::ImplCode, "“实施编码”前18位" + q(impl.substr(0, 18)) + "与“实施主体编码”" +
                                 q(agency) + "不一致，请核对。");
    std::string level = code_of(item, El::Level);
    if (level.size() == 1 && impl.substr(18, 1) != level)
      mismatch(El::ImplCode, "“实施编码”第19位行使层级为" + impl.substr(18, 1) + "，而“行使层级”为" +
                                 item.get(El::Level) + "（" + level + "），请核对。");
  }
}

}  // namespace qd::vrules
