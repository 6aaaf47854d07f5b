// gen_county: writes a synthetic county input folder of any size, in the
// same form departments hand in (county.toml, one workbook per department,
// the power list, the public-service list and approving review decisions),
// for tests and benchmarks at scale.
//
//   gen_county --out DIR --departments 60 --items 25 [--change P]
//
// Items are varied from a small set of realistic templates; every item is
// valid, in the power list, and approved, so a build publishes all of them.
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "codes/credit_code.h"
#include "model/elements.h"

namespace fs = std::filesystem;

namespace {

// One template an item is made from.
struct Template {
  const char* name;
  const char* type;
  const char* basis;
  const char* result;
  const char* legal;
  const char* promised;
  const char* case_type;
  const char* domain;  // public services only
};

const Template kTemplates[] = {
    {"经营许可", "行政许可", "《中华人民共和国行政许可法》第十二条", "许可证", "20个工作日", "10个工作日", "承诺件", ""},
    {"资格认定", "行政确认", "《中华人民共和国行政许可法》第十二条", "认定通知书", "15个工作日", "5个工作日", "承诺件", ""},
    {"补助发放", "行政给付", "《社会救助暂行办法》第九条", "无", "30个工作日", "15个工作日", "承诺件", ""},
    {"费用征收", "行政征收", "《中华人民共和国城市维护建设税法》第二条", "缴款凭证", "即办", "即办", "即办件", ""},
    {"备案", "其他行政权力", "《中华人民共和国行政许可法》第十二条", "备案回执", "5个工作日", "1个工作日", "承诺件", ""},
    {"服务办理", "公共服务", "《中华人民共和国社会保险法》第四十五条", "无", "10个工作日", "5个工作日", "承诺件", "社会保险"},
    {"信息查询", "公共服务", "《中华人民共和国就业促进法》第三十五条", "无", "即办", "即办", "即办件", "劳动就业服务"},
};

// Writes a row of strings.
void row(lxw_worksheet* ws, int r, const std::vector<std::string>& cells) {
  for (size_t c = 0; c < cells.size(); ++c)
    worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
}

// A valid credit code for department number n.
std::string credit_code(int n) {
  char org[9];
  std::snprintf(org, sizeof org, "0%02u%05u", static_cast<unsigned>(n) % 100u,
                (10000u + static_cast<unsigned>(n) * 37u) % 100000u);
  return qd::make_credit_code_from_org("11130731", org);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  int departments = 25, items = 60;
  int change = 0;  // --change P: P % of the items changed (and approved again)
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--out") out = argv[i + 1];
    else if (a == "--departments") departments = std::atoi(argv[i + 1]);
    else if (a == "--items") items = std::atoi(argv[i + 1]);
    else if (a == "--change") change = std::atoi(argv[i + 1]);
  }
  // Department numbers are two digits (基本编码 MMMMM = number + sequence).
  if (out.empty() || departments < 1 || departments > 99 || items < 1 || items > 999) {
    std::fprintf(stderr, "用法: gen_county --out DIR --departments N(1–99) --items M(1–999) [--change P(0–100)]\n");
    return 2;
  }
  fs::create_directories(fs::path(out) / "departments");
  fs::create_directories(fs::path(out) / "reference");
  fs::create_directories(fs::path(out) / "review");

  std::ofstream toml(fs::path(out) / "county.toml");
  toml << "[county]\nname = \"涿鹿县\"\ndivision_code = \"130731\"\nregion_code = \"13\"\n"
          "area_code = \"0313\"\noffice = \"涿鹿县行政审批局\"\nregistry = \"../state/registry.sqlite\"\ndeadline = 2017-08-31\n"
          "guide_url_template = \"https://zwfw.zhuolu.gov.cn/item/{impl_code}.html\"\n\n";

  // Element columns of the 实施清单 sheet, in table order.
  std::vector<std::string> header;
  for (const qd::ElementInfo& e : qd::elements())
    if (e.need != qd::Need::SubTable) header.emplace_back(e.label);

  lxw_workbook* power = workbook_new((fs::path(out) / "reference/权力清单.xlsx").c_str());
  lxw_worksheet* pws = workbook_add_worksheet(power, "权力清单");
  row(pws, 0, {"部门", "事项名称", "事项类型", "设定依据"});
  lxw_workbook* pub = workbook_new((fs::path(out) / "reference/公共服务事项清单.xlsx").c_str());
  lxw_worksheet* uws = workbook_add_worksheet(pub, "公共服务事项清单");
  row(uws, 0, {"部门", "事项名称", "公共服务类别"});
  lxw_workbook* review = workbook_new((fs::path(out) / "review/审改办审核意见.xlsx").c_str());
  lxw_worksheet* rws = workbook_add_worksheet(review, "审核意见");
  row(rws, 0, {"部门", "事项名称", "审核结论", "审核意见", "审核单位", "审核日期"});
  int power_row = 1, public_row = 1, review_row = 1;

