// DEPT-UNKNOWN, SUBMISSION-LATE and SUBMISSION-DATE: who handed in what, and when.
#include "validate/rules.h"

namespace qd::vrules {

// Warns once per workbook of an unregistered department; reports (通报) every
// registered department that submitted after the deadline or not at all;
// warns when a workbook's 报送日期 is missing or lies after the build date.
void check_submissions(Catalog& c) {
  const Settings& s = c.settings;
  const std::string here = s.division.empty() ? std::string("设置中") : s.division + "里";
  for (const Submission& sub : c.submissions) {
    Place file{sub.file, "", ""};
    if (!find_department(s, sub.department)) {
      add_free(c, file, "DEPT-UNKNOWN", Severity::Warning,
               (sub.department.empty() ? std::string("本工作簿的填报单位未填写")
                                       : "填报单位" + q(sub.department) + "不是" + here + "登记的部门") +
                   "：本工作簿照常校验，但在部门登记前不会公布。请在“填报信息”中填写部门全称，或请" +
                   s.office + "在设置文件（county.toml）中登记该部门。",
               sub.department);
    }
    if (!sub.readable) continue;  // FILE-UNREADABLE says it all
    Place date_at = sub.date_at.file.empty() ? Place{sub.file, std::string(kInfoSheet), ""} : sub.date_at;
    if (!sub.date.valid())
      add_free(c, date_at, "SUBMISSION-DATE", Severity::Warning,
               "“填报信息”中没有有效的“报送日期”，无法判断是否按时报送：请填写报送日期，如“2017-08-30”。",
               sub.department);
    else if (c.build_date.valid() && sub.date > c.build_date)
      add_free(c, date_at, "SUBMISSION-DATE", Severity::Warning,
               "“报送日期”" + sub.date.chinese() + "晚于今天（" + c.build_date.chinese() + "），请核对。",
               sub.department);
  }

  for (const DepartmentInfo& d : s.departments) {
    const Submission* earliest = nullptr;
    const Submission* any = nullptr;
    for (const Submission& sub : c.submissions) {
      if (find_department(s, sub.department) != &d) continue;
      if (!any) any = &sub;
      if (sub.date.valid() && (!earliest || sub.date < earliest->date)) earliest = &sub;
    }
    std::string deadline = s.deadline.valid() ? "（截止日期" + s.deadline.chinese() + "）" : "";
    if (!any) {
      add_free(c, Place{}, "SUBMISSION-LATE", Severity::Report,
               d.name + "未报送清单" + deadline + "，请督促其尽快报送。", d.name);
      continue;
    }
    if (!earliest || !s.deadline.valid()) continue;
    long late = earliest->date.days_since_epoch() - s.deadline.days_since_epoch();
    if (late > 0)
      // At the 报送日期 cell, so the office sees which date it went by.
      add_free(c, earliest->date_at.file.empty() ? Place{earliest->file, "", ""} : earliest->date_at,
               "SUBMISSION-LATE", Severity::Report,
               d.name + "于" + earliest->date.chinese() + "报送清单，晚于截止日期" + s.deadline.chinese() +
                   std::to_string(late) + "天。",
               d.name);
  }
}

}  // namespace qd::vrules
