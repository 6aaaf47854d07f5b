// CODE-FORMAT, CREDIT-CODE and CODE-MISMATCH: the codes an item brings with it;
// CODE-CONFLICT between the items' provincial codes.
#include <map>

#include "codes/code_scheme.h"
#include "codes/credit_code.h"
#include "codes/item_code.h"
#include "validate/rules.h"

namespace qd::vrules {

namespace {

// True when `code` is the department's own credit code or one of its units'.
bool own_credit_code(const DepartmentInfo& d, std::string_view code) {
  if (d.credit_code == code) return true;
  for (const UnitInfo& u : d.units)
    if (u.credit_code == code) return true;
  return false;
}

// The name of the organisation of a department whose own or unit's code
// `code` is: the department, or "<unit>（<department>下属单位）".
std::string organisation_of(const DepartmentInfo& d, std::string_view code) {
  for (const UnitInfo& u : d.units)
    if (u.credit_code == code) return u.name + "（" + d.name + "下属单位）";
  return d.name;
}

}  // namespace

// Checks 基本编码 / 实施编码 when given (empty ones are assigned later),
// 实施主体编码 against GB 32100 and against the department's registered code,
// and warns when input codes disagree with the item's own type, level or agency.
void check_codes(Catalog& c, Item& item) {
  std::string why;
  const std::string basic = trim(item.get(El::BasicCode));
  const std::string impl = trim(item.get(El::ImplCode));
  const std::string agency = trim(item.get(El::AgencyCode));
  bool basic_ok = false, impl_ok = false, agency_ok = false;

  const CodeScheme& scheme = c.settings.codes;
  const std::string fix = scheme.provincial
                              ? "。请照省政务服务平台赋予的编码填写（编码规则见设置文件 [codes]）。"
                              : "。请核对后改正；新增事项请留空，由系统赋码。";
  if (!basic.empty()) {
    basic_ok = basic_code_valid(basic, scheme, &why);
    if (!basic_ok)
      add(c, item, place_of(item, El::BasicCode), "CODE-FORMAT", Severity::Error,
          "“基本编码”" + q(basic) + "格式错误：" + why + fix);
  } else if (scheme.provincial) {
    // Provincial codes are taken as given, never made up here: a code made
    // now would have to move when the province assigns its own.
    add(c, item, place_of(item, El::BasicCode), "REQ-MISSING", Severity::Error,
        "“基本编码”为空：本" + (c.settings.division.empty() ? std::string("地") : c.settings.division) +
            "使用省级事项编码，请填写省政务服务平台事项目录中该事项的基本编码；尚未赋码的事项请先在省平台申请编码。");
  }
  if (!impl.empty()) {
    impl_ok = impl_code_valid(impl, scheme, &why);
    if (!impl_ok)
      add(c, item, place_of(item, El::ImplCode), "CODE-FORMAT", Severity::Error,
          "“实施编码”" + q(impl) + "格式错误：" + why + fix);
  }
  if (!agency.empty()) {
    agency_ok = credit_code_valid(agency, &why);
    if (!agency_ok) {
      add(c, item, place_of(item, El::AgencyCode), "CREDIT-CODE", Severity::Error,
          "“实施主体编码”" + q(agency) + "不是有效的统一社会信用代码：" + why +
              "。请照本单位统一社会信用代码证书填写18位代码。");
    } else if (const DepartmentInfo* d = find_department(c.settings, item.department);
               d && !d->credit_code.empty() && !own_credit_code(*d, agency)) {
      agency_ok = false;
      const DepartmentInfo* owner = c.settings.owner_of_credit_code(agency);
      std::string registered = (c.settings.division.empty() ? "设置中" : c.settings.division + "里") + "登记的";
      std::string msg;
      if (owner) {
        msg = "“实施主体编码”" + q(agency) + "是" + registered + q(organisation_of(*owner, agency)) +
              "的统一社会信用代码，不是" + d->name + "或其下属单位的：请改为本部门（" + d->credit_code +
              "）或实施该事项的本部门下属单位的代码；如该事项确属" + owner->name + "，请由其报送。";
      } else {
        msg = "“实施主体编码”" + q(agency) + "与" + registered + d->name + "统一社会信用代码" + q(d->credit_code) +
              (d->units.empty() ? std::string() : "及其下属单位的代码") +
              "不一致，请核对后改为登记的代码；如实施主体是本部门的下属单位，请联系" + c.settings.office +
              "在设置中登记该单位的名称和统一社会信用代码（如登记有误，也请联系其更正）。";
      }
      add(c, item, place_of(item, El::AgencyCode), "CREDIT-CODE", Severity::Error, std::move(msg));
    }
  }

  // Consistency of input codes with the item (the codes stage keeps input
  // codes); a province's codes have their own structure.
  if (scheme.provincial) return;
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

// One 实施编码 names one item, and one 基本编码 one catalog item (the same
// name, whichever agency implements it): CODE-CONFLICT at the later item,
// naming the first. For the province's codes, which are kept as given; an
// item given twice in a department is a DUPLICATE, not also a conflict.
void check_unique_codes(Catalog& c) {
  if (!c.settings.codes.provincial) return;
  std::map<std::string, const Item*> by_impl, by_basic;
  for (Item& item : c.items) {
    if (is_retired(item)) continue;
    const std::string name = name_key(item.get(El::Name));
    const std::string dept = dept_key(c.settings, item.department);
    auto same_item = [&](const Item& first) {
      return name_key(first.get(El::Name)) == name && dept_key(c.settings, first.department) == dept;
    };
    if (std::string impl = trim(item.get(El::ImplCode)); !impl.empty()) {
      auto [at, fresh] = by_impl.emplace(impl, &item);
      if (!fresh && !same_item(*at->second))
        add(c, item, place_of(item, El::ImplCode), "CODE-CONFLICT", Severity::Error,
            "“实施编码”" + q(impl) + "已用于" + at->second->department + "的事项" +
                q(at->second->get(El::Name)) + "（" + at->second->at.str() +
                "）：一个实施编码只能对应一个事项，请核对省政务服务平台赋予本事项的实施编码。");
    }
    if (std::string basic = trim(item.get(El::BasicCode)); !basic.empty()) {
      auto [at, fresh] = by_basic.emplace(basic, &item);
      if (!fresh && name_key(at->second->get(El::Name)) != name)
        add(c, item, place_of(item, El::BasicCode), "CODE-CONFLICT", Severity::Error,
            "“基本编码”" + q(basic) + "已用于事项" + q(at->second->get(El::Name)) + "（" +
                at->second->at.str() + "）：不同事项的基本编码不能相同，请核对省政务服务平台事项目录中本事项的基本编码。");
    }
  }
}

}  // namespace qd::vrules
