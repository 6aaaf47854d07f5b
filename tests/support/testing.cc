#include "support/testing.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace qd::testing {

namespace fs = std::filesystem;

namespace {

// The openpyxl dump script (see dump_xlsx()).
constexpr const char* kDumpScript = R"PY(
import datetime, json, sys
import openpyxl

def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat()
    return v

wb = openpyxl.load_workbook(sys.argv[1])
p = wb.properties
out = {"properties": {"title": p.title, "creator": p.creator,
                      "created": plain(p.created), "modified": plain(p.modified)},
       "sheets": []}
for ws in wb.worksheets:
    s = {"name": ws.title, "state": ws.sheet_state, "freeze": ws.freeze_panes,
         "autofilter": ws.auto_filter.ref, "protected": bool(ws.protection.sheet),
         "print_title_rows": ws.print_title_rows, "print_title_cols": ws.print_title_cols,
         "scale": ws.page_setup.scale, "page_order": ws.page_setup.pageOrder,
         "col_breaks": [b.id for b in ws.col_breaks.brk],
         "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
         "fit_to_page": bool(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage),
         "fit_width": ws.page_setup.fitToWidth, "fit_height": ws.page_setup.fitToHeight,
         "header": ws.oddHeader.center.text, "footer": ws.oddFooter.center.text,
         "widths": {k: d.width for k, d in ws.column_dimensions.items()},
         "merged": [str(r) for r in ws.merged_cells.ranges],
         "validations": [{"sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1,
                          "errorStyle": dv.errorStyle}
                         for dv in ws.data_validations.dataValidation],
         "cells": {}, "types": {}, "formats": {}, "locked": {},
         "comments": {}, "fills": {}, "links": {},
         "columns": {k: {"locked": bool(d.protection.locked), "format": d.number_format,
                         "border": d.border.left.style}
                     for k, d in ws.column_dimensions.items() if d.has_style}}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                s["cells"][c.coordinate] = plain(c.value)
                s["types"][c.coordinate] = c.data_type
            if c.has_style:
                s["formats"][c.coordinate] = c.number_format
            if c.row <= 3 or c.row % 100 == 0:
                s["locked"][c.coordinate] = bool(c.protection.locked)
            if c.comment is not None:
                s["comments"][c.coordinate] = c.comment.text
                s["locked"][c.coordinate] = bool(c.protection.locked)
            if c.fill is not None and c.fill.fill_type == "solid":
                s["fills"][c.coordinate] = str(c.fill.fgColor.rgb)[-6:]
            if c.hyperlink is not None:
                s["links"][c.coordinate] = c.hyperlink.location or c.hyperlink.target
    out["sheets"].append(s)
json.dump(out, sys.stdout, ensure_ascii=False)
)PY";

// Quotes `s` for /bin/sh.
std::string shell_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Sets element `e` of `item`.
void set(Item& item, El e, std::string text) { item.field(e).text = std::move(text); }

// An item with every required element filled in.
Item make_item(const DepartmentInfo& d, std::string name, std::string type, int n) {
  Item it;
  it.department = d.name;
  it.file = "input/departments/" + d.short_name + ".xlsx";
  it.at = Place{it.file, "实施清单", "A" + std::to_string(n + 1)};
  set(it, El::Name, name);
  set(it, El::BasicCode, "13" + d.number + "0" + std::to_string(n) + "0001000");
  set(it, El::ImplCode, "11130731" + d.credit_code.substr(8, 10) + "13" + d.number + "0" +
                            std::to_string(n) + "000100001");
  set(it, El::Type, type);
  set(it, El::Basis, "《中华人民共和国行政许可法》第十二条；《" + name + "管理办法》第五条");
  set(it, El::Level, "县级");
  set(it, El::Content, name + "的受理、审查和决定");
  set(it, El::Agency, d.name);
  set(it, El::AgencyNature, "法定机关");
  set(it, El::AgencyCode, d.credit_code);
  set(it, El::PowerSource, "法定本级行使");
  set(it, El::HandlingUnit, "行政审批股");
  set(it, El::Audience, "自然人、企业法人");
  set(it, El::CaseType, "承诺件");
  set(it, El::LegalLimit, "20个工作日");
  set(it, El::PromisedLimit, "10个工作日");
  set(it, El::Conditions, "申请人具备相应的条件，材料齐全，符合法定形式");
  set(it, El::Channels, "窗口办理、网上办理(电脑端)");
  set(it, El::Visits, "1");
  set(it, El::OnlineDepth, "Ⅲ");
  set(it, El::OnlineUrl, "http://zwfw.example.gov.cn/item/" + std::to_string(n));
  set(it, El::Charged, "否");
  set(it, El::FeeStandard, "不收费");
  set(it, El::Result, name + "决定书");
  set(it, El::Place, "涿鹿县政务服务中心一楼" + d.short_name + "窗口");
  set(it, El::Hours, "工作日上午8:30-12:00，下午14:30-17:30");
  set(it, El::ConsultPhone, "0313-652123" + std::to_string(n));
  set(it, El::ComplaintPhone, "0313-6529999");
  set(it, El::Status, "在用");
  Material m1;
  m1.seq.text = "1";
  m1.title.text = name + "申请书";
  m1.kind.text = "原件";
  m1.originals.text = "1";
  m1.form.text = "纸质";
  m1.source.text = "申请人自备";
  m1.need.text = "必需";
  Material m2;
  m2.seq.text = "2";
  m2.title.text = "营业执照";
  m2.kind.text = "复印件";
  m2.copies.text = "2";
  m2.form.text = "纸质";
  m2.source.text = "政府部门核发";
  m2.source_note.text = "县市场监督管理局";
  m2.need.text = "容缺";
  it.materials = {m1, m2};
  const char* steps[][3] = {{"受理", "窗口受理人员", "1个工作日"},
                            {"审查", "审查股工作人员", "5个工作日"},
                            {"决定", "分管领导", "2个工作日"},
                            {"办结", "窗口工作人员", "2个工作日"}};
  int seq = 0;
  for (auto& s : steps) {
    Step st;
    st.seq.text = std::to_string(++seq);
    st.step.text = s[0];
    st.staff.text = s[1];
    st.limit.text = s[2];
    st.standard.text = "材料齐全、符合法定形式";
    st.outcome.text = "通过或不予通过";
    it.steps.push_back(st);
  }
  Faq q;
  q.question.text = "办理" + name + "需要多长时间？";
  q.answer.text = "承诺10个工作日内办结。";
  it.faqs.push_back(q);
  it.state = ItemState::Published;
  return it;
}

}  // namespace

