// Test helpers for the validation stage: a catalog with one registered
// department and one item whose every element is valid, so that a test can
// break one thing and look for exactly the finding that follows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "validate/validate.h"

namespace qd::vtest {

inline const std::string kFile = "departments/市场监管局.xlsx";
inline const std::string kDept = "涿鹿县市场监督管理局";
inline const std::string kCredit = "11440232MB2D06811W";  // codes.md known-good
inline const std::string kPowerFile = "reference/权力清单.xlsx";
inline const std::string kPublicFile = "reference/公共服务事项清单.xlsx";

// The cell of element `e` in row `row` of the 实施清单 sheet (one column per element).
inline Place cell_at(El e, int row) {
  return Place{kFile, std::string(kItemSheet), column_name(static_cast<int>(e)) + std::to_string(row)};
}

// A place in a sub-table sheet.
inline Place sub_at(std::string_view sheet, std::string col, int row) {
  return Place{kFile, std::string(sheet), col + std::to_string(row)};
}

// Sets element `e` of an item (keeping its place).
inline void set(Item& item, El e, std::string text) { item.field(e).text = std::move(text); }

// A 行政许可 item of kDept in row `row` with every element valid.
inline Item make_item(const std::string& name = "食品经营许可", int row = 3) {
  Item it;
  it.department = kDept;
  it.file = kFile;
  it.at = cell_at(El::Name, row);
  for (const ElementInfo& e : elements()) it.field(e.id).at = cell_at(e.id, row);
  set(it, El::Name, name);
  set(it, El::Type, "行政许可");
  set(it, El::Basis, "《中华人民共和国食品安全法》第三十五条");
  set(it, El::Level, "县级");
  set(it, El::Content, "食品经营许可的核发");
  set(it, El::Agency, kDept);
  set(it, El::AgencyNature, "法定机关");
  set(it, El::AgencyCode, kCredit);
  set(it, El::PowerSource, "法定本级行使");
  set(it, El::HandlingUnit, "行政审批股");
  set(it, El::Audience, "自然人、企业法人");
  set(it, El::CaseType, "承诺件");
  set(it, El::LegalLimit, "20个工作日");
  set(it, El::PromisedLimit, "10个工作日");
  set(it, El::Conditions, "有与经营的食品品种、数量相适应的经营场所");
  set(it, El::Channels, "窗口办理、网上办理(电脑端)");
  set(it, El::Visits, "1");
  set(it, El::VisitReason, "须现场核验原件");
  set(it, El::OnlineDepth, "在线申办");
  set(it, El::OnlineUrl, "https://www.hbzwfw.gov.cn/");
  set(it, El::Charged, "否");
  set(it, El::FeeStandard, "不收费");
  set(it, El::Result, "食品经营许可证");
  set(it, El::Place, "涿鹿县政务服务中心二楼5号窗口");
  set(it, El::Hours, "工作日上午8:30-12:00，下午14:30-17:30");
  set(it, El::ConsultPhone, "0313-6521234");
  set(it, El::ComplaintPhone, "0313-6525678");

  Material m;
  m.at = sub_at("申请材料", "C", row);
  auto mf = [&](Field& f, std::string col, std::string text) {
    f.text = std::move(text);
    f.at = sub_at("申请材料", std::move(col), row);
  };
  mf(m.seq, "B", "1");
  mf(m.title, "C", "食品经营许可申请书");
  mf(m.kind, "D", "原件");
  mf(m.originals, "E", "1");
  mf(m.form, "G", "纸质");
  mf(m.source, "H", "申请人自备");
  mf(m.need, "J", "必需");
  it.materials.push_back(m);

  const char* steps[] = {"申请", "受理", "审查", "决定", "送达"};
  int r = row;
  for (const char* s : steps) {
    Step st;
    st.at = sub_at("办理流程", "C", r);
    st.step = Field{s, sub_at("办理流程", "C", r)};
    st.limit = Field{"", sub_at("办理流程", "E", r)};
    it.steps.push_back(st);
    ++r;
  }
  return it;
}

// A catalog: kDept registered, submitted on time, its power list naming
// 食品经营许可 (行政许可), and that one valid item.
inline Catalog make_catalog() {
  Catalog c;
  c.settings.county = "涿鹿县";
  c.settings.division = "县";
  c.settings.division_code = "130731";
  c.settings.region_code = "13";
  c.settings.area_code = "0313";
  c.settings.office = "涿鹿县行政审批局";
  c.settings.departments.push_back({kDept, "市场监管局", kCredit, "05"});
  c.settings.deadline = Date{2017, 8, 31};
  c.settings.portal_base_url = "https://zwfw.example.gov.cn/";
  c.build_date = Date{2017, 9, 10};
  Submission s;
  s.department = kDept;
  s.file = kFile;
  s.readable = true;
  s.date = Date{2017, 8, 30};
  s.date_at = Place{kFile, std::string(kInfoSheet), "B5"};
  c.submissions.push_back(s);
  PowerEntry p;
  p.department = kDept;
  p.name = "食品经营许可";
  p.type_code = "01";
  p.basis = "《中华人民共和国食品安全法》第三十五条";
  p.at = Place{kPowerFile, "权力清单", "B2"};
  c.power_list.push_back(p);
  c.items.push_back(make_item());
  return c;
}

// The findings of one rule.
inline std::vector<Finding> of(const Catalog& c, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& f : c.findings)
    if (f.rule == rule) out.push_back(f);
  return out;
}

// All findings as text, for failure messages.
inline std::string dump(const Catalog& c) {
  std::string s;
  for (const Finding& f : c.findings)
    s += f.rule + " " + std::string(severity_id(f.severity)) + " " + f.at.str() + " " + f.message + "\n";
  return s;
}

}  // namespace qd::vtest
