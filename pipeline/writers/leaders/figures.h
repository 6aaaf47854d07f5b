// The headline figures of the leaders' report (领导汇报.pdf), computed from
// the Catalog only. Every figure is defined here, next to its field, so the
// printed report, its tests and a reader of the code agree on what is
// counted. "Published" means Item::state == ItemState::Published.
#pragma once

#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/counts.h"
#include "model/counts.h"

namespace qd {

// A labelled count (a bar of a chart, a row of a table).
struct Count {
  std::string label;
  int n = 0;
};

// The figures of one department.
struct DepartmentFigures {
  std::string name;        // 涿鹿县市场监督管理局; "未登记部门" for the others
  std::string short_name;  // 市场监管局; the name without the county when unset
  // Published items, and of them 行政权力事项 (事项类型 ≠ 20) and 公共服务事项.
  int published = 0, power = 0, public_service = 0;
  // Review state of every item read for the department (Item::state):
  // read = published + rejected + pending + retired.
  int read = 0, rejected = 0, pending = 0, retired = 0;
  // Submission (review/报送情况.xlsx's rule, submission_status()): state is
  // 已报送 / 未报送 / 文件无法读取; on_time is 按时 / 逾期N天 / 未报送 / 日期不详.
  SubmissionStatus submission;
};

struct Figures {
  // 清单版本: catalog.version() (the latest version of a published item).
  Date version;
  Date deadline;  // settings.deadline (报送截止日期)

  // Published items; power = 行政权力事项 (事项类型 other than 20 公共服务),
  // public_service = 公共服务事项 (事项类型 20).
  int published = 0, power = 0, public_service = 0;
  // Published items by kind: the six columns of the lists' 汇总 sheet
  // (kSummaryTypes: 行政许可, 行政征收, 行政给付, 行政确认, 其他行政权力 —
  // every other power type counts here —, 公共服务), always all six.
  std::vector<Count> by_kind;
  // Published items by 网上办理深度: Ⅰ 网上公开, Ⅱ 在线预审, Ⅲ 在线申办,
  // Ⅳ 全程网办 (online_depths() codes 1–4), then 未填写 for an empty or
  // unknown value; always all five.
  std::vector<Count> by_depth;
  // Published items whose 设定依据 names a law in 《…》 and cites an article
  // (第…条) — the form the notice asks for (rule BASIS-FORM).
  int with_basis = 0;
  // 办结时限: published items whose 法定 and 承诺办结时限 both read as working
  // days (validate's parse_limit: "N个工作日"; a bare "N日/天" of a 行政许可)
  // or 即办 (= 0 days). Their number and the two averages in working days.
  int timed = 0;
  double legal_days = 0, promised_days = 0;
  // Published items whose 办件类型 is A.6 code 1 即办件.
  int instant = 0;
  // 到办事现场次数 (visit_counts()): zero_visits = code 0 (零跑腿);
  // at_most_one_visit = code 0 or 1 (最多跑一次, 零跑腿 included).
  int zero_visits = 0, at_most_one_visit = 0;
  // 申请材料 rows of published items; of them, those whose 来源渠道 is
  // 政府部门核发 (material_sources() code 2: issued by a government
  // department, so obtainable by data sharing instead of from the
  // applicant); and the published items with at least one such material.
  int materials = 0, shareable_materials = 0, items_with_shareable = 0;

  // Every registered department in settings order, then one entry
  // "未登记部门" when items of unregistered departments were read.
  std::vector<DepartmentFigures> departments;
  // Sums over `departments` of read / published / rejected / pending / retired.
  int read = 0, rejected = 0, pending = 0, retired = 0;
  // Submission totals over the registered departments.
  SubmissionTotals submissions;
};

// Computes the figures of a catalog.
Figures compute_figures(const Catalog& catalog);

// A department's short name: its own, else its name without the county in
// front ("市场监管局").
std::string short_of(const DepartmentInfo& d, const std::string& county);

// The date the report's data stands at (数据截至): the latest 报送日期 of a
// submission and the latest review decision, up to the build date; the
// catalog's as_of() when there is none. Never the build date by itself: on
// the first night the items' versions are the build date, which printed
// beside the 2017 deadlines and submission dates read as if the data were
// of that day.
Date data_date(const Catalog& catalog);

// "37.5%": n of total as a percentage with one decimal ("0.0%" when total is 0).
std::string percent(int n, int total);
// "12.3": one decimal.
std::string one_decimal(double v);

}  // namespace qd
