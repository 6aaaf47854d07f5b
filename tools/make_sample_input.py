#!/usr/bin/python3
"""Generate the sample county input folder (涿鹿县, 130731) for qingdan.

Usage:  /usr/bin/python3 tools/make_sample_input.py [OUTPUT_DIR]      (default: input/)

Needs Debian's python3-openpyxl and LibreOffice (`soffice`, for the workbooks that are
"LibreOffice-written").  The item catalog is tools/sample_data/items.txt; the deliberate mistakes
are applied here (see MISTAKES below) and listed with their cells in OUTPUT_DIR/README.md.
Output is deterministic: zip entry times and document properties are fixed.
"""
import csv
import datetime as dt
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CATALOG = os.path.join(HERE, "sample_data", "items.txt")

# ----------------------------------------------------------------------------------------------
# Codes (codes.md)
# ----------------------------------------------------------------------------------------------
CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def org_check(code8):
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in code8]
    c = 11 - sum(v * w for v, w in zip(vals, ORG_W)) % 11
    return "0" if c == 11 else "X" if c == 10 else str(c)


def credit_check(code17):
    s = sum(CC_CHARS.index(c) * w for c, w in zip(code17, CC_W))
    return CC_CHARS[(31 - s % 31) % 31]


def credit_code(kind2, number):
    org8 = "%08d" % ((int(number) * 104729 + 40150000) % 100000000)
    first17 = kind2 + "130731" + org8 + org_check(org8)
    return first17 + credit_check(first17)


assert credit_check("11440232MB2D06811") == "W"
assert credit_check("12441500196720244") == "T"

# ----------------------------------------------------------------------------------------------
# County, departments, hall
# ----------------------------------------------------------------------------------------------
COUNTY = "涿鹿县"
HALL = "涿鹿县政务服务中心"
HALL_ADDR = "涿鹿县涿鹿镇轩辕大道166号"
HOURS = "周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）"
HOURS_SUMMER = "工作日上午8:30-12:00，下午14:30-17:30（夏季下午15:00-18:00）"
DEADLINE = dt.date(2017, 8, 31)
URL_BASE = "https://www.hbzwfw.gov.cn/zjk/zlx/bsfw/item/"

# no, full name, short name, credit-code kind (11 机关, 12 事业, 13 群团), file format, options
#   fmt: xlsx (openpyxl), lo (LibreOffice-written), csv (GB18030 CSV), broken, none, unknown
#   date: date cell (dt.date) or text; title: title row; suffix: header suffix on required columns
#   types: label / code / letter
D = [
    ("01", "涿鹿县发展和改革局", "发改局", "11", "xlsx", dict(date=dt.date(2017, 8, 28), title=True, suffix="*")),
    ("02", "涿鹿县教育和体育局", "教体局", "11", "xlsx", dict(date="2017年8月30日", title=True, suffix="（必填）")),
    ("03", "涿鹿县公安局", "公安局", "11", "xlsx", dict(date=dt.date(2017, 8, 31), title=True, suffix="")),
    ("04", "涿鹿县民政局", "民政局", "11", "lo", dict(date=dt.date(2017, 8, 29), title=True, suffix="*")),
    ("05", "涿鹿县司法局", "司法局", "11", "xlsx", dict(date="2017年8月25日", title=False, suffix="")),
    ("06", "涿鹿县财政局", "财政局", "11", "xlsx", dict(date=dt.date(2017, 9, 1), title=False, suffix="")),
    ("07", "涿鹿县人力资源和社会保障局", "人社局", "11", "xlsx", dict(date=dt.date(2017, 8, 30), title=True, suffix="*")),
    ("08", "涿鹿县自然资源和规划局", "自然资源局", "11", "xlsx", dict(date="2017年8月31日", title=True, suffix="")),
    ("09", "张家口市生态环境局涿鹿县分局", "生态环境分局", "11", "xlsx", dict(date=dt.date(2017, 8, 29), title=False, suffix="（必填）")),
    ("10", "涿鹿县住房和城乡建设局", "住建局", "11", "xlsx", dict(date=dt.date(2017, 8, 31), title=True, suffix="*", merged=True)),
    ("11", "涿鹿县交通运输局", "交通局", "11", "lo", dict(date="2017年8月28日", title=True, suffix="")),
    ("12", "涿鹿县水务局", "水务局", "11", "lo", dict(date=dt.date(2017, 8, 30), title=False, suffix="*")),
    ("13", "涿鹿县农业农村局", "农业农村局", "11", "xlsx", dict(date=dt.date(2017, 8, 31), title=True, suffix="")),
    ("14", "涿鹿县商务局", "商务局", "11", "xlsx", dict(date="2017年8月29日", title=False, suffix="")),
    ("15", "涿鹿县文化广电和旅游局", "文广旅局", "11", "xlsx", dict(date=dt.date(2017, 8, 30), title=True, suffix="（必填）")),
    ("16", "涿鹿县卫生健康局", "卫健局", "11", "lo", dict(date=dt.date(2017, 8, 31), title=True, suffix="*")),
    ("17", "涿鹿县退役军人事务局", "退役军人局", "11", "csv", dict(date="2017/8/29", title=False, suffix="")),
    ("18", "涿鹿县应急管理局", "应急局", "11", "xlsx", dict(date="2017年8月31日", title=True, suffix="")),
    ("19", "涿鹿县市场监督管理局", "市场监管局", "11", "xlsx", dict(date=dt.date(2017, 8, 30), title=True, suffix="*", shuffle=True)),
    ("20", "涿鹿县医疗保障局", "医保局", "11", "xlsx", dict(date=dt.date(2017, 8, 28), title=False, suffix="")),
    ("21", "涿鹿县林业和草原局", "林草局", "11", "xlsx", dict(date="2017年8月31日", title=True, suffix="")),
    ("22", "涿鹿县行政审批局", "行政审批局", "11", "xlsx", dict(date=dt.date(2017, 8, 25), title=True, suffix="*")),
    ("23", "涿鹿县残疾人联合会", "残联", "13", "xlsx", dict(date=dt.date(2017, 8, 29), title=True, suffix="", levels="县")),
    ("24", "涿鹿县人民防空办公室", "人防办", "11", "xlsx", dict(date="2017年8月30日", title=False, suffix="", types="letter")),
    ("25", "涿鹿县气象局", "气象局", "12", "xlsx", dict(date=dt.date(2017, 8, 31), title=False, suffix="", types="code")),
    ("26", "涿鹿县档案馆", "档案馆", "12", "broken", dict(date=None)),
    ("27", "涿鹿县统计局", "统计局", "11", "none", dict(date=None)),
    ("28", "涿鹿县民族宗教事务局", "民宗局", "11", "xlsx", dict(date="2017年9月3日", title=True, suffix="")),
    ("90", "涿鹿县不动产登记中心", "不动产登记中心", "12", "unknown", dict(date=dt.date(2017, 8, 30), title=True, suffix="")),
]

