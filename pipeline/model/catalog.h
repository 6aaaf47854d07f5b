// The one in-memory model passed from stage to stage: the county settings,
// every item read from the departments' workbooks with its sub-tables, the
// reference lists, the review decisions and every finding. Readers fill it,
// validate/merge/codes annotate it, writers only read it.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "codes/code_scheme.h"
#include "model/elements.h"

namespace qd {

// A value as read from the input, with the cell it came from.
struct Field {
  std::string text;
  Place at;
};

// A unit under a department (a 事业单位 with its own 统一社会信用代码) that
// may be the 实施主体 of the department's items.
struct UnitInfo {
  std::string name;         // 县社会保险事业管理局
  std::string credit_code;  // its own 18-char 统一社会信用代码 (12…)
};

// A department registered in the county settings.
struct DepartmentInfo {
  std::string name;         // 县市场监督管理局
  std::string short_name;   // 市场监管局
  std::string credit_code;  // 18-char 统一社会信用代码
  std::string number;       // 2-digit department number used in 基本编码
  std::vector<UnitInfo> units;  // its subordinate units ([[department.unit]])
};

// A window of a service hall: the departments or explicit items it handles.
struct Window {
  std::string number;                    // "01"
  std::string name;                      // 市场准入窗口
  std::vector<std::string> departments;  // department names
  std::vector<std::string> items;        // explicit item names (optional)
};

// A service hall (政务服务大厅) and its windows.
struct Hall {
  std::string name;
  std::string address;
  std::string hours;
  std::vector<Window> windows;
};

// County settings (input/county.toml). Nothing of any one county is a
// default here: read_settings() requires the county's own values.
struct Settings {
  std::string file;                // where they were read from
  std::string county;              // name of the county, district or county-level city
  std::string division;            // 县, 区, 市 or 旗: the word of 全县/区直/市审改办
  std::string province;            // optional
  std::string city;                // optional
  std::string division_code;       // 6-digit 行政区划代码
  std::string region_code;         // RR of 基本编码 for locally catalogued items
  std::string level_code = "4";    // 行使层级 of its own items: 4 县级 (A.2) for every county-level division
  std::string area_code;           // telephone area code
  std::string office;              // who publishes the lists
  std::string document_prefix;     // 发文机关代字 of the 通报 (涿审改办); "" = the name's first character + 审改办
  CodeScheme codes = national_scheme();  // national or provincial 基本编码 / 实施编码
  std::string portal_base_url;
  std::string guide_url_template;  // "{impl_code}" is replaced
  std::string poster_paper = "A3"; // window posters: "A3" or "A4"
  std::string registry_path;       // SQLite registry, absolute, outside output/
  Date deadline;                   // submission deadline
  std::vector<DepartmentInfo> departments;
  std::vector<Hall> halls;

  // The registered department of that name, or nullptr.
  const DepartmentInfo* department(std::string_view name) const;
  // The registered department that has a unit of that name, or nullptr.
  const DepartmentInfo* department_of_unit(std::string_view unit_name) const;
  // The registered department whose own or unit's credit code this is
  // (exactly), or nullptr.
  const DepartmentInfo* owner_of_credit_code(std::string_view credit_code) const;
};

// One row of the 申请材料 sheet.
struct Material {
  Field seq, title, kind, originals, copies, form, source, source_note, need,
      notes, basis, remark;
  Place at;  // the row (cell of its 材料名称)
};

// One row of the 办理流程 sheet.
struct Step {
  Field seq, step, staff, limit, standard, outcome;
  Place at;
};

// One row of the 收费项目 sheet.
struct FeeItem {
  Field title, standard, basis, waivable, waiver_basis;
  Place at;
};

// One row of the 常见问题 sheet.
struct Faq {
  Field question, answer;
  Place at;
};

// A sub-table row whose 事项名称 names no item of its workbook (ORPHAN-ROW):
// part of no item, kept so that the department gets it back to correct
// (model/returns.h).
struct LooseRow {
  std::string department;
  const SubTableInfo* table = nullptr;  // the sheet it was on
  std::vector<Field> cells;             // one per column of table->columns
};

// A review decision (审核意见) about one item.
struct Decision {
  std::string department;
  std::string item;
  std::string verdict;  // 通过 / 退回 / 取消
  std::string opinion;
  std::string unit;     // 审改办 / 法制办 / 行政审批局
  Date date;
  Place at;
};

// How an item came out of review and merge.
enum class ItemState {
  Pending,    // read, not yet decided
  Rejected,   // has errors or was returned
  Published,  // no errors, latest decision 通过
  Retired,    // decision 取消 or 事项状态 取消
};

// One service item of one department, with its sub-tables.
struct Item {
  std::string department;  // the department whose workbook holds it
  std::string file;        // that workbook
  Place at;                // its row in the 实施清单 sheet (cell of 事项名称)
  std::array<Field, kElementCount> fields;
  std::vector<Material> materials;
  std::vector<Step> steps;
  std::vector<FeeItem> fees;
  std::vector<Faq> faqs;

  // Set by later stages.
  int errors = 0;
  int warnings = 0;
  const Decision* decision = nullptr;  // latest decision, if any
  ItemState state = ItemState::Pending;
  bool renamed = false;                // codes kept from an earlier name
  std::string old_name;
  // The list version this item's published content belongs to: the build
  // date on which that content was first published (unchanged content keeps
  // its date from night to night). Invalid until the codes stage sets it.
  Date version;
  // The list version at which what a window poster prints of this item
  // (writers/posters/poster.h, poster_fields) last changed: its poster
  // version. A poster carries the latest of its items', so a change the
  // poster does not print (受理条件 …) leaves the poster as it was. Invalid
  // until the history stage sets it.
  Date poster_version;
  // True when this is the last approved version kept from an earlier build
  // (沿用上期): the department's workbook could not be read, or its new
  // content is not yet approved.
  bool carried_over = false;

