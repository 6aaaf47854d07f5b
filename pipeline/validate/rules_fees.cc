// FEE-BASIS: 是否收费 against 收费标准, 收费依据 and the 收费项目 sheet.
#include "validate/rules.h"

namespace qd::vrules {

// 是否收费 = 是 needs a 收费标准 (in the column or as 收费项目 rows), a
// 收费依据 in its column (elements.md: only the standard may come from the
// sub-table; the published list must show the basis) and no "不收费"; = 否 needs 收费标准 "不收费" (never blank, never 无)
// and no 收费项目 rows.
void check_fees(Catalog& c, Item& item) {
  const std::string charged = code_of(item, El::Charged);
  const std::string standard = trim(item.get(El::FeeStandard));
  const std::string basis = trim(item.get(El::FeeBasis));
  const bool rows = !item.fees.empty();
  auto report = [&](El e, std::string msg) {
    add(c, item, place_of(item, e), "FEE-BASIS", Severity::Error, std::move(msg));
  };
  if (charged == "1") {
    if (standard == "不收费" || standard == "无" || standard == "免费")
      report(El::FeeStandard, "“是否收费”为“是”，但“收费标准”为" + q(standard) +
                                  "：请填写具体收费标准；如不收费，请把“是否收费”改为“否”。");
    else if (standard.empty() && !rows)
      report(El::FeeStandard,
             "“是否收费”为“是”，但“收费标准”为空：请填写收费标准，或在“收费项目”工作表中逐项填写。");
    if (basis.empty())
      report(El::FeeBasis,
             rows ? "“是否收费”为“是”，但“收费依据”为空：“收费项目”工作表中的依据不能代替本列，"
                    "请在本列写明收费依据的文件名称和文号。"
                  : "“是否收费”为“是”，但“收费依据”为空：请写明收费依据的文件名称和文号。");
  } else if (charged == "0") {
    if (standard.empty())
      report(El::FeeStandard, "“是否收费”为“否”时“收费标准”应填“不收费”，请勿留空。");
    else if (standard == "无")
      report(El::FeeStandard, "“是否收费”为“否”时“收费标准”应填“不收费”，不要填“无”。");
    else if (standard != "不收费")
      report(El::FeeStandard, "“是否收费”为“否”，但“收费标准”填有" + q(standard) +
                                  "：不收费的请填“不收费”；如确需收费，请把“是否收费”改为“是”并填写收费依据。");
    if (rows)
      add(c, item, item.fees.front().at, "FEE-BASIS", Severity::Error,
          "“是否收费”为“否”，但“收费项目”工作表中有本事项的收费项目：请删除这些行，或把“是否收费”改为“是”。");
  }
}

}  // namespace qd::vrules