# hall windows: number, name, department numbers
WINDOWS = [
    ("01", "市场准入综合窗口", ["19"]),
    ("02", "食品药品许可窗口", ["19"]),
    ("03", "投资项目审批窗口", ["01", "22"]),
    ("04", "工程建设项目窗口", ["10", "08", "24", "25"]),
    ("05", "生态环境窗口", ["09", "12", "21"]),
    ("06", "社会事务窗口", ["04", "23", "17"]),
    ("07", "人力资源社会保障窗口", ["07"]),
    ("08", "医疗保障窗口", ["20"]),
    ("09", "卫生健康窗口", ["16"]),
    ("10", "教育体育窗口", ["02"]),
    ("11", "公安户政窗口", ["03"]),
    ("12", "交通运输窗口", ["11"]),
    ("13", "农业农村窗口", ["13"]),
    ("14", "文化旅游窗口", ["15"]),
    ("15", "商务财政窗口", ["14", "06"]),
    ("16", "公共法律服务窗口", ["05", "28"]),
    ("17", "安全生产窗口", ["18"]),
    ("18", "统计档案窗口", ["27", "26"]),
]

TYPE_LABEL = {"XK": "行政许可", "ZS": "行政征收", "JF": "行政给付", "QR": "行政确认", "QT": "其他行政权力"}
TYPE_CODE = {"XK": "01", "ZS": "04", "JF": "05", "QR": "07", "QT": "10", "GG": "20"}
DOMAINS = {"G1": "基本公共教育", "G2": "劳动就业服务", "G3": "社会保险", "G4": "基本社会服务",
           "G5": "基本医疗卫生", "G6": "人口和计划生育", "G7": "基本住房保障", "G8": "公共文化体育",
           "G9": "残疾人基本公共服务"}
AUDIENCE = {"1": "自然人", "2": "企业法人", "3": "事业法人", "4": "社会组织法人", "5": "行政机关", "6": "其他组织"}

COLUMNS = ["事项名称", "主项名称", "基本编码", "实施编码", "事项类型", "公共服务类别", "设定依据", "行使层级",
           "权限划分", "行使内容", "实施主体", "实施主体性质", "实施主体编码", "权力来源", "委托部门", "承办机构",
           "联办机构", "服务对象", "办件类型", "法定办结时限", "承诺办结时限", "受理条件", "办理形式",
           "到办事现场次数", "必须现场办理原因说明", "网上办理深度", "网上办理地址", "是否收费", "收费标准",
           "收费依据", "中介服务", "数量限制", "审批结果", "办理地点", "办理时间", "咨询电话", "监督投诉电话",
           "特别程序", "是否支持预约办理", "是否支持物流快递", "窗口", "事项状态"]
REQUIRED = {"事项名称", "事项类型", "设定依据", "行使层级", "行使内容", "实施主体", "实施主体性质", "实施主体编码",
            "承办机构", "服务对象", "办件类型", "法定办结时限", "承诺办结时限", "受理条件", "办理形式",
            "到办事现场次数", "网上办理深度", "是否收费", "审批结果", "办理地点", "办理时间", "咨询电话",
            "监督投诉电话"}
MAT_COLS = ["事项名称", "序号", "材料名称", "材料类型", "原件份数", "复印件份数", "材料形式", "来源渠道", "来源说明",
            "是否必需", "填报须知", "要求提供材料的依据", "备注"]
STEP_COLS = ["事项名称", "序号", "环节名称", "办理人员", "办理时限", "审查标准", "办理结果"]
FEE_COLS = ["事项名称", "收费项目名称", "收费标准", "收费依据", "是否允许减免", "减免依据"]
FAQ_COLS = ["事项名称", "问题", "解答"]


class Dept:
    def __init__(self, no, name, short, kind, fmt, opts):
        self.no, self.name, self.short, self.fmt, self.opts = no, name, short, fmt, opts
        self.credit = credit_code(kind, no)
        self.window = next((w for w in WINDOWS if no in w[2]), None)
        n = int(no)
        self.consult = "0313-65%05d" % (21000 + n * 113)
        self.complaint = "0313-6512%03d" % (300 + n)
        self.items = []
        self.extra_materials = []  # orphan rows
        self.marks = []  # department-level mistakes

    @property
    def registered(self):
        return self.fmt != "unknown"

    def place(self):
        if not self.window:
            return "%s（%s）" % (HALL, HALL_ADDR)
        floor = "一楼" if int(self.window[0]) <= 9 else "二楼"
        return "%s%s%s号窗口（%s）" % (HALL, floor, self.window[0], HALL_ADDR)


DEPTS = [Dept(*d) for d in D]
DEPT = {d.no: d for d in DEPTS}

# ----------------------------------------------------------------------------------------------
# Catalog → items
# ----------------------------------------------------------------------------------------------
REASONS = ["需核验申请材料原件", "需申请人本人现场签字确认", "需当场核验身份并领取纸质证照",
           "需核验原件并签署告知承诺书"]


def law_of(basis):
    m = re.search(r"《[^》]+》", basis)
    return m.group(0) if m else "相关法律法规"


def limit_text(n):
    return "即办" if n == 0 else "%d个工作日" % n


