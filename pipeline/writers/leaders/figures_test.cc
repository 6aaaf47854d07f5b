// The leaders' report figures against a small catalog counted by hand.
#include "writers/leaders/figures.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

const char* const kMarket = "涿鹿县市场监督管理局";
const char* const kCivil = "涿鹿县民政局";
const char* const kStats = "涿鹿县统计局";
const char* const kArchive = "涿鹿县档案馆";

struct Spec {
  const char* dept;
  const char* name;
  ItemState state;
  const char* type;
  const char* basis;
  const char* legal;
  const char* promised;
  const char* case_type;
  const char* visits;
  const char* depth;
  std::vector<const char*> sources;  // 来源渠道 of each material
};

Item make(const Spec& s) {
  Item it;
  it.department = s.dept;
  it.state = s.state;
  it.field(El::Name).text = s.name;
  it.field(El::Type).text = s.type;
  it.field(El::Basis).text = s.basis;
  it.field(El::LegalLimit).text = s.legal;
  it.field(El::PromisedLimit).text = s.promised;
  it.field(El::CaseType).text = s.case_type;
  it.field(El::Visits).text = s.visits;
  it.field(El::OnlineDepth).text = s.depth;
  for (const char* src : s.sources) {
    Material m;
    m.title.text = "材料";
    m.source.text = src;
    it.materials.push_back(m);
  }
  return it;
}

Submission submitted(const char* dept, bool readable, Date date) {
  Submission s;
  s.department = dept;
  s.file = std::string(dept) + ".xlsx";
  s.readable = readable;
  s.date = date;
  return s;
}

// 9 items over 3 departments and one unregistered department; a fourth
// department sent an unreadable file.
Catalog hand_catalog() {
  Catalog c;
  c.build_date = {2017, 9, 30};
  c.settings.county = "涿鹿县";  // as input/county.toml says
  c.settings.division = "县";
  c.settings.office = "涿鹿县行政审批局";
  c.settings.area_code = "0313";
  c.settings.deadline = {2017, 8, 31};
  c.settings.departments = {{kMarket, "市场监管局", "", "14"},
                            {kCivil, "", "", "04"},
                            {kStats, "统计局", "", "20"},
                            {kArchive, "档案馆", "", "27"}};
  using S = ItemState;
  const std::vector<Spec> specs = {
      {kMarket, "食品经营许可", S::Published, "01", "《中华人民共和国食品安全法》第三十五条",
       "20个工作日", "10个工作日", "承诺件", "1", "Ⅲ", {"申请人自备", "政府部门核发", "政府部门核发"}},
      {kMarket, "广告发布登记", S::Published, "行政许可", "《中华人民共和国广告法》", "20日", "即办",
       "即办件", "0", "全程网办", {"申请人自备"}},
      {kMarket, "个体工商户年度检查", S::Rejected, "06", "《个体工商户条例》第十条", "10个工作日",
       "5个工作日", "承诺件", "1", "Ⅰ", {"政府部门核发"}},
      {kCivil, "最低生活保障金给付", S::Published, "05", "《社会救助暂行办法》第九条", "30个自然日",
       "15个工作日", "承诺件", "2", "", {}},
      {kCivil, "临时救助", S::Published, "20", "《社会救助暂行办法》第四十七条", "即办", "即办", "1",
       "0次", "Ⅰ", {"2"}},
      {kCivil, "社会团体年度检查", S::Retired, "06", "《社会团体登记管理条例》第二十八条", "20个工作日",
       "20个工作日", "承诺件", "1", "Ⅰ", {}},
      {kStats, "统计违法行为处罚", S::Published, "02", "统计法第三十七条", "法律法规未规定", "5个工作日",
       "承诺件", "1次", "Ⅱ", {"其他"}},
      {kStats, "统计数据公布", S::Pending, "20", "《统计法》第二十三条", "即办", "即办", "即办件", "0", "Ⅳ", {}},
      {"涿鹿县不动产登记中心", "不动产首次登记", S::Pending, "07", "《不动产登记暂行条例》第三条",
       "30个工作日", "10个工作日", "承诺件", "1", "Ⅲ", {"政府部门核发"}},
  };
  for (const Spec& s : specs) c.items.push_back(make(s));
  c.items[0].version = {2017, 9, 20};
  c.items[4].version = {2017, 9, 28};
  c.items[2].version = {2017, 9, 29};  // not published: does not count
  c.submissions = {submitted(kMarket, true, {2017, 8, 30}), submitted(kCivil, true, {2017, 9, 3}),
                   submitted(kArchive, false, {})};
  return c;
}

