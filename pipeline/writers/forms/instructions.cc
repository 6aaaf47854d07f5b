#include "writers/forms/instructions.h"

#include <algorithm>
#include <cmath>

#include "writers/forms/department_form.h"
#include "xlsx_writer/print.h"
#include "xlsx_writer/widths.h"

namespace qd {

namespace {

// How an element must be filled in, in words.
std::string need_text(Need n) {
  switch (n) {
    case Need::Required: return "必填";
    case Need::Conditional: return "视情况必填";
    case Need::Optional: return "选填";
    case Need::Assigned: return "系统赋码（锁定）";
    case Need::SubTable: return "另表填写";
  }
  return "";
}

// Help for the sub-table columns (SubTableInfo has none of its own).
std::string column_help(const ColumnInfo& c) {
  if (c.key == "name") return "须与“实施清单”中的事项名称完全一致";
  if (c.key == "seq") return "按顺序填1、2、3…";
  if (c.key == "originals" || c.key == "copies") return "填数字";
  if (c.key == "source_note") return "政府部门核发的，写明核发部门";
  if (c.key == "limit") return "如“1个工作日”";
  if (c.key == "step") return "如申请、受理、审查、决定、办结";
  return "";
}

}  // namespace

std::vector<std::string> form_instructions(const Catalog& catalog, const DepartmentInfo& dept,
                                           int prefilled, const std::string& prefilled_note) {
  const Settings& s = catalog.settings;
  const Date& deadline = s.deadline;
  std::string when = deadline.valid() ? deadline.chinese() : "（另行通知）";
  const std::string office = s.division + "审改办";
  return {
      "报送截止日期：" + when + "。请在截止日期前将本表电子版报送" + office + "，同时报送加盖公章的纸质版。",
      !prefilled_note.empty()
          ? prefilled_note
          : "“实施清单”已预填本部门现有事项" + std::to_string(prefilled) +
                "项，请逐项核对、修改、补充。新增事项在表格末尾的空白行填写，每个事项一行。",
      s.codes.provincial
          ? "“基本编码”“实施编码”两列（灰色）为省政务服务平台赋予的编码，已锁定，不得修改；新增事项须先在省平台取得编码，"
            "请将编码报" + office + "填入。工作表保护未设密码，仅为防止误改，请勿撤销保护修改编码。"
          : "“基本编码”“实施编码”两列（灰色）已锁定，由系统统一赋码，不得修改；新增事项这两列留空。"
            "工作表保护未设密码，仅为防止误改，请勿撤销保护修改编码。",
      "不要删除事项行。需要取消的事项，将“事项状态”改为“取消”；暂停办理的改为“暂停”。",
      "列名带“*”的为必填项。带下拉列表的列请从列表中选择；“行使层级”“服务对象”“办理形式”可多选，"
      "多个值用顿号“、”分隔，如“自然人、企业法人”。",
      "编码、电话、网址等列已设为文本格式，请直接输入（如 " + s.area_code + "-6521234），不要改为数字格式。",
      "“申请材料”“办理流程”“收费项目”“常见问题”工作表每行填写一条，“事项名称”须与“实施清单”中的事项名称完全一致；"
      "这些工作表可以自由插入、删除行。",
      "请在“填报信息”工作表中填写填报人、联系电话和报送日期。",
      "不要修改工作表名称和第一行的列名，不要插入或删除列。",
  };
}

void write_instructions(xlsx::Book& book, const Catalog& catalog, const DepartmentInfo& dept,
                        int prefilled, const std::string& prefilled_note) {
  lxw_worksheet* ws = book.add_sheet(kInstructionSheet);
  if (!ws) return;
  const int ncols = 5;
  lxw_format* title = book.format(xlsx::title_style());
  xlsx::Style ns = xlsx::note_style();
  lxw_format* note = book.format(ns);
  ns.bold = true;
  lxw_format* bold = book.format(ns);
  lxw_format* head = book.format(xlsx::header_style());
  lxw_format* body = book.format(xlsx::body_style());

  int row = 0;
  book.merge(ws, row, 0, row, ncols - 1, dept.name + "政务服务事项实施清单填报表 填写说明", title);
  book.check(worksheet_set_row(ws, row++, 30, nullptr), "设置行高");
  ++row;
  book.merge(ws, row, 0, row, ncols - 1, "一、填报要求", bold);
  ++row;
  int n = 0;
  for (const std::string& line : form_instructions(catalog, dept, prefilled, prefilled_note)) {
    std::string text = std::to_string(++n) + ". " + line;
    book.merge(ws, row, 0, row, ncols - 1, text, note);
    // Merged cells do not grow with their text: give each line its height.
    double lines = std::max(1.0, std::ceil(xlsx::text_width(text) / 150.0));
    book.check(worksheet_set_row(ws, row, 15 * lines + 3, nullptr), "设置行高");
    ++row;
  }
  ++row;
  book.merge(ws, row, 0, row, ncols - 1, "二、各列填写说明", bold);
  ++row;
  const int header_row = row;
  const double width[ncols] = {12, 22, 16, 60, 46};
  xlsx::Widths widths(ncols, 4, 100);
  for (int c = 0; c < ncols; ++c) widths.at_least(c, width[c]);
  book.check(widths.apply(ws), "设置列宽");
  // Each table row tall enough for its wrapped cells.
  auto put = [&](const std::vector<std::string>& cells, lxw_format* f) {
    book.row(ws, row, 0, cells, f);
    book.check(worksheet_set_row(ws, row, xlsx::row_height(cells, widths), nullptr), "设置行高");
    ++row;
  };
  put({"工作表", "列名", "是否必填", "填写说明", "可选值"}, head);
  for (El e : form_elements()) {
    const ElementInfo& info = element(e);
    put({std::string(kItemSheet), std::string(info.label), need_text(info.need),
         std::string(info.help), info.table ? info.table->labels() : ""},
        body);
  }
  for (const SubTableInfo* s : {&materials_table(), &process_table(), &fees_table(), &faq_table()})
    for (const ColumnInfo& c : s->columns)
      put({std::string(s->sheet), std::string(c.label), c.required ? "必填" : "选填",
           column_help(c), c.table ? c.table->labels() : ""},
          body);
  // Landscape, one page wide at 六号 or larger (on A4 portrait it came out at
  // 6.6 pt); the title is in the first row only.
  xlsx::PrintSetup p;
  p.repeat_first = p.repeat_last = header_row;
  std::vector<double> w;
  for (int c = 0; c < ncols; ++c) w.push_back(widths.get(c));
  xlsx::apply_bands(p, xlsx::print_bands(w, 0), 0);
  xlsx::setup_print(book, ws, p);
  // Read only (no password): columns and rows may be resized to read.
  lxw_protection prot{};
  prot.format_columns = LXW_TRUE;
  prot.format_rows = LXW_TRUE;
  worksheet_protect(ws, nullptr, &prot);
}

}  // namespace qd