Catalog sample_catalog() {
  Catalog c;
  c.build_date = Date{2017, 9, 30};
  Settings& s = c.settings;
  s.file = "input/county.toml";
  s.county = "涿鹿县";
  s.division = "县";
  s.division_code = "130731";
  s.region_code = "13";
  s.area_code = "0313";
  s.office = "涿鹿县行政审批局";
  s.deadline = Date{2017, 8, 31};
  s.departments = {
      {"县市场监督管理局", "市场监管局", "11130731MB0123456X", "01"},
      {"县人力资源和社会保障局", "人社局", "11130731MB0234567Y", "02"},
      {"涿鹿县县城规划建设管理与市政公用事业综合服务保障中心临时办公室协调组", "规划服务中心",
       "12130731MB0345678Z", "03"},
  };
  const DepartmentInfo& a = s.departments[0];
  const DepartmentInfo& b = s.departments[1];

  c.items.push_back(make_item(a, "食品经营许可", "行政许可", 1));
  Item reg = make_item(a, "个体工商户登记", "07", 2);
  FeeItem fee;
  fee.title.text = "工本费";
  fee.standard.text = "每件10元";
  fee.basis.text = "冀价行费〔2017〕1号";
  fee.waivable.text = "是";
  fee.waiver_basis.text = "小微企业免收";
  reg.fees.push_back(fee);
  set(reg, El::Charged, "是");
  set(reg, El::FeeStandard, "每件10元");
  set(reg, El::FeeBasis, "冀价行费〔2017〕1号");
  c.items.push_back(reg);
  Item ad = make_item(a, "广告发布登记", "行政许可", 3);
  ad.state = ItemState::Rejected;
  ad.errors = 1;
  c.items.push_back(ad);

  c.items.push_back(make_item(b, "失业保险金申领", "行政给付", 1));
  Item job = make_item(b, "就业失业登记", "公共服务", 2);
  set(job, El::PublicDomain, "劳动就业服务");
  set(job, El::PowerSource, "");
  c.items.push_back(job);
  Item old = make_item(b, "企业职工退休审批", "行政许可", 3);
  old.state = ItemState::Retired;
  c.items.push_back(old);
  Item pend = make_item(b, "职业技能鉴定", "行政确认", 4);
  pend.state = ItemState::Pending;
  c.items.push_back(pend);

  // Unregistered department: read, never published.
  DepartmentInfo x{"县某某管理局", "某某局", "11130731MB0999999A", "99"};
  Item other = make_item(x, "某某许可", "行政许可", 1);
  other.state = ItemState::Pending;
  c.items.push_back(other);

  auto finding = [&](std::string file, std::string sheet, std::string cell, std::string rule,
                     Severity sev, std::string msg, std::string dept, std::string item) {
    Finding f;
    f.at = Place{std::move(file), std::move(sheet), std::move(cell)};
    f.rule = std::move(rule);
    f.severity = sev;
    f.message = std::move(msg);
    f.department = std::move(dept);
    f.item = std::move(item);
    c.findings.push_back(std::move(f));
  };
  std::string fa = "input/departments/市场监管局.xlsx", fb = "input/departments/人社局.xlsx";
  finding(fa, "实施清单", "E10", "BASIS-FORM", Severity::Warning,
          "设定依据未写明条款，如“第十二条”", a.name, "广告发布登记");
  finding(fa, "实施清单", "C4", "REQ-MISSING", Severity::Error, "“实施编码”不能为空", a.name,
          "广告发布登记");
  finding(fb, "申请材料", "D3", "MATERIAL-SHARED", Severity::Hint,
          "材料“营业执照”由政府部门核发，建议通过数据共享获取, 不再要求申请人提交", b.name,
          "失业保险金申领");
  finding(fa, "实施清单", "B4", "BASIS-MISSING", Severity::Error,
          "设定依据为空，建议取消，\"依法依规\"", a.name, "广告发布登记");
  finding("input/departments/坏文件.xlsx", "", "", "FILE-UNREADABLE", Severity::Error,
          "文件不是有效的工作簿（不是zip文件）", a.name, "");
  finding("input/departments/某某局.xlsx", "实施清单", "A2", "DEPT-UNKNOWN", Severity::Warning,
          "实施主体“县某某管理局”不是已登记的部门", x.name, "某某许可");
  finding(s.file, "", "", "SUBMISSION-LATE", Severity::Report, "县人力资源和社会保障局逾期3天报送",
          b.name, "");

  auto submit = [&](std::string dept, std::string file, bool readable, std::string filler,
                    std::string phone, Date date) {
    Submission sub;
    sub.department = std::move(dept);
    sub.file = std::move(file);
    sub.readable = readable;
    sub.filler = std::move(filler);
    sub.phone = std::move(phone);
    sub.date = date;
    c.submissions.push_back(std::move(sub));
  };
  submit(a.name, fa, true, "张三", "0313-6521001", Date{2017, 8, 25});
  submit(a.name, "input/departments/市场监管局补充.xlsx", true, "李四", "0313-6521002",
         Date{2017, 8, 30});
  submit(b.name, fb, true, "王五", "13800000000", Date{2017, 9, 3});
  submit(x.name, "input/departments/某某局.xlsx", true, "赵六", "0313-6520000",
         Date{2017, 8, 28});
  // First published tonight, as the history stage records it.
  for (Item& it : c.items)
    if (it.state == ItemState::Published) it.version = c.build_date;
  return c;
}

