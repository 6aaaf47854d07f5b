#!/usr/bin/python3
"""Generate the second sample input: a 区 in another province, for the end-to-end tests.

Usage:  /usr/bin/python3 tools/make_district_sample.py [OUTPUT_DIR]
        (default: tests/fixtures/district/)

武侯区 (四川省成都市, division code 510107) as a provincial platform exports its list and its
clerks type it:
  - the province's own 基本编码 (511A0014100002, 511Z18020001, E-000004-001) and the 实施编码 its
    platform assigned, kept as given ([codes] scheme = "province" in county.toml);
  - 事项类型 as the national code numbers in number cells (1 行政许可 … 10, 20), and the power
    list the same way;
  - counts typed as numbers: 到办事现场次数, 份数, 办结时限 in working days, 窗口;
  - items implemented by subordinate units (事业单位 with their own 统一社会信用代码), listed
    under their department in county.toml;
  - 主项 submitted as all their 子项 (each naming the 主项 in 主项名称) and no row of their own;
  - two departments without a submission date: one workbook has no 填报信息 sheet (a platform
    export), one leaves 报送日期 empty.
The items come from tools/sample_data/items.txt and are made by the code of
make_sample_input.py (the 涿鹿县 sample), reworded for the district.  Nothing is a planned
mistake: the build must give no error; the expected findings are listed in OUTPUT_DIR/README.md.
Output is deterministic.
"""
import datetime as dt
import os
import random
import re
import shutil
import sys

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_sample_input as base  # noqa: E402  (shares the item, material and workbook code)

ROOT = os.path.dirname(HERE)
DISTRICT = "武侯区"
PROVINCE = "四川省"
CITY = "成都市"
DIVISION_CODE = "510107"
AREA = "028"
HALL = "武侯区政务服务中心"
HALL_ADDR = "武侯区锦城大道888号"  # fictional
URL_BASE = "https://www.sczwfw.gov.cn/cdwh/item/"
DEADLINE = dt.date(2017, 8, 31)

# The province's codes (fictional, in the shapes the issue names):
#   511<type letter><3-digit department><3-digit item><4-digit sub-item>  14 characters
#   511Z<2-digit department><2-digit item><4-digit sub-item>             12 characters (public services)
#   E-<6-digit item>-<3-digit sub-item>                                  12 characters (民政局's series)
BASIC_PATTERN = r"511[A-Z][0-9]{10}|511Z[0-9]{8}|E-[0-9]{6}-[0-9]{3}"
IMPL_PATTERN = r"[0-9A-HJ-NPQRTUWXY]{18}[1-7](" + BASIC_PATTERN + ")"
TYPE_LETTER = {"XK": "A", "ZS": "D", "JF": "E", "QR": "G", "QT": "J"}

# no, full name, short name, credit-code kind, items.txt section, the items taken (1-based
# positions in that section), options:
#   date: 报送日期 (date cell or text); None = no 填报信息 sheet; "" = 报送日期 left empty
#   numbers: 事项类型 / counts / limits / window typed as number cells
#   series: "511" or "E" (the province's code shapes)
#   units: (unit name, credit-code kind, item positions it implements)
#   no_impl: item positions that come with a 基本编码 only (the 实施编码 is composed)
DEPTS = [
    ("31", "武侯区人力资源和社会保障局", "人社局", "11", "07", [1, 5, 8, 10, 14, 16, 17, 21, 27, 29, 31],
     dict(date=dt.date(2017, 8, 30), numbers=True, series="511",
          units=[("武侯区就业服务管理局", "12", [16, 17, 21]), ("武侯区社会保险事业管理局", "12", [8, 10, 27, 29, 31])],
          no_impl=[14, 29])),
    ("32", "武侯区民政局", "民政局", "11", "04", [1, 6, 7, 10, 13, 17, 21, 22, 25],
     dict(date="2017年8月29日", numbers=True, series="E", units=[("武侯区殡仪馆", "12", [21])], no_impl=[22])),
    ("33", "武侯区市场监督管理局", "市场监管局", "11", "19", [1, 4, 6, 9, 10, 11, 12],
     dict(date=dt.date(2017, 8, 31), numbers=False, series="511", units=[], no_impl=[])),
    ("34", "武侯区卫生健康局", "卫健局", "11", "16", [1, 2, 3, 4, 8, 9],
     dict(date=None, numbers=True, series="511", units=[], no_impl=[])),
    ("35", "武侯区住房和城乡建设局", "住建局", "11", "10", [1, 3, 4, 7, 12, 14, 15],
     dict(date="", numbers=False, series="511", units=[], no_impl=[])),
]
WINDOWS = [("01", "人力资源社会保障窗口", ["31"]), ("02", "社会事务窗口", ["32"]), ("03", "市场准入窗口", ["33"]),
           ("04", "卫生健康窗口", ["34"]), ("05", "住房城乡建设窗口", ["35"])]