  // The value of element `e` (already trimmed).
  const std::string& get(El e) const { return fields[static_cast<size_t>(e)].text; }
  // The field of element `e`, with its place.
  const Field& field(El e) const { return fields[static_cast<size_t>(e)]; }
  Field& field(El e) { return fields[static_cast<size_t>(e)]; }
  // The 事项类型 code ("01" … "20"), or "" when unknown.
  std::string type_code() const;
  // True for 行政权力事项 (everything except 公共服务).
  bool is_power() const;
};

// One entry of the county power list (权力清单).
struct PowerEntry {
  std::string department, name, type_code, basis, sub_name, basic_code;
  Place at;
};

// One entry of a department's public-service list (公共服务事项清单).
struct PublicEntry {
  std::string department, name, domain;
  Place at;
};

// Severity of a finding (rules.md).
enum class Severity { Error, Warning, Hint, Report };

// "错误", "警告", "建议", "通报".
std::string_view severity_label(Severity s);
// "error", "warning", "hint", "report" — as in rules.md and findings.csv.
std::string_view severity_id(Severity s);

// A problem found in the input, at its place, with a rule id of rules.md.
struct Finding {
  Place at;
  std::string rule;
  Severity severity = Severity::Error;
  std::string message;
  std::string department;  // for grouping in the review report
  std::string item;        // item name, when about an item
};

// What a department handed in: its 填报信息 and what became of the file.
struct Submission {
  std::string department;
  std::string file;
  bool readable = false;
  std::string filler;  // 填报人
  std::string phone;   // 联系电话
  Date date;           // 报送日期
  Place date_at;
};

// One changed value of an item: the element or sub-table cell, old and new.
struct FieldChange {
  std::string label;  // "承诺办结时限", "申请材料 2「材料名称」"
  std::string before, after;
};

// How an item of the published list changed since the last build (动态调整).
struct ItemChange {
  enum class Kind { Added, Changed, Retired };
  Kind kind = Kind::Added;
  std::string impl_code, department, name;
  std::vector<FieldChange> fields;  // Changed: every changed value, old → new
};

// "新增", "变更", "取消".
std::string_view change_label(ItemChange::Kind kind);

// The kinds of printed files (Reprint::kind).
inline constexpr const char* kReprintPoster = "窗口海报";
inline constexpr const char* kReprintNotice = "一次性告知单";
inline constexpr const char* kReprintGuide = "办事指南";

// A printed file that changed since the last build and must be reprinted.
struct Reprint {
  std::string kind;   // "窗口海报", "一次性告知单", "办事指南"
  std::string path;   // relative to output/
  std::string where;  // the hall (posters) or the department
};

// The most findings listed for one input file: a file beyond it (rows of
// garbage) gets one FINDINGS-LIMIT finding with the count of the rest, so
// that one department's file cannot fill the review report or the memory.
inline constexpr int kMaxFindingsPerFile = 1000;

// The whole county as the pipeline sees it during one build.
struct Catalog {
  Settings settings;
  Date build_date;
  std::vector<Submission> submissions;
  std::vector<Item> items;
  std::vector<PowerEntry> power_list;
  std::vector<PublicEntry> public_list;
  std::vector<Decision> decisions;
  std::vector<Finding> findings;
  // Sub-table rows that belong to no item (ORPHAN-ROW), in input order.
  std::vector<LooseRow> loose_rows;
  // Set by the history stage: what changed since the last published build,
  // and the departments whose file failed or whose items all failed (their
  // last published items are kept: 沿用上期).
  std::vector<ItemChange> changes;
  Date changes_version;  // the list version these changes made (kept on
                         // later nights without changes)
  std::vector<std::string> failed_departments;
  // Set by the build before the change report is planned: printed files
  // that differ from the last build.
  std::vector<Reprint> reprints;

  // Records a finding; item findings also count against the item. Beyond
  // kMaxFindingsPerFile findings of one file, a finding only counts: the
  // file's FINDINGS-LIMIT finding says how many were left out.
  void report(Finding f, Item* item = nullptr);
  // Files over the limit: file → findings left out.
  std::map<std::string, long long> findings_left_out;
  // Published items of one department, in input order.
  std::vector<const Item*> published(std::string_view department) const;
  // All published items, departments in settings order, items in input order.
  std::vector<const Item*> published() const;
  // The list version (清单版本) of a document made of these items: the
  // latest of their versions, or as_of() when none is set. Printed
  // documents carry it, so a hall can tell a stale print from a current one
  // and an unchanged document stays byte-identical from night to night.
  Date version_of(const std::vector<const Item*>& items) const;
  // The version of the whole published list.
  Date version() const { return version_of(published()); }
  // The date the catalog's data stands at (数据截至日期), which the reports
  // are dated by: the latest of the items' versions, the change log's
  // version, and the submissions' and decisions' dates up to the build date;
  // the build date when there is none. Unlike the build date it stays the
  // same from night to night while nothing changes, and so do the reports.
  Date as_of() const;
  // Sorts findings by file, sheet, cell (row-major), rule — the order of
  // findings.csv — with each FINDINGS-LIMIT finding saying its final count.
  void sort_findings();

 private:
  std::map<std::string, int, std::less<>> findings_per_file_;
};

// Compares two A1 references row-major ("B2" < "A10" is false: row 2 < 10).
bool cell_less(std::string_view a, std::string_view b);

}  // namespace qd