TEST(LeadersFigures, PublishedItemsCountedByHand) {
  Figures f = compute_figures(hand_catalog());
  EXPECT_EQ(f.version, (Date{2017, 9, 28}));
  EXPECT_EQ(f.deadline, (Date{2017, 8, 31}));
  EXPECT_EQ(f.published, 5);
  EXPECT_EQ(f.power, 4);
  EXPECT_EQ(f.public_service, 1);
  ASSERT_EQ(f.by_kind.size(), 6u);
  const std::vector<std::pair<std::string, int>> kinds = {
      {"行政许可", 2}, {"行政征收", 0}, {"行政给付", 1}, {"行政确认", 0}, {"其他行政权力", 1}, {"公共服务", 1}};
  for (size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_EQ(f.by_kind[i].label, kinds[i].first);
    EXPECT_EQ(f.by_kind[i].n, kinds[i].second) << kinds[i].first;
  }
  ASSERT_EQ(f.by_depth.size(), 5u);
  const std::vector<std::pair<std::string, int>> depths = {
      {"网上公开", 1}, {"在线预审", 1}, {"在线申办", 1}, {"全程网办", 1}, {"未填写", 1}};
  for (size_t i = 0; i < depths.size(); ++i) {
    EXPECT_EQ(f.by_depth[i].label, depths[i].first);
    EXPECT_EQ(f.by_depth[i].n, depths[i].second) << depths[i].first;
  }
  // 食品经营许可, 最低生活保障金给付, 临时救助: a law in 《》 and an article.
  EXPECT_EQ(f.with_basis, 3);
  // 食品经营许可 20/10, 广告发布登记 20 (日 of a licence)/0, 临时救助 0/0.
  EXPECT_EQ(f.timed, 3);
  EXPECT_EQ(one_decimal(f.legal_days), "13.3");
  EXPECT_EQ(one_decimal(f.promised_days), "3.3");
  EXPECT_EQ(f.instant, 2);
  EXPECT_EQ(f.zero_visits, 2);
  EXPECT_EQ(f.at_most_one_visit, 4);
  EXPECT_EQ(f.materials, 6);
  EXPECT_EQ(f.shareable_materials, 3);
  EXPECT_EQ(f.items_with_shareable, 2);
}

TEST(LeadersFigures, ReviewStateAndSubmissionPerDepartment) {
  Figures f = compute_figures(hand_catalog());
  ASSERT_EQ(f.departments.size(), 5u);
  struct Row {
    const char* name;
    const char* short_name;
    int read, published, power, public_service, rejected, pending, retired;
    const char* state;
    const char* on_time;
  };
  const Row rows[] = {
      {kMarket, "市场监管局", 3, 2, 2, 0, 1, 0, 0, "已报送", "按时"},
      {kCivil, "民政局", 3, 2, 1, 1, 0, 0, 1, "已报送", "逾期3天"},
      {kStats, "统计局", 2, 1, 1, 0, 0, 1, 0, "未报送", "未报送"},
      {kArchive, "档案馆", 0, 0, 0, 0, 0, 0, 0, "文件无法读取", "未报送"},
      {"未登记部门", "未登记部门", 1, 0, 0, 0, 0, 1, 0, "未登记", ""},
  };
  for (size_t i = 0; i < 5; ++i) {
    const DepartmentFigures& d = f.departments[i];
    const Row& r = rows[i];
    EXPECT_EQ(d.name, r.name);
    EXPECT_EQ(d.short_name, r.short_name);
    EXPECT_EQ(d.read, r.read) << r.name;
    EXPECT_EQ(d.published, r.published) << r.name;
    EXPECT_EQ(d.power, r.power) << r.name;
    EXPECT_EQ(d.public_service, r.public_service) << r.name;
    EXPECT_EQ(d.rejected, r.rejected) << r.name;
    EXPECT_EQ(d.pending, r.pending) << r.name;
    EXPECT_EQ(d.retired, r.retired) << r.name;
    EXPECT_EQ(d.submission.state, r.state) << r.name;
    EXPECT_EQ(d.submission.on_time, r.on_time) << r.name;
  }
  EXPECT_EQ(f.departments[1].submission.date, (Date{2017, 9, 3}));
  EXPECT_EQ(f.read, 9);
  EXPECT_EQ(f.rejected, 1);
  EXPECT_EQ(f.pending, 2);
  EXPECT_EQ(f.retired, 1);
  EXPECT_EQ(f.submissions.departments, 4);
  EXPECT_EQ(f.submissions.submitted, 2);
  EXPECT_EQ(f.submissions.on_time, 1);
  EXPECT_EQ(f.submissions.late, 1);
  EXPECT_EQ(f.submissions.missing, 1);
  EXPECT_EQ(f.submissions.unreadable, 1);
}

TEST(LeadersFigures, EmptyCatalogHasZerosAndAllRows) {
  Catalog c;
  c.build_date = {2017, 9, 30};
  Figures f = compute_figures(c);
  EXPECT_EQ(f.published, 0);
  EXPECT_EQ(f.timed, 0);
  EXPECT_EQ(f.legal_days, 0);
  EXPECT_EQ(f.by_kind.size(), 6u);
  EXPECT_EQ(f.by_depth.size(), 5u);
  EXPECT_TRUE(f.departments.empty());
  EXPECT_EQ(f.version, (Date{2017, 9, 30}));  // the build date when nothing is published
}

TEST(LeadersFigures, PercentAndDecimals) {
  EXPECT_EQ(percent(3, 5), "60.0%");
  EXPECT_EQ(percent(1, 3), "33.3%");
  EXPECT_EQ(percent(0, 0), "0.0%");
  EXPECT_EQ(one_decimal(13.0 + 1.0 / 3), "13.3");
}

}  // namespace
}  // namespace qd