def credit_code(kind2, serial):
    """A valid fictional 统一社会信用代码 of an organ (11) or 事业单位 (12) of the district."""
    org8 = "%08d" % ((serial * 104729 + 51010000) % 100000000)
    first17 = kind2 + DIVISION_CODE + org8 + base.org_check(org8)
    return first17 + base.credit_check(first17)


def localise(text):
    """Rewords 涿鹿县's item text for the district (县级 stays: it is a 行使层级 of A.2)."""
    if not isinstance(text, str):
        return text
    text = text.replace("涿鹿县", DISTRICT).replace("河北省", PROVINCE).replace("张家口市", CITY)
    text = text.replace("本县", "本区")
    text = re.sub(r"县(?!级)", "区", text)
    return text.replace("https://www.hbzwfw.gov.cn/zjk/zlx/bsfw/item/", URL_BASE)


class Dept:
    """A registered department of the district, shaped as make_sample_input.make_item wants it."""

    def __init__(self, no, name, short, kind, section, picks, opts):
        self.no, self.name, self.short, self.section, self.picks = no, name, short, section, picks
        self.opts = dict(opts)
        self.opts.setdefault("types", "label")
        self.credit = credit_code(kind, int(no))
        self.units = [(u, credit_code(k, int(no) * 10 + i + 1), pos) for i, (u, k, pos) in enumerate(opts["units"])]
        self.window = next(w for w in WINDOWS if no in w[2])
        self.consult = "%s-855%05d" % (AREA, 10000 + int(no) * 37)
        self.complaint = "%s-8551%04d" % (AREA, 2300 + int(no))
        self.items = []

    def place(self):
        return "%s一楼%s号窗口（%s）" % (HALL, self.window[0], HALL_ADDR)


def basic_code(d, entry_index, t, sub_index):
    """The province's 基本编码 of an item: the d's series, its item number and sub-item number."""
    if d.opts["series"] == "E":
        return "E-%06d-%03d" % (int(d.no) * 100 + entry_index, sub_index)
    if t.startswith("G"):
        return "511Z%02d%02d%04d" % (int(d.no), entry_index, sub_index)
    return "511%s%03d%03d%04d" % (TYPE_LETTER[t], int(d.no), entry_index, sub_index)


def build_items(depts):
    rng = random.Random(int(DIVISION_CODE))
    catalog = base.parse_catalog()
    for d in depts:
        section = [e for e in catalog if e["dept"] == d.section]
        for pos in d.picks:
            e = section[pos - 1]
            f = e["flags"]
            subs = []
            if "sub" in f:
                subs = [(s, "%s（%s）" % (e["name"], s)) for s in f["sub"].split(",")]
            elif "subn" in f:
                subs = [(s, s) for s in f["subn"].split(",")]
            # A 主项 with 子项 is submitted as its 子项 only, each naming it in 主项名称.
            rows = [(full, e["name"], label, k) for k, (label, full) in enumerate(subs, 1)] or [(e["name"], "", None, 0)]
            for name, parent, label, k in rows:
                it = base.make_item(d, e, rng, name, parent, label)
                finish_item(d, it, e, pos, k)
                d.items.append(it)


def finish_item(d, it, e, pos, sub_index):
    """Rewords an item for the district and gives it the province's codes, its agency and number cells."""
    for key, value in list(it.items()):
        if not key.startswith("_"):
            it[key] = localise(value)
    for rows in (it["_materials"], it["_steps"], it["_fees"], it["_faqs"]):
        for row in rows:
            for key in row:
                row[key] = localise(row[key])
    t = e["t"]
    for unit, credit, positions in d.units:
        if pos in positions:
            it["实施主体"], it["实施主体编码"] = unit, credit
    it["基本编码"] = basic_code(d, pos, t, sub_index)
    it["实施编码"] = "" if pos in d.opts["no_impl"] else it["实施主体编码"] + "4" + it["基本编码"]
    it["_pos"] = pos
    if d.opts["numbers"]:
        it["事项类型"] = int(base.TYPE_CODE["GG" if t.startswith("G") else t])
        it["到办事现场次数"] = int(it["到办事现场次数"])
        it["窗口"] = int(it["窗口"])
        for key in ("法定办结时限", "承诺办结时限"):
            m = re.fullmatch(r"(\d+)个工作日", it[key])
            it[key] = int(m.group(1)) if m else 0 if it[key] == "即办" else it[key]


