// WINDOW-EMPTY: a window that handles no published item gets no poster;
// the office learns it from the review and the build log instead of from a
// blank sheet on the hall's wall.
#include "model/windows.h"
#include "validate/rules.h"
#include "validate/validate.h"

namespace qd {

std::vector<std::string> report_empty_windows(Catalog& catalog) {
  std::vector<std::string> out;
  // The settings file by its name, not where it lies (as findings name the
  // workbooks by their place in the input): findings.csv stays the same
  // wherever the input is.
  const std::string& file = catalog.settings.file;
  const std::string settings_name = file.substr(file.find_last_of('/') + 1);
  for (const HallWindow& w : empty_windows(catalog)) {
    const Window& win = *w.window;
    const std::string number = win.number.empty() ? "" : win.number + "号窗口";
    const std::string name = number.empty() ? "窗口“" + win.name + "”" : number + "（" + win.name + "）";
    std::string msg = w.hall->name + name + "暂无公布的政务服务事项，未生成窗口海报；请核对该窗口的部门和事项设置";
    out.push_back(msg);
    vrules::add_free(catalog, Place{settings_name}, "WINDOW-EMPTY", Severity::Hint, std::move(msg),
                     win.departments.empty() ? std::string() : win.departments.front());
  }
  return out;
}

}  // namespace qd