def parse_catalog():
    entries = []
    dept = None
    for raw in open(CATALOG, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("=="):
            dept = line[2:].strip()
            continue
        parts = line.split("|")
        assert len(parts) == 9, line
        flags = {}
        for f in parts[8].split(";"):
            if not f:
                continue
            k, _, v = f.partition("=")
            flags[k] = v
        entries.append(dict(dept=dept, t=parts[0], name=parts[1], basis=parts[2], result=parts[3],
                            legal=int(parts[4]), promised=int(parts[5]), aud=parts[6],
                            mats=[m for m in parts[7].split(";") if m], flags=flags))
    return entries


def material_rows(tokens, law):
    rows = []
    for tok in tokens:
        need = "必需"
        if tok.endswith("?"):
            need, tok = "非必需", tok[:-1]
        elif tok.endswith("!"):
            need, tok = "容缺", tok[:-1]
        note = ""
        if tok[0] in "@#":
            src = "政府部门核发" if tok[0] == "@" else "其他"
            name, _, note = tok[1:].partition("/")
        else:
            src, name = "申请人自备", tok
        if src == "政府部门核发":
            kind, orig, copy = ("复印件", 0, 1) if "复印件" in name else ("原件和复印件", 1, 1)
            hint = "核验原件，留存复印件" if kind != "复印件" else "加盖申请单位公章"
        elif src == "其他":
            kind, orig, copy, hint = "原件", 1, 0, "由%s出具" % note if note else ""
        else:
            kind, orig, copy = "原件", 1, 0
            hint = "申请人签字（单位加盖公章）" if ("申请" in name or "承诺" in name or "声明" in name) else ""
        if "照片" in name:
            orig, hint = 2, "近期一寸白底免冠彩色照片"
        rows.append(dict(title=name, kind=kind, orig=orig, copy=copy, form="纸质", source=src,
                         note=note, need=need, hint=hint, basis=law, remark=""))
    return rows


def build_items():
    rng = random.Random(130731)
    for e in parse_catalog():
        d = DEPT[e["dept"]]
        subs = []
        if "sub" in e["flags"]:
            subs = [(s, "%s（%s）" % (e["name"], s)) for s in e["flags"]["sub"].split(",")]
        elif "subn" in e["flags"]:
            subs = [(s, s) for s in e["flags"]["subn"].split(",")]
        main = make_item(d, e, rng, e["name"], "", None)
        d.items.append(main)
        for label, full in subs:
            d.items.append(make_item(d, e, rng, full, e["name"], label))
        if subs:
            main["_subs"] = [full for _, full in subs]
            main["行使内容"] = "本事项包含%s等%d个子项，按子项分别办理。%s" % (
                "、".join(f for _, f in subs), len(subs), main["行使内容"])


def make_item(d, e, rng, name, parent, sublabel):
    t = e["t"]
    gg = t.startswith("G")
    f = e["flags"]
    law = law_of(e["basis"])
    legal, promised = e["legal"], e["promised"]
    sub = sublabel or ""
    if any(k in sub for k in ("注销", "终止")):
        legal, promised = min(legal, 10) if legal else 0, min(promised, 3) if promised else 0
    it = {c: "" for c in COLUMNS}
    it["_dept"] = d
    it["_t"] = t
    it["_marks"] = []
    it["事项名称"] = name
    it["主项名称"] = parent
    style = d.opts.get("types", "label")
    if gg:
        it["事项类型"] = {"label": "公共服务", "code": "20", "letter": "GG"}[style]
        it["公共服务类别"] = DOMAINS[t]
    else:
        it["事项类型"] = {"label": TYPE_LABEL[t], "code": TYPE_CODE[t], "letter": t}[style]
        it["权力来源"] = "上级下放" if f.get("src") == "2" else "法定本级行使"
        if f.get("src") == "2":
            it["权限划分"] = "省、市人民政府将本事项下放至县级实施，县级负责本行政区域内的受理、审查和决定"
    it["设定依据"] = e["basis"]
    it["行使层级"] = d.opts.get("levels", "县级")
    unit = f.get("unit", "行政审批股")
    it["承办机构"] = unit
    it["联办机构"] = f.get("co", "")
    it["实施主体"] = d.name
    it["实施主体性质"] = "法定机关"
    it["实施主体编码"] = d.credit
    it["服务对象"] = "、".join(AUDIENCE[c] for c in e["aud"])
    result = e["result"]
    if sublabel and "注销" in sublabel:
        result = "准予注销通知书"
    it["审批结果"] = result
    # content and conditions
    if "content" in f:
        content = f["content"]
    elif t == "XK":
        content = "对申请人提交的%s申请材料进行审查，对符合法定条件的作出准予许可决定并核发%s；不符合条件的，作出不予许可决定并说明理由。" % (name, result)
    elif t == "QR":
        content = "依法对%s申请进行审核，对符合条件的予以确认（登记），出具%s。" % (name, result)
    elif t == "JF":
        content = "对符合条件的给付对象进行审核，核定给付标准，按规定发放%s。" % result
    elif t == "ZS":
        content = "依照%s，对缴费义务人核定并征收%s。" % (law, name.replace("征收", ""))
    elif t == "QT":
        content = "依法办理%s，出具%s。" % (name, result)
    else:
        content = "依照%s，为符合条件的服务对象提供%s服务。" % (law, name)
    it["行使内容"] = content
    if "cond" in f:
        cond = f["cond"]
    elif t == "XK":
        cond = "1. 申请人具备%s规定的许可条件；2. 申请材料齐全、符合法定形式；3. 申请事项属于本机关职权范围。" % law
    elif t == "QR":
        cond = "申请人符合%s规定的条件，提交的申请材料真实、齐全、符合法定形式。" % law
    elif t == "JF":
        cond = "经审核认定符合%s规定给付条件的对象。" % law
    elif t == "ZS":
        cond = "属于%s规定的缴费义务人。" % law
    elif t == "QT":
        cond = "申请事项符合%s的规定，材料齐全、符合法定形式。" % law
    else:
        cond = "本县辖区内符合%s规定条件的服务对象，持有效身份证明提出申请。" % law
    it["受理条件"] = cond
    # limits
    it["办件类型"] = "即办件" if promised == 0 else "承诺件"
    it["法定办结时限"] = limit_text(legal) if legal else "即办"
    it["承诺办结时限"] = limit_text(promised)
    # online
    depth = f.get("depth")
    visit = f.get("visit")
    r = rng.random()
    if depth is None:
        if promised == 0:
            depth = "3" if r < 0.6 else "2"
        else:
            depth = "4" if r < 0.15 else "3" if r < 0.85 else "2"
    if visit is None:
        if depth == "4":
            visit = "0"
        elif "reason" in f or promised == 0:
            visit = "1"
        else:
            visit = "0" if rng.random() < 0.25 else "1"
    depth_label = {"1": "Ⅰ 网上公开", "2": "Ⅱ 在线预审", "3": "Ⅲ 在线申办", "4": "Ⅳ 全程网办"}[depth]
    if d.no in ("13", "21") and depth in "34":
        depth_label = {"3": "Ⅲ", "4": "Ⅳ"}[depth]
    it["网上办理深度"] = depth_label
    if depth in "34":
        it["网上办理地址"] = "%s%s%03d.html" % (URL_BASE, d.no, len(d.items) + 1)
    chans = ["窗口办理"]
    if depth in "234":
        chans.append("网上办理(电脑端)")
    if depth == "4":
        chans.append("网上办理(移动端)")
    if visit == "0" and depth != "4":
        chans.append("快递申请")
    it["办理形式"] = "、".join(chans)
    it["到办事现场次数"] = visit
    if visit != "0":
        it["必须现场办理原因说明"] = f.get("reason") or REASONS[rng.randrange(len(REASONS))]
    it["是否支持预约办理"] = "是" if rng.random() < 0.7 else "否"
    it["是否支持物流快递"] = "是" if (visit == "0" or rng.random() < 0.3) else "否"
    # fees
    fees = []
    if "fee" in f and not (sublabel and "注销" in sublabel):
        ft, fs, fb = f["fee"].split(">>")
        it["是否收费"] = "是"
        it["收费标准"] = fs
        it["收费依据"] = fb
        fees.append(dict(title=ft, standard=fs, basis=fb,
                         waivable="是" if t in ("ZS",) or "残疾" in name else "否",
                         waiver_basis="符合国家规定减免条件的，依申请减免" if t == "ZS" else ""))
    else:
        it["是否收费"] = "否"
        it["收费标准"] = "不收费"
    it["中介服务"] = f.get("inter", "无")
    it["数量限制"] = "无"
    it["办理地点"] = d.place()
    it["办理时间"] = HOURS_SUMMER if d.no in ("12", "13", "21") else HOURS
    if d.no == "03":
        it["办理时间"] = "周一至周五 上午8:30—12:00，下午14:30—17:30；周六上午9:00—12:00（户政业务）"
    it["咨询电话"] = d.consult
    it["监督投诉电话"] = d.complaint
    it["特别程序"] = f.get("spec", "")
    it["窗口"] = d.window[0] if d.window else ""
    if "nat" in f:
        it["基本编码"] = f["nat"]
        it["实施编码"] = d.credit + "4" + f["nat"]
    # materials
    toks = list(e["mats"])
    if toks:
        if sublabel and ("注销" in sublabel or "终止" in sublabel):
            toks = ["%s申请书" % name, "原证照（%s）原件" % e["result"].split("、")[0]] + (
                ["清税证明或债权债务清理完结的说明"] if t == "XK" else [])
        elif sublabel and "变更" in sublabel:
            toks = toks[:2] + ["变更事项的相关证明材料", "原证照（%s）原件" % e["result"].split("、")[0]]
        elif sublabel and any(k in sublabel for k in ("延续", "换证", "换领", "校验", "延期")):
            toks = toks[:3] + ["原证照（%s）原件" % e["result"].split("、")[0]]
        auto = []
        has_app = any(("申请" in x[:12] and ("表" in x or "书" in x)) for x in toks)
        if not has_app and not gg:
            auto.append("%s申请表" % name)
        elif not has_app and gg and promised > 0:
            auto.append("%s申请表" % name)
        if "noid" not in f and not any("身份" in x for x in toks):
            if e["aud"] == "1":
                auto.append("@申请人居民身份证/公安机关")
            elif "1" in e["aud"]:
                auto.append("@申请人身份证明（个人提供居民身份证，单位提供营业执照或法人登记证书）/公安机关、登记机关")
            elif not any("营业执照" in x or "登记证" in x for x in toks):
                auto.append("@营业执照或法人登记证书/登记机关")
                auto.append("法定代表人身份证明及授权委托书")
        mats = material_rows(auto + toks, law)
        if rng.random() < 0.35 and len(mats) < 8:
            mats += material_rows(["委托书及受托人身份证明（委托他人办理时提供）?"], law)
        if depth in "34":
            for m in mats:
                if m["source"] == "申请人自备" and rng.random() < 0.5:
                    m["form"] = "纸质和电子"
        for i, m in enumerate(mats, 1):
            m["seq"] = str(i)
    else:
        mats = []
    it["_materials"] = mats
    it["_steps"] = make_steps(it, t, promised, "site" in f, unit, result)
    it["_fees"] = fees
    faqs = []
    if "faq" in f and not parent:
        parts = f["faq"].split(">>")
        for q, a in zip(parts[0::2], parts[1::2]):
            faqs.append(dict(q=q, a=a))
    it["_faqs"] = faqs
    return it


def make_steps(it, t, p, site, unit, result):
    if p == 0:
        if len(it["事项名称"]) % 2 == 0:
            return [dict(step="受理", staff="窗口工作人员", limit="即办",
                         std="申请材料齐全、符合法定形式的，当场受理并办结", out="当场出具%s" % result)]
        return [dict(step="受理", staff="窗口工作人员", limit="即时", std="核验申请人身份及申请材料",
                     out="材料齐全的予以受理；不齐全的一次性告知需补正的材料"),
                dict(step="办结", staff="窗口工作人员", limit="当场办结", std="符合条件的当场办结",
                     out="出具%s" % result)]
    steps = []
    accept = "1个工作日" if p >= 5 else "即时"
    review_days = max(1, p - (3 if p >= 5 else 1) - (2 if site and p >= 8 else 0))
    if t == "XK":
        steps.append(dict(step="申请", staff="申请人", limit="", std="", out="通过窗口或网上提交申请材料"))
        steps.append(dict(step="受理", staff="窗口受理人员", limit=accept,
                          std="申请事项属于本机关职权范围，申请材料齐全、符合法定形式",
                          out="出具受理通知书；材料不全的一次性告知补正内容"))
        steps.append(dict(step="审查", staff="%s审查人员" % unit, limit="%d个工作日" % review_days,
                          std="对申请材料的实质内容进行审查，核对是否符合法定条件和标准", out="提出审查意见"))
        if site:
            steps.append(dict(step="实地核查", staff="%s核查人员（两人以上）" % unit,
                              limit="2个工作日" if p >= 8 else "1个工作日",
                              std="核查现场与申请材料是否一致、是否符合许可条件", out="形成现场核查记录"))
        steps.append(dict(step="决定", staff="分管负责人", limit="1个工作日",
                          std="根据审查（核查）意见作出准予或不予许可的决定", out="准予许可决定书或不予许可决定书"))
        steps.append(dict(step="送达", staff="窗口工作人员", limit="1个工作日" if p >= 5 else "即时",
                          std="通知申请人领取或邮寄送达", out="送达%s" % result))
    else:
        steps.append(dict(step="受理", staff="窗口受理人员", limit=accept,
                          std="申请材料齐全、符合法定形式", out="出具受理通知书；材料不全的一次性告知补正内容"))
        if site:
            steps.append(dict(step="实地核查", staff="%s工作人员" % unit, limit="2个工作日" if p >= 8 else "1个工作日",
                              std="入户调查或现场核实申请情况", out="形成调查核实记录"))
        steps.append(dict(step="审核", staff="%s工作人员" % unit, limit="%d个工作日" % review_days,
                          std="审核申请材料的真实性和是否符合%s规定的条件" % law_of(it["设定依据"]),
                          out="提出审核意见"))
        if it["特别程序"] and "公示" in it["特别程序"]:
            steps.append(dict(step="公示", staff="%s工作人员" % unit, limit="7个自然日（不计入办理时限）",
                              std="在申请人所在村（居）或政府网站公示", out="公示无异议的进入审批"))
        steps.append(dict(step="审批", staff="分管负责人", limit="1个工作日", std="对审核意见进行审批",
                          out="作出同意或不同意的决定"))
        steps.append(dict(step="办结", staff="窗口工作人员", limit="1个工作日" if p >= 5 else "即时",
                          std="告知申请人办理结果", out="出具%s" % result))
    return steps


# ----------------------------------------------------------------------------------------------
# Reference lists and deliberate mistakes
# ----------------------------------------------------------------------------------------------
def find(dno, name):
    for it in DEPT[dno].items:
        if it["事项名称"] == name:
            return it
    raise KeyError((dno, name))


def build_power_list():
    rows = []
    for d in DEPTS:
        if not d.registered:
            continue
        for it in d.items:
            if it["_t"].startswith("G"):
                continue
            main, sub = (it["主项名称"], it["事项名称"]) if it["主项名称"] else (it["事项名称"], "")
            rows.append(dict(dept=d.name, name=main, type=TYPE_LABEL[it["_t"]], basis=it["设定依据"],
                             sub=sub, code=it["基本编码"], _item=it))
    return rows


def build_public_list():
    rows = []
    for d in DEPTS:
        if not d.registered:
            continue
        for it in d.items:
            if it["_t"].startswith("G") and not it["主项名称"]:
                rows.append(dict(dept=d.name, name=it["事项名称"], domain=it["公共服务类别"]))
    return rows


def apply_mistakes(power, public):
    """Mutate the clean data; every mistake gets a mark resolved to a cell when writing."""
    M = []  # (rule, where-resolver, description)

    def mark(it, rule, col, desc):
        it["_marks"].append((rule, col, desc))

    # --- reference-list side -------------------------------------------------------------------
    # POWER-MISMATCH (not in list): 发改局 submits an item the power list does not have
    it = find("01", "石油天然气管道保护范围内施工作业审批")
    power[:] = [r for r in power if r["_item"] is not it]
    mark(it, "POWER-MISMATCH", "事项名称", "权力清单中没有该事项（发改局多报）")
    # POWER-MISMATCH (type differs): list says 其他行政权力, department says 行政确认
    it = find("11", "道路运输车辆年度审验")
    next(r for r in power if r["_item"] is it)["type"] = "其他行政权力"
    mark(it, "POWER-MISMATCH", "事项类型", "事项类型“行政确认”与权力清单“其他行政权力”不一致")
    # POWER-OMITTED: 自然资源局 did not submit 临时用地审批 (the list has it)
    it = find("08", "临时用地审批")
    DEPT["08"].items.remove(it)
    row = next(r for r in power if r["_item"] is it)
    row["_omitted"] = "自然资源和规划局漏报“临时用地审批”"
    # PUBLIC-FEWER: 文广旅局's public-service list has one item the department did not submit
    idx = max(i for i, r in enumerate(public) if r["dept"] == DEPT["15"].name)
    n15 = sum(1 for r in public if r["dept"] == DEPT["15"].name)
    public.insert(idx + 1, dict(dept=DEPT["15"].name, name="流动文化服务（送戏下乡）", domain="公共文化体育",
                                _fewer="文广旅局少报“流动文化服务（送戏下乡）”：清单%d项，填报%d项" % (n15 + 1, n15)))

    # --- department side -----------------------------------------------------------------------
    it = find("14", "对外贸易经营者备案登记")
    it["设定依据"] = ""
    mark(it, "BASIS-MISSING", "设定依据", "设定依据为空（权力清单中有依据，部门漏填）")

    it = find("11", "更新砍伐公路用地上的树木审批")
    mark(it, "BASIS-FORM", "设定依据", "设定依据“依据公路法有关规定”无书名号、无条款")

    it = find("13", "兽药经营许可证核发")
    it["受理条件"] = ""
    mark(it, "REQ-MISSING", "受理条件", "受理条件为空")

    it = find("13", "生鲜乳准运证明核发")
    it["办件类型"] = "当场办"
    mark(it, "ENUM-VALUE", "办件类型", "办件类型“当场办”不在代码表中")
    # (承诺 10个工作日 — the value itself is the only problem)

    it = find("04", "临时救助对象认定")
    dup = dict(it)
    dup["_marks"] = []
    dup["_materials"] = [dict(m) for m in it["_materials"]]
    dup["_steps"] = [dict(s) for s in it["_steps"]]
    dup["_faqs"] = []
    dup["承诺办结时限"] = "3个工作日"
    d = DEPT["04"]
    d.items.insert(d.items.index(find("04", "高龄津贴发放")) + 1, dup)
    mark(dup, "DUPLICATE", "事项名称", "同一事项“临时救助对象认定”填报两次（第二行承诺时限不同）")

    it = find("16", "护士执业注册")
    cc = it["实施主体编码"]
    wrong = CC_CHARS[(CC_CHARS.index(cc[-1]) + 7) % 31]
    it["实施主体编码"] = cc[:-1] + wrong
    mark(it, "CREDIT-CODE", "实施主体编码", "实施主体编码末位校验码错误（%s，应为%s）" % (wrong, cc[-1]))

    it = find("10", "建筑工程施工许可证核发")
    it["法定办结时限"], it["承诺办结时限"] = "20个工作日", "30个工作日"
    mark(it, "LIMIT-ORDER", "承诺办结时限", "承诺办结时限30个工作日长于法定办结时限20个工作日")

    it = find("03", "户籍证明出具")
    it["法定办结时限"], it["承诺办结时限"] = "10个工作日", "5个工作日"
    mark(it, "LIMIT-INSTANT", "承诺办结时限", "即办件的承诺办结时限填了“5个工作日”")

    it = find("08", "耕地开垦费征收")
    it["收费依据"] = ""
    mark(it, "FEE-BASIS", "收费依据", "是否收费为“是”，收费依据为空")

    it = find("07", "失业保险金给付")
    it["到办事现场次数"] = "1"
    it["必须现场办理原因说明"] = "需本人到窗口核验身份"
    mark(it, "ONLINE-VISITS", "到办事现场次数", "网上办理深度Ⅳ全程网办，到办事现场次数却为1")

    it = find("07", "职业技能鉴定")
    it["网上办理深度"] = "Ⅲ 在线申办"
    it["办理形式"] = "窗口办理、网上办理(电脑端)"
    it["网上办理地址"] = ""
    mark(it, "ONLINE-URL", "网上办理地址", "网上办理深度Ⅲ，网上办理地址为空")

    it = find("02", "校车使用许可")
    it["咨询电话"] = DEPT["02"].consult.split("-")[1]
    mark(it, "PHONE", "咨询电话", "咨询电话“%s”缺区号" % it["咨询电话"])

    it = find("21", "森林高火险期内进入森林高火险区的活动审批")
    mark(it, "MATERIALS-NONE", "事项名称", "没有任何申请材料行")

    it = find("21", "在草原上开展经营性旅游活动审批")
    it["_steps"] = [s for s in it["_steps"] if s["step"] != "审查"]
    mark(it, "PROCESS-STEPS", "事项名称", "行政许可的办理流程缺“审查”环节（受理→决定→送达）")

    d = DEPT["19"]
    d.extra_materials.append(dict(name="食品流通许可", seq="1", title="食品流通许可申请书", kind="原件", orig=1,
                                  copy=0, form="纸质", source="申请人自备", note="", need="必需",
                                  hint="已于2015年并入食品经营许可", basis="", remark="旧表遗留行",
                                  _mark=("ORPHAN-ROW", "申请材料行的事项名称“食品流通许可”在实施清单中不存在")))

    it = find("18", "烟花爆竹经营（零售）许可")
    it["咨询电话"] = int(DEPT["18"].consult.replace("-", ""))
    mark(it, "NUMBER-AS-CODE", "咨询电话", "咨询电话被存成数字%d（区号前导0丢失）" % it["咨询电话"])

    it = find("20", "门诊慢性病、特殊病待遇认定")
    it["受理条件"] = ("参加本县基本医疗保险、经二级以上医疗机构确诊患有规定病种的参保人员。"
                      "_x000B_（从Word复制时带入的垂直制表符）")
    mark(it, "TEXT-CHARS", "受理条件", "受理条件中含控制字符U+000B（单元格文本以Excel转义形式_x000B_保存）")

    it = find("19", "特种设备使用登记")
    it["必须现场办理原因说明"] = ""
    mark(it, "VISIT-REASON", "必须现场办理原因说明", "到现场次数1，未说明必须现场办理的原因（警告）")

    # a few type/level value forms that are accepted (not mistakes): letter and code forms live in
    # 人防办 (XK/ZS/QT) and 气象局 (01/10); 残联 writes 行使层级 “县”.


# ----------------------------------------------------------------------------------------------
# Writers
# ----------------------------------------------------------------------------------------------
FIXED_TIME = dt.datetime(2017, 8, 30, 9, 0, 0)
ZIP_TIME = (2017, 8, 30, 9, 0, 0)


def normalize_zip(path):
    """Fix zip entry times and document timestamps so that repeated runs give the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                              rb"\g<1>2017-08-30T09:00:00Z\3", data)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def header_label(col, suffix):
    return col + suffix if (suffix and col in REQUIRED) else col


def dept_columns(d):
    cols = [c for c in COLUMNS if c not in ("事项状态",)]
    if not any(it["特别程序"] for it in d.items):
        cols.remove("特别程序")
    if d.opts.get("shuffle"):
        # 市场监管局's own template: codes and contact columns first, then the rest
        first = ["事项名称", "主项名称", "事项类型", "基本编码", "实施编码", "咨询电话", "监督投诉电话", "窗口"]
        cols = first + [c for c in cols if c not in first]
    return cols


class Marks:
    def __init__(self):
        self.rows = []

    def add(self, rule, where, desc):
        self.rows.append((rule, where, desc))


MARKS = Marks()


def write_sheet_rows(ws, cols, rows, first_row, suffix=""):
    for j, c in enumerate(cols, 1):
        cell = ws.cell(row=first_row, column=j, value=header_label(c, suffix))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    r = first_row
    for row in rows:
        r += 1
        for j, c in enumerate(cols, 1):
            v = row.get(c, "")
            if v == "" or v is None:
                continue
            cell = ws.cell(row=r, column=j, value=v)
            if isinstance(v, str):
                cell.number_format = "@"
    for j, c in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(j)].width = max(8, min(40, len(c) * 2 + 4))
    ws.freeze_panes = ws.cell(row=first_row + 1, column=2)
    return first_row


def mat_row(name, m):
    return {"事项名称": name, "序号": m["seq"], "材料名称": m["title"], "材料类型": m["kind"],
            "原件份数": m["orig"], "复印件份数": m["copy"], "材料形式": m["form"], "来源渠道": m["source"],
            "来源说明": m["note"], "是否必需": m["need"], "填报须知": m["hint"], "要求提供材料的依据": m["basis"],
            "备注": m["remark"]}


def step_rows(it):
    return [{"事项名称": it["事项名称"], "序号": str(i), "环节名称": s["step"], "办理人员": s["staff"],
             "办理时限": s["limit"], "审查标准": s["std"], "办理结果": s["out"]}
            for i, s in enumerate(it["_steps"], 1)]


def fee_rows(it):
    return [{"事项名称": it["事项名称"], "收费项目名称": f["title"], "收费标准": f["standard"], "收费依据": f["basis"],
             "是否允许减免": f["waivable"], "减免依据": f["waiver_basis"]} for f in it["_fees"]]


def faq_rows(it):
    return [{"事项名称": it["事项名称"], "问题": f["q"], "解答": f["a"]} for f in it["_faqs"]]


def record_item_marks(d, fname, sheet, cols, header_row):
    for i, it in enumerate(d.items):
        r = header_row + 1 + i
        for rule, col, desc in it["_marks"]:
            MARKS.add(rule, "departments/%s:%s!%s%d" % (fname, sheet, get_column_letter(cols.index(col) + 1), r),
                      "%s — %s" % (it["事项名称"], desc))


def write_dept_workbook(d, path):
    wb = openpyxl.Workbook()
    wb.properties.creator = d.name
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    fname = os.path.basename(path)
    # 填报信息
    ws = wb.active
    ws.title = "填报信息"
    info = [("填报单位", d.name), ("填报人", "")]
    people = ["王建军", "李秀英", "张志强", "刘海燕", "陈立新", "杨玉兰", "赵国庆", "孙丽娜", "周文斌", "吴晓东"]
    info[1] = ("填报人", people[int(d.no) % len(people)])
    info.append(("联系电话", d.consult))
    info.append(("报送日期", d.opts["date"]))
    for r, (k, v) in enumerate(info, 1):
        ws.cell(row=r, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=r, column=2, value=v)
        if isinstance(v, dt.date):
            c.number_format = "yyyy-mm-dd"
        elif isinstance(v, str):
            c.number_format = "@"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 34
    # 实施清单
    ws = wb.create_sheet("实施清单")
    cols = dept_columns(d)
    hr = 1
    if d.opts.get("title"):
        ws.cell(row=1, column=1, value="%s政务服务事项实施清单" % d.name).font = Font(bold=True, size=16)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
        ws.cell(row=2, column=1, value="填报单位（盖章）：%s        填报日期：2017年8月" % d.name)
        hr = 3
    write_sheet_rows(ws, cols, d.items, hr, d.opts.get("suffix", ""))
    record_item_marks(d, fname, "实施清单", cols, hr)
    # 申请材料
    ws = wb.create_sheet("申请材料")
    rows, spans = [], []
    for it in d.items:
        start = len(rows)
        rows += [mat_row(it["事项名称"], m) for m in it["_materials"]]
        if len(rows) - start > 1:
            spans.append((start, len(rows) - 1))
    orphan_at = []
    for m in d.extra_materials:
        # the leftover row sits between two items, as it did in the department's old form
        starts = [a for a, _ in spans]
        pos = starts[len(starts) // 3] if starts else len(rows)
        rows.insert(pos, mat_row(m["name"], m))
        orphan_at.append((pos, m["_mark"]))
        spans = [(a + (a >= pos), b + (b >= pos)) for a, b in spans]
    write_sheet_rows(ws, MAT_COLS, rows, 1)
    for pos, (rule, desc) in orphan_at:
        MARKS.add(rule, "departments/%s:申请材料!A%d" % (fname, pos + 2), desc)
    if d.opts.get("merged"):
        for a, b in spans:
            for r in range(a + 3, b + 3):
                ws.cell(row=r, column=1).value = None
            ws.merge_cells(start_row=a + 2, start_column=1, end_row=b + 2, end_column=1)
            ws.cell(row=a + 2, column=1).alignment = Alignment(vertical="center", wrap_text=True)
    # 办理流程
    ws = wb.create_sheet("办理流程")
    write_sheet_rows(ws, STEP_COLS, [r for it in d.items for r in step_rows(it)], 1)
    fees = [r for it in d.items for r in fee_rows(it)]
    if fees:
        ws = wb.create_sheet("收费项目")
        write_sheet_rows(ws, FEE_COLS, fees, 1)
    faqs = [r for it in d.items for r in faq_rows(it)]
    if faqs:
        ws = wb.create_sheet("常见问题")
        write_sheet_rows(ws, FAQ_COLS, faqs, 1)
    wb.save(path)
    normalize_zip(path)


def write_dept_csv(d, folder):
    os.makedirs(folder, exist_ok=True)
    rel = "departments/%s/" % d.name

    def dump(name, cols, rows):
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(cols)
        for row in rows:
            w.writerow(["" if row.get(c) is None else str(row.get(c, "")) for c in cols])
        with open(os.path.join(folder, name), "wb") as f:
            f.write(out.getvalue().encode("gb18030"))

    cols = dept_columns(d)
    dump("填报信息.csv", ["项目", "内容"], [{"项目": "填报单位", "内容": d.name}, {"项目": "填报人", "内容": "韩永胜"},
                                         {"项目": "联系电话", "内容": d.consult}, {"项目": "报送日期", "内容": d.opts["date"]}])
    dump("实施清单.csv", cols, d.items)
    for i, it in enumerate(d.items):
        for rule, col, desc in it["_marks"]:
            MARKS.add(rule, rel + "实施清单.csv!%s%d" % (get_column_letter(cols.index(col) + 1), i + 2), desc)
    dump("申请材料.csv", MAT_COLS, [mat_row(it["事项名称"], m) for it in d.items for m in it["_materials"]])
    dump("办理流程.csv", STEP_COLS, [r for it in d.items for r in step_rows(it)])
    dump("收费项目.csv", FEE_COLS, [r for it in d.items for r in fee_rows(it)])


BROKEN_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>涿鹿县档案馆政务服务事项实施清单</title></head>
<body>
<table border="1">
<tr><td colspan="6">涿鹿县档案馆政务服务事项实施清单（由OA系统“导出Excel”生成）</td></tr>
<tr><td>事项名称</td><td>事项类型</td><td>设定依据</td><td>承办机构</td><td>咨询电话</td><td>监督投诉电话</td></tr>
<tr><td>延期移交档案审批</td><td>其他行政权力</td><td>《中华人民共和国档案法实施办法》第十三条</td><td>业务指导股</td><td>0313-6524938</td><td>0313-6512326</td></tr>
<tr><td>档案查阅利用服务</td><td>公共服务</td><td>《中华人民共和国档案法》第十九条</td><td>查阅利用股</td><td>0313-6524938</td><td>0313-6512326</td></tr>
</table>
</body></html>
"""


def write_reference(out):
    global POWER, PUBLIC
    ref = os.path.join(out, "reference")
    os.makedirs(ref, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "权力清单"
    ws.append(["涿鹿县行政权力清单（2017年版，县审改办审定）"])
    ws.append(["部门", "事项名称", "事项类型", "设定依据", "子项名称", "基本编码"])
    for i, r in enumerate(POWER, 3):
        ws.append([r["dept"], r["name"], r["type"], r["basis"], r["sub"], r["code"] or None])
        if "_omitted" in r:
            MARKS.add("POWER-OMITTED", "reference/权力清单.xlsx:权力清单!B%d" % i, r["_omitted"])
        # A type that differs from the department's is reported once, at the
        # department's 事项类型 cell (the message cites this row).
    for c, w in zip("ABCDEF", (28, 40, 14, 60, 36, 16)):
        ws.column_dimensions[c].width = w
    p = os.path.join(ref, "权力清单.xlsx")
    wb.save(p)
    normalize_zip(p)
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "公共服务事项清单"
    ws.append(["部门", "事项名称", "公共服务类别"])
    for i, r in enumerate(PUBLIC, 2):
        ws.append([r["dept"], r["name"], r["domain"]])
        if "_fewer" in r:
            MARKS.add("PUBLIC-FEWER", "reference/公共服务事项清单.xlsx:公共服务事项清单!B%d" % i, r["_fewer"])
    for c, w in zip("ABC", (28, 40, 16)):
        ws.column_dimensions[c].width = w
    p = os.path.join(ref, "公共服务事项清单.xlsx")
    wb.save(p)
    normalize_zip(p)


def write_reviews(out):
    rv = os.path.join(out, "review")
    os.makedirs(rv, exist_ok=True)
    rng = random.Random(20170901)
    reviewed = [d for d in DEPTS if d.registered and d.fmt not in ("none", "broken")]
    pending = {("14", "单用途商业预付卡备案"), ("14", "洗染业经营者备案"),
               ("25", "升放无人驾驶自由气球或者系留气球活动审批")}
    sgb, fzb, xzsp = [], [], []
    seen = set()
    for d in reviewed:
        for it in d.items:
            key = (d.no, it["事项名称"])
            if key in seen or key in pending:
                continue
            seen.add(key)
            day = dt.date(2017, 9, 5) + dt.timedelta(days=rng.randrange(0, 10))
            sgb.append([d.name, it["事项名称"], "通过", "经审核，事项要素齐全，同意", "审改办", day])
            if it["_t"] == "XK" and rng.random() < 0.5:
                fzb.append([d.name, it["事项名称"], "通过", "设定依据合法有效", "法制办",
                            day - dt.timedelta(days=1)])
            if d.window and d.window[0] in ("01", "03", "04", "07") and rng.random() < 0.4:
                xzsp.append([d.name, it["事项名称"], "通过", "经征求窗口意见，同意按此清单进驻办理", "行政审批局",
                             day + dt.timedelta(days=2)])
    notes = []
    # 法制办 returns one item on legality; 审改办 approved it later — still blocked
    name = "放射诊疗许可"
    fzb.append([DEPT["16"].name, name, "退回",
                "《放射诊疗管理规定》第十一条规定的许可机关为县级以上卫生行政部门，但本县仅实施X射线影像诊断类许可，"
                "行使内容未限定范围，请按权限修改后重新报送", "法制办", dt.date(2017, 9, 8)])
    fzb[:] = [r for r in fzb if not (r[1] == name and r[2] == "通过")]
    for r in sgb:
        if r[1] == name and r[0] == DEPT["16"].name:
            r[5] = dt.date(2017, 9, 15)
    notes.append(("法制办退回阻止发布", "%s “%s”：法制办 2017-09-08 退回（合法性），审改办 2017-09-15 通过 → 仍不发布" %
                  (DEPT["16"].name, name)))
    # one item 退回 then 通过 later (latest wins → published)
    name = "巡游出租汽车经营许可"
    for r in sgb:
        if r[1] == name:
            r[5] = dt.date(2017, 9, 6)
            r[2], r[3] = "退回", "申请材料与《巡游出租汽车经营服务管理规定》第九条不一致，请补充车辆停放场地证明要求后重报"
    sgb.append([DEPT["11"].name, name, "通过", "已按意见修改，同意", "审改办", dt.date(2017, 9, 14)])
    notes.append(("先退回后通过", "%s “%s”：审改办 2017-09-06 退回，2017-09-14 通过 → 以最新为准，发布" %
                  (DEPT["11"].name, name)))
    # one item cancelled
    name = "社会团体年度检查"
    sgb.append([DEPT["04"].name, name, "取消", "社会团体年度检查已改为年度工作报告制度，建议取消该事项", "审改办",
                dt.date(2017, 9, 16)])
    notes.append(("取消", "%s “%s”：审改办先“通过”（9月5日—14日之间），2017-09-16 “取消” → 以最新为准，取消（不发布）" % (DEPT["04"].name, name)))
    for k in sorted(pending):
        notes.append(("无审核意见（待审）", "%s “%s”" % (DEPT[k[0]].name, k[1])))
    for fname, rows in (("审改办审核意见.xlsx", sgb), ("法制办审核意见.xlsx", fzb), ("行政审批局审核意见.xlsx", xzsp)):
        wb = openpyxl.Workbook()
        wb.properties.created = wb.properties.modified = FIXED_TIME
        ws = wb.active
        ws.title = "审核意见"
        ws.append(["部门", "事项名称", "审核结论", "审核意见", "审核单位", "审核日期"])
        for r in rows:
            ws.append(r)
            ws.cell(row=ws.max_row, column=6).number_format = "yyyy-mm-dd"
        for c, w in zip("ABCDEF", (28, 40, 10, 60, 12, 12)):
            ws.column_dimensions[c].width = w
        p = os.path.join(rv, fname)
        wb.save(p)
        normalize_zip(p)
    return notes, len(sgb), len(fzb), len(xzsp)


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_county(out):
    L = ["# 涿鹿县政务服务事项清单 — county settings (generated by tools/make_sample_input.py)", "",
         "[county]", 'name = "涿鹿县"', 'province = "河北省"', 'city = "张家口市"', 'division_code = "130731"',
         'region_code = "13"', 'level_code = "4"', 'area_code = "0313"', 'office = "涿鹿县行政审批局"',
         'portal_base_url = "https://zwfw.zhuolu.gov.cn/"',
         'guide_url_template = "https://zwfw.zhuolu.gov.cn/item/{impl_code}.html"',
         'registry = "../state/registry.sqlite"      # relative to this file', "deadline = 2017-08-31", ""]
    for d in DEPTS:
        if not d.registered:
            continue
        L += ["[[department]]", "name = " + toml_str(d.name), "short_name = " + toml_str(d.short),
              'credit_code = "%s"' % d.credit, 'number = "%s"' % d.no, ""]
    L += ["[[hall]]", "name = " + toml_str(HALL), "address = " + toml_str(HALL_ADDR),
          "hours = " + toml_str(HOURS), ""]
    for no, name, ds in WINDOWS:
        L += ["  [[hall.window]]", '  number = "%s"' % no, "  name = " + toml_str(name),
              "  departments = [%s]" % ", ".join(toml_str(DEPT[x].name) for x in ds)]
        if no == "02":
            L.append("  items = [%s]" % ", ".join(toml_str(n) for n in (
                "食品经营许可", "药品零售企业许可", "第二类医疗器械经营备案", "食品小作坊登记", "小餐饮经营许可")))
        L.append("")
    with open(os.path.join(out, "county.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def convert_with_libreoffice(paths, outdir):
    tmp_out = tempfile.mkdtemp(prefix="lo_out_")
    try:
        cmd = ["soffice", "--headless", "-env:UserInstallation=file:///tmp/lo_profile_sample",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp_out] + paths
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        for p in paths:
            src = os.path.join(tmp_out, os.path.basename(p))
            if not os.path.exists(src):
                raise SystemExit("LibreOffice did not convert %s" % p)
            dst = os.path.join(outdir, os.path.basename(p))
            shutil.copyfile(src, dst)
            normalize_zip(dst)
    finally:
        shutil.rmtree(tmp_out, ignore_errors=True)


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "input"))
    build_items()
    global POWER, PUBLIC
    POWER = build_power_list()
    PUBLIC = build_public_list()
    apply_mistakes(POWER, PUBLIC)
    if os.path.isdir(out):
        shutil.rmtree(out)
    ddir = os.path.join(out, "departments")
    os.makedirs(ddir)
    write_county(out)
    lo_tmp = tempfile.mkdtemp(prefix="lo_in_")
    lo_files = []
    try:
        for d in DEPTS:
            if d.fmt in ("xlsx", "unknown"):
                write_dept_workbook(d, os.path.join(ddir, d.name + ".xlsx"))
            elif d.fmt == "lo":
                p = os.path.join(lo_tmp, d.name + ".xlsx")
                write_dept_workbook(d, p)
                lo_files.append(p)
            elif d.fmt == "csv":
                write_dept_csv(d, os.path.join(ddir, d.name))
            elif d.fmt == "broken":
                with open(os.path.join(ddir, d.name + ".xlsx"), "w", encoding="utf-8") as f:
                    f.write(BROKEN_HTML)
        convert_with_libreoffice(lo_files, ddir)
    finally:
        shutil.rmtree(lo_tmp, ignore_errors=True)
    write_reference(out)
    notes, n1, n2, n3 = write_reviews(out)
    # department-level findings
    for d in DEPTS:
        date = d.opts.get("date")
        if d.fmt == "none":
            MARKS.add("SUBMISSION-LATE", "departments/（无文件）", "%s 已登记但未报送" % d.name)
        elif d.fmt == "broken":
            MARKS.add("FILE-UNREADABLE", "departments/%s.xlsx" % d.name, "HTML 网页另存为 .xlsx，不是 xlsx 文件（部门已登记）")
        elif d.fmt == "unknown":
            MARKS.add("DEPT-UNKNOWN", "departments/%s.xlsx" % d.name, "%s 未在 county.toml 中登记（仅校验，不发布）" % d.name)
        if isinstance(date, dt.date) and date > DEADLINE:
            MARKS.add("SUBMISSION-LATE", "departments/%s.xlsx:填报信息!B4" % d.name, "报送日期 %s 晚于截止日 2017-08-31（日期单元格）" % date)
        elif isinstance(date, str) and date.startswith("2017年9月"):
            MARKS.add("SUBMISSION-LATE", "departments/%s.xlsx:填报信息!B4" % d.name, "报送日期“%s”晚于截止日（文本）" % date)
    # No POWER-OMITTED for 统计局 (no file) and 档案馆 (unreadable): a department
    # that handed in nothing readable is reported once, as SUBMISSION-LATE or
    # FILE-UNREADABLE, not once per item of the power list.
    write_readme(out, notes, (n1, n2, n3))
    print("wrote %s: %d departments (%d registered), %d items" % (
        out, len(DEPTS), sum(d.registered for d in DEPTS),
        sum(len(d.items) for d in DEPTS if d.fmt not in ("none", "broken"))))


def write_readme(out, notes, counts):
    by_kind = {}
    for d in DEPTS:
        if d.fmt in ("none", "broken"):
            continue
        for it in d.items:
            k = DOMAINS.get(it["_t"], TYPE_LABEL.get(it["_t"]))
            by_kind[k] = by_kind.get(k, 0) + 1
    L = ["# 涿鹿县样例输入（sample input）", "",
         "由 `/usr/bin/python3 tools/make_sample_input.py [输出目录]` 生成，请勿手工修改；事项目录在 "
         "`tools/sample_data/items.txt`，故意错误在脚本的 `apply_mistakes()` 中。统计可用 "
         "`/usr/bin/python3 tools/sample_input_summary.py` 查看。", "",
         "机构名称按2019年机构改革后的名称编写（与 2017 年通知的时间线不完全一致），统一使用“涿鹿县××局”全称；"
         "统一社会信用代码、电话号码、政务服务中心地址（%s）和网上办理地址均为虚构，但符合格式和校验规则。" % HALL_ADDR, "",
         "## 内容", "",
         "| 文件 | 说明 |", "|---|---|",
         "| county.toml | 县设置、%d 个登记部门、1 个政务服务大厅（%d 个窗口） |" % (
             sum(d.registered for d in DEPTS), len(WINDOWS)),
         "| departments/*.xlsx | 各部门填报表：openpyxl 写出；民政局、交通运输局、水务局、卫生健康局 4 个经 LibreOffice 另存（LibreOffice 写出的 xlsx）；住房和城乡建设局“申请材料”表中事项名称按事项合并单元格 |",
         "| departments/涿鹿县退役军人事务局/*.csv | 以 GB18030 编码、CRLF 换行的 CSV 报送（中文 Windows 版 Excel 另存 CSV 的格式） |",
         "| departments/涿鹿县档案馆.xlsx | 实为 HTML 网页（OA 系统“导出 Excel”），不是 xlsx |",
         "| departments/涿鹿县不动产登记中心.xlsx | 未登记部门报送 |",
         "| reference/权力清单.xlsx | 权力清单：第1行标题，第2行表头；有子项的事项，主项一行（子项名称为空）、每个子项一行（事项名称=主项名称，子项名称=子项在实施清单中的完整名称） |",
         "| reference/公共服务事项清单.xlsx | 公共服务事项清单（主项） |",
         "| review/*.xlsx | 审改办 %d 行、法制办 %d 行、行政审批局 %d 行审核意见 |" % counts, "",
         "填报形式上的变化（均应被接受，不是错误）：部分文件“实施清单”上方有标题行和填报单位行；部分表头带“*”或“（必填）”；"
         "人防办事项类型用字母代码（XK/ZS/QT），气象局用数字代码（01/10）；残联行使层级写“县”；农业农村局、林草局网上办理深度只写“Ⅲ”/“Ⅳ”；"
         "报送日期有的是日期单元格、有的是文本“2017年8月30日”，CSV 为“2017/8/29”；市场监督管理局列顺序不同；"
         "市场监督管理局 4 个事项带国家基本编码（000117052000 等）及对应 31 位实施编码（信用代码+4+基本编码）。", "",
         "## 事项统计（可读文件中的事项行，含子项与重复行）", "",
         "| 类别 | 事项数 |", "|---|---|"]
    for k in ["行政许可", "行政征收", "行政给付", "行政确认", "其他行政权力"] + list(DOMAINS.values()):
        L.append("| %s | %d |" % (k, by_kind.get(k, 0)))
    L += ["", "## 审核意见中的特殊情况", ""]
    for a, b in notes:
        L.append("- **%s**：%s" % (a, b))
    L += ["", "## 故意错误（rule id — 位置 — 说明）", "",
          "位置写法为 `<文件>:<工作表>!<单元格>`（相对 input/）。", "",
          "| rule | 位置 | 说明 |", "|---|---|---|"]
    for rule, where, desc in MARKS.rows:
        L.append("| %s | %s | %s |" % (rule, where, desc))
    L += ["", "此外每个“政府部门核发”的材料都会得到 MATERIAL-SHARED 提示（hint），这是预期的。", ""]
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