  for (int d = 1; d <= departments; ++d) {
    char name[64], number[8];
    std::snprintf(name, sizeof name, "县第%d局", d);
    std::snprintf(number, sizeof number, "%02d", d);
    std::string credit = credit_code(d);
    toml << "[[department]]\nname = \"" << name << "\"\nshort_name = \"第" << d << "局\"\n"
         << "credit_code = \"" << credit << "\"\nnumber = \"" << number << "\"\n\n";

    lxw_workbook* wb = workbook_new((fs::path(out) / "departments" / (std::string(name) + ".xlsx")).c_str());
    lxw_worksheet* info = workbook_add_worksheet(wb, "填报信息");
    row(info, 0, {"填报单位", name});
    row(info, 1, {"填报人", "张明"});
    row(info, 2, {"联系电话", "0313-6521234"});
    row(info, 3, {"报送日期", "2017-08-30"});
    lxw_worksheet* ws = workbook_add_worksheet(wb, "实施清单");
    lxw_worksheet* mats = workbook_add_worksheet(wb, "申请材料");
    lxw_worksheet* steps = workbook_add_worksheet(wb, "办理流程");
    row(ws, 0, header);
    row(mats, 0, {"事项名称", "序号", "材料名称", "材料类型", "材料形式", "来源渠道", "是否必需"});
    row(steps, 0, {"事项名称", "序号", "环节名称", "办理人员", "办理时限", "审查标准", "办理结果"});
    int mrow = 1, srow = 1;
    for (int i = 1; i <= items; ++i) {
      const Template& t = kTemplates[(d + i) % (sizeof kTemplates / sizeof kTemplates[0])];
      std::string item = std::string(name).substr(3) + "第" + std::to_string(i) + "项" + t.name;
      bool is_public = std::string(t.type) == "公共服务";
      std::vector<std::string> v(header.size());
      auto set = [&](qd::El e, std::string value) {
        for (size_t c = 0; c < header.size(); ++c)
          if (header[c] == qd::element(e).label) v[c] = std::move(value);
      };
      set(qd::El::Name, item);
      set(qd::El::Type, t.type);
      set(qd::El::Basis, t.basis);
      set(qd::El::Level, "县级");
      set(qd::El::Content, "依法办理" + item);
      set(qd::El::Agency, name);
      set(qd::El::AgencyNature, "法定机关");
      set(qd::El::AgencyCode, credit);
      if (!is_public) set(qd::El::PowerSource, "法定本级行使");
      set(qd::El::HandlingUnit, "政务服务窗口");
      set(qd::El::Audience, "自然人、企业法人");
      set(qd::El::CaseType, t.case_type);
      set(qd::El::LegalLimit, t.legal);
      set(qd::El::PromisedLimit, t.promised);
      // Every (100/P)-th item of the county, counted over all departments,
      // is changed: a nightly "P % changed" input for the benchmark.
      const int serial = (d - 1) * items + i;
      const bool changed = change > 0 && serial % std::max(1, 100 / change) == 0;
      set(qd::El::Conditions, changed ? "申请人符合法定条件，申请材料齐全、符合法定形式（已调整）"
                                      : "申请人符合法定条件，申请材料齐全、符合法定形式");
      set(qd::El::Channels, "窗口办理、网上办理(电脑端)");
      set(qd::El::Visits, "0");
      set(qd::El::OnlineDepth, "全程网办");
      set(qd::El::OnlineUrl, "https://www.hbzwfw.gov.cn/");
      set(qd::El::Charged, "否");
      set(qd::El::FeeStandard, "不收费");
      set(qd::El::Result, t.result);
      set(qd::El::Place, "涿鹿县政务服务中心一楼");
      set(qd::El::Hours, "工作日上午8:30-12:00，下午14:30-17:30");
      set(qd::El::ConsultPhone, "0313-6521" + std::to_string(100 + d % 900));
      set(qd::El::ComplaintPhone, "0313-6522" + std::to_string(100 + d % 900));
      if (is_public) set(qd::El::PublicDomain, t.domain);
      row(ws, i, v);
      row(mats, mrow++, {item, "1", "申请书", "原件", "纸质", "申请人自备", "必需"});
      row(mats, mrow++, {item, "2", "身份证明", "原件和复印件", "纸质", "申请人自备", "必需"});
      if (std::string(t.case_type) == "即办件") {
        row(steps, srow++, {item, "1", "受理", "窗口人员", "即办", "材料齐全", "当场办结"});
      } else {
        const char* names[] = {"受理", "审查", "决定", "办结"};
        for (int s = 0; s < 4; ++s)
          row(steps, srow++, {item, std::to_string(s + 1), names[s], "承办人", "1个工作日", "符合法定条件", "进入下一环节"});
      }
      if (is_public) {
        row(uws, public_row++, {name, item, t.domain});
      } else {
        row(pws, power_row++, {name, item, t.type, t.basis});
      }
      row(rws, review_row++, {name, item, "通过", "同意", "审改办", changed ? "2017-09-20" : "2017-09-10"});
    }
    workbook_close(wb);
  }
  // One hall; a window for every three departments (the posters).
  toml << "[[hall]]\nname = \"涿鹿县政务服务中心\"\naddress = \"涿鹿县涿鹿镇\"\n"
       << "hours = \"周一至周五 8:30—12:00，14:30—17:30\"\n";
  for (int w = 0; w * 3 < departments; ++w) {
    toml << "\n  [[hall.window]]\n  number = \"" << (w < 9 ? "0" : "") << w + 1
         << "\"\n  name = \"综合窗口" << w + 1 << "\"\n  departments = [";
    for (int d = w * 3 + 1; d <= std::min(departments, w * 3 + 3); ++d)
      toml << (d > w * 3 + 1 ? ", " : "") << "\"县第" << d << "局\"";
    toml << "]\n";
  }
  workbook_close(power);
  workbook_close(pub);
  workbook_close(review);
  std::printf("%d 个部门，%d 个事项 → %s\n", departments, departments * items, out.c_str());
  return 0;
}