def power_and_public(depts):
    power, public = [], []
    for d in depts:
        mains = set()
        for it in d.items:
            t = it["_t"]
            if t.startswith("G"):
                public.append([d.name, it["事项名称"], it["公共服务类别"]])
                continue
            code = int(base.TYPE_CODE[t])
            if it["主项名称"] and it["主项名称"] not in mains:
                mains.add(it["主项名称"])
                power.append([d.name, it["主项名称"], code, it["设定依据"], None, None])
            if it["主项名称"]:
                power.append([d.name, it["主项名称"], code, it["设定依据"], it["事项名称"], it["基本编码"]])
            else:
                power.append([d.name, it["事项名称"], code, it["设定依据"], None, it["基本编码"]])
    return power, public


def save(wb, path):
    wb.properties.creator = "四川省政务服务平台"
    wb.properties.created = wb.properties.modified = base.FIXED_TIME
    wb.save(path)
    base.normalize_zip(path)


def write_department(d, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    if d.opts["date"] is not None:
        ws.title = "填报信息"
        info = [("填报单位", d.name), ("填报人", "何晓燕"), ("联系电话", d.consult), ("报送日期", d.opts["date"])]
        for r, (k, v) in enumerate(info, 1):
            ws.cell(row=r, column=1, value=k).font = Font(bold=True)
            c = ws.cell(row=r, column=2, value=v if v != "" else None)
            if isinstance(v, dt.date):
                c.number_format = "yyyy-mm-dd"
        ws = wb.create_sheet("实施清单")
    else:
        ws.title = "实施清单"  # a platform export: the list only
    cols = [c for c in base.COLUMNS if c not in ("事项状态", "特别程序")]
    base.write_sheet_rows(ws, cols, d.items, 1)
    mats = [base.mat_row(it["事项名称"], m) for it in d.items for m in it["_materials"]]
    base.write_sheet_rows(wb.create_sheet("申请材料"), base.MAT_COLS, mats, 1)
    steps = [r for it in d.items for r in base.step_rows(it)]
    base.write_sheet_rows(wb.create_sheet("办理流程"), base.STEP_COLS, steps, 1)
    fees = [r for it in d.items for r in base.fee_rows(it)]
    if fees:
        base.write_sheet_rows(wb.create_sheet("收费项目"), base.FEE_COLS, fees, 1)
    faqs = [r for it in d.items for r in base.faq_rows(it)]
    if faqs:
        base.write_sheet_rows(wb.create_sheet("常见问题"), base.FAQ_COLS, faqs, 1)
    save(wb, path)


def write_reference(out, power, public):
    ref = os.path.join(out, "reference")
    os.makedirs(ref)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权力清单"
    ws.append(["部门", "事项名称", "事项类型", "设定依据", "子项名称", "基本编码"])
    for row in power:
        ws.append(row)
    save(wb, os.path.join(ref, "权力清单.xlsx"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "公共服务事项清单"
    ws.append(["部门", "事项名称", "公共服务类别"])
    for row in public:
        ws.append(row)
    save(wb, os.path.join(ref, "公共服务事项清单.xlsx"))


def write_review(out, depts):
    rv = os.path.join(out, "review")
    os.makedirs(rv)
    rng = random.Random(20170905)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "审核意见"
    ws.append(["部门", "事项名称", "审核结论", "审核意见", "审核单位", "审核日期"])
    for d in depts:
        for it in d.items:
            ws.append([d.name, it["事项名称"], "通过", "经审核，事项要素齐全，同意", "审改办",
                       dt.date(2017, 9, 5) + dt.timedelta(days=rng.randrange(0, 10))])
            ws.cell(row=ws.max_row, column=6).number_format = "yyyy-mm-dd"
    save(wb, os.path.join(rv, "区审改办审核意见.xlsx"))


def write_county(out, depts):
    q = base.toml_str
    L = ["# 武侯区政务服务事项清单 — settings of the second sample (generated by tools/make_district_sample.py)",
         "# division (区) and region_code (51) are left out on purpose: they follow from name and division_code.",
         "", "[county]", "name = " + q(DISTRICT), "province = " + q(PROVINCE), "city = " + q(CITY),
         "division_code = " + q(DIVISION_CODE), "area_code = " + q(AREA), "office = " + q("武侯区行政审批局"),
         'portal_base_url = "https://zwfw.wuhou.example.gov.cn/"',
         'guide_url_template = "https://zwfw.wuhou.example.gov.cn/item/{impl_code}.html"',
         'registry = "../state/registry.sqlite"      # relative to this file', "deadline = 2017-08-31", "",
         "# The province's codes, taken as given (never assigned here).", "[codes]", 'scheme = "province"',
         "basic_length = [12, 14]", "impl_length = [31, 33]", "basic_pattern = " + q(BASIC_PATTERN),
         "impl_pattern = " + q(IMPL_PATTERN), ""]
    for d in depts:
        L += ["[[department]]", "name = " + q(d.name), "short_name = " + q(d.short),
              'credit_code = "%s"' % d.credit, 'number = "%s"' % d.no]
        for unit, credit, _ in d.units:
            L += ["  [[department.unit]]", "  name = " + q(unit), '  credit_code = "%s"' % credit]
        L.append("")
    L += ["[[hall]]", "name = " + q(HALL), "address = " + q(HALL_ADDR), "hours = " + q(base.HOURS), ""]
    for no, name, ds in WINDOWS:
        L += ["  [[hall.window]]", '  number = "%s"' % no, "  name = " + q(name),
              "  departments = [%s]" % ", ".join(q(d.name) for d in depts if d.no in ds), ""]
    with open(os.path.join(out, "county.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def write_readme(out, depts):
    n = sum(len(d.items) for d in depts)
    shared = sum(1 for d in depts for it in d.items for m in it["_materials"] if m["source"] == "政府部门核发")
    undated = [d.name for d in depts if not d.opts["date"]]
    L = ["# 武侯区样例输入（第二个样例，测试用）", "",
         "由 `/usr/bin/python3 tools/make_district_sample.py [输出目录]` 生成，请勿手工修改。事项取自 "
         "`tools/sample_data/items.txt`，按区的用语改写；编码、统一社会信用代码、电话和地址均为虚构，但符合格式和校验规则。", "",
         "与涿鹿县样例不同之处（均应被接受，不是错误）：", "",
         "- 四川省成都市武侯区（510107），county.toml 未写 division 和 region_code（由名称和区划代码得出“区”和“51”）；",
         "- `[codes] scheme = \"province\"`：基本编码为本省编码（511A…14位、511Z…12位、E-000000-000），"
         "实施编码为省平台赋予的编码，原样保留；民政局用 E- 编码；%s 个事项只有基本编码（实施编码由实施主体编码+4+基本编码组成）；" % sum(
             1 for d in depts for it in d.items if not it["实施编码"]),
         "- 人社局、民政局、卫健局的事项类型为数字单元格（1、5、7、10、20），到办事现场次数、办结时限（工作日数）、窗口号也为数字；"
         "权力清单的事项类型也是数字；",
         "- 下属单位（事业单位）作为实施主体：%s；" % "、".join(
             "%s（%s）" % (u, d.name) for d in depts for u, _, _ in d.units),
         "- 有子项的主项只报送全部子项（主项名称列写明主项），不单列主项行；权力清单有主项行和子项行；",
         "- %s：未写报送日期（卫健局的工作簿没有“填报信息”工作表，如省平台导出；住建局“报送日期”为空）。" % "、".join(undated), "",
         "## 统计", "",
         "| 项目 | 数量 |", "|---|---|",
         "| 部门 | %d |" % len(depts), "| 事项行 | %d |" % n,
         "| 来源为政府部门核发的材料（MATERIAL-SHARED 提示） | %d |" % shared, "",
         "## 预期的审核结果", "",
         "没有错误；所有事项均发布。预期的问题只有：", "",
         "| rule | severity | 数量 | 说明 |", "|---|---|---|---|",
         "| SUBMISSION-DATE | warning | %d | %s 未写报送日期 |" % (len(undated), "、".join(undated)),
         "| MATERIAL-SHARED | hint | %d | 每个“政府部门核发”的材料 |" % shared, ""]
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "district"))
    depts = [Dept(*d) for d in DEPTS]
    build_items(depts)
    power, public = power_and_public(depts)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "departments"))
    write_county(out, depts)
    for d in depts:
        write_department(d, os.path.join(out, "departments", d.name + ".xlsx"))
    write_reference(out, power, public)
    write_review(out, depts)
    write_readme(out, depts)
    print("wrote %s: %d departments, %d items" % (out, len(depts), sum(len(d.items) for d in depts)))


if __name__ == "__main__":
    main()
