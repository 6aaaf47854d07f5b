// Where every output file goes. One module decides every output path: the
// fixed ones below, and every path made from a name in the input (a
// department, an item, a hall, a window), so that writers, the portal and
// the publish stage agree, and so that:
//
// - every path component is bounded in bytes (a long 事项名称 is shortened
//   and given a short suffix; documents still show the whole name);
// - every file is one item's or one window's by construction: names that
//   clean to the same component ("律师/事务所变更", "律师_事务所变更") never
//   share a file, and nothing is silently dropped;
// - no component is empty, ".", "..", hidden, or a name Windows refuses
//   (halls copy the outputs onto USB sticks and Windows shares).
//
// A name that is already a safe component is used as it is
// ("老年人优待证办理.pdf"). Otherwise the component is the cleaned, shortened
// name, a "~" (which cleaning never keeps) and six characters from a hash of
// what identifies the file (an item's 实施编码, a window's hall, number and
// name): "律师_事务所变更~4KQ7ZD.pdf". The suffix is stable from night to
// night, and the "~" keeps such a component apart from every name used as it
// is.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace qd {

// The outputs whose paths are fixed (relative to the output folder).
inline constexpr const char* kCatalogListPath = "lists/目录清单.xlsx";    // 目录清单
inline constexpr const char* kImplListPath = "lists/实施清单.xlsx";       // 实施清单
inline constexpr const char* kFindingsCsvPath = "review/findings.csv";    // every finding
inline constexpr const char* kReviewReportPath = "review/审核报告.xlsx";   // 审核报告 (workbook)
inline constexpr const char* kReviewDocxPath = "reports/审核报告.docx";     // 审核报告 (document)
inline constexpr const char* kSubmissionsPath = "review/报送情况.xlsx";    // 报送情况
inline constexpr const char* kNoticeDocxPath = "reports/报送情况通报.docx";     // 报送情况通报
inline constexpr const char* kChangesPath = "reports/变更情况.xlsx";        // 变更情况 and 待重印清单
inline constexpr const char* kLeadersReportPath = "reports/领导汇报.pdf";  // 领导汇报
inline constexpr const char* kPortalDir = "portal";      // the public site
// The copy of the registry in every build folder (publish/registry_guard.h).
inline constexpr const char* kRegistryCopyPath = "registry/registry.sqlite";

// The longest name part of a component, in bytes (50 Chinese characters);
// suffix and extension come on top, well under the 255 bytes of a file name.
inline constexpr size_t kMaxNameBytes = 150;

// A name as one path component without extension: the name itself when it
// is safe (see above), else its cleaned, shortened form plus "~" and a
// suffix from `identity`. `fallback` names an empty one ("事项").
std::string path_component(std::string_view name, std::string_view identity,
                           std::string_view fallback);

// True when `name` is used as a component unchanged.
bool safe_component(std::string_view name);

// The paths of one build's outputs that depend on names, relative to the
// output folder (the portal's item pages: relative to portal/). Made once
// from the catalog after the codes and history stages; keyed by names and
// codes, so copies of the catalog can use it too.
class OutputPaths {
 public:
  OutputPaths() = default;
  // Computes every path of the catalog's departments, published items,
  // halls and windows.
  explicit OutputPaths(const Catalog& catalog);

  // "guides/<部门>.pdf": the department's booklet.
  std::string guide(const DepartmentInfo& dept) const;
  // "guides/docx/<部门>办事指南.docx": the booklet as an editable document.
  std::string guide_docx(const DepartmentInfo& dept) const;
  // "forms/<部门>.xlsx": the department's pre-filled fill-in form.
  std::string form(const DepartmentInfo& dept) const;
  // "returns/<部门>.xlsx": the department's form sent back for correction
  // (退回修改), its findings and review decisions at their cells.
  std::string returned_form(const DepartmentInfo& dept) const;
  // "guides/<县>政务服务事项办事指南汇编.pdf": the county's compilation.
  const std::string& county_booklet() const { return county_booklet_; }
  // "notices/<部门>/<事项>.pdf" for a published item; "" for an item that has
  // no 实施编码 or no registered department.
  std::string notice(const Item& item) const;
  // "posters/<大厅>/<窗口号>-<窗口名>.pdf".
  std::string poster(const Hall& hall, const Window& window) const;
  // "item/<实施编码>.html" under portal/ ("" when the code is missing or not
  // a safe URL segment).
  static std::string item_page(const Item& item);
  // The page of each registered department under portal/: "dept/<number>.html",
  // or "dept/d<k>.html" (k = position in the settings, from 1) when the
  // number is missing, unsafe or taken. Same order as settings.departments.
  static std::vector<std::string> department_pages(const Settings& settings);

 private:
  // The component of a department (its folder and file stem).
  std::string department(const std::string& name) const;

  std::string county_booklet_;
  std::map<std::string, std::string, std::less<>> departments_;  // name → component
  std::map<std::pair<std::string, std::string>, std::string> notices_;  // (dept, code) → path
  std::map<std::string, std::string> posters_;  // window identity → path
};

// True for a file name stem that needs no escaping in a URL: 1–64 ASCII
// letters, digits, '-' and '_' (the portal's page names).
bool safe_url_segment(std::string_view s);

// Resolves name collisions among components that go into one folder:
// `names[i]` with `identities[i]`; returns the components, all different
// (compared ignoring ASCII case, as Windows and macOS do). Components that
// collide get the "~" suffix, longer suffixes while they still collide.
std::vector<std::string> unique_components(const std::vector<std::string>& names,
                                           const std::vector<std::string>& identities,
                                           std::string_view fallback);

}  // namespace qd