std::string fresh_dir(std::string_view name) {
  fs::path p = fs::temp_directory_path() /
               ("qd_" + std::string(name) + "_" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(p, ec);
  fs::create_directories(p, ec);
  return p.string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run(const std::string& command, std::string* out) {
  std::string tmp = fs::temp_directory_path() / ("qd_run_" + std::to_string(::getpid()) + ".out");
  int rc = std::system((command + " > " + shell_quote(tmp)).c_str());
  if (out) *out = slurp(tmp);
  std::error_code ec;
  fs::remove(tmp, ec);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

Result<nlohmann::json> dump_xlsx(const std::string& xlsx) {
  std::string script = fs::temp_directory_path() / ("qd_dump_" + std::to_string(::getpid()) + ".py");
  {
    std::ofstream out(script);
    out << kDumpScript;
  }
  std::string text;
  int rc = run("/usr/bin/python3 " + shell_quote(script) + " " + shell_quote(xlsx), &text);
  if (rc != 0) return make_error(Place{xlsx, "", ""}, "openpyxl 无法读取（退出码 " + std::to_string(rc) + "）");
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return make_error(Place{xlsx, "", ""}, "openpyxl 输出不是 JSON");
  return j;
}

const nlohmann::json& sheet(const nlohmann::json& dump, std::string_view name) {
  static const nlohmann::json kNull;
  for (const auto& s : dump["sheets"])
    if (s["name"] == name) return s;
  return kNull;
}

std::string cell(const nlohmann::json& sheet, std::string_view ref) {
  if (!sheet.is_object() || !sheet["cells"].contains(std::string(ref))) return "";
  const auto& v = sheet["cells"][std::string(ref)];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return v.dump();
}

std::vector<std::string> sheet_names(const nlohmann::json& dump) {
  std::vector<std::string> out;
  for (const auto& s : dump["sheets"]) out.push_back(s["name"]);
  return out;
}

Result<std::string> to_pdf(const std::string& file, const std::string& outdir) {
  std::string profile = "file:///tmp/lo_qd_test_" + std::to_string(::getpid());
  std::string cmd = "timeout 180 soffice --headless -env:UserInstallation=" + profile +
                    " --convert-to pdf --outdir " + shell_quote(outdir) + " " +
                    shell_quote(file) + " 2>&1";
  std::string log;
  int rc = run(cmd, &log);
  fs::path pdf = fs::path(outdir) / fs::path(file).filename().replace_extension(".pdf");
  if (rc != 0 || !fs::exists(pdf))
    return make_error(Place{file, "", ""}, "LibreOffice 转换失败：" + log);
  return pdf.string();
}

std::string pdf_text(const std::string& pdf) {
  std::string text;
  run("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -", &text);
  return text;
}

}  // namespace qd::testing
