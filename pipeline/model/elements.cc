#include "model/elements.h"

#include "base/text.h"

namespace qd {

namespace {

// Platforms export the national codes as numbers, without the leading
// zero: "1" is 01 行政许可.
const CodeTable kTypes{"A.1 事项类型",
                       {{"01", "行政许可", {"1", "XK", "许可"}},
                        {"02", "行政处罚", {"2", "CF", "处罚"}},
                        {"03", "行政强制", {"3", "QZ", "强制"}},
                        {"04", "行政征收", {"4", "ZS", "征收"}},
                        {"05", "行政给付", {"5", "JF", "给付"}},
                        {"06", "行政检查", {"6", "JD", "检查"}},
                        {"07", "行政确认", {"7", "QR", "确认"}},
                        {"08", "行政奖励", {"8", "JL", "奖励"}},
                        {"09", "行政裁决", {"9", "CJ", "裁决"}},
                        {"10", "其他行政权力", {"QT", "其他", "其他类别事项", "其他类别"}},
                        {"20", "公共服务", {"GG", "公共服务事项"}}}};

const CodeTable kLevels{"A.2 行使层级",
                        {{"1", "国家级", {"国家"}},
                         {"2", "省级", {"省"}},
                         {"3", "市级", {"市"}},
                         {"4", "县级", {"县"}},
                         {"5", "镇(乡、街道)级", {"镇级", "乡级", "街道级", "乡镇级", "镇（乡、街道）级"}},
                         {"6", "村(社区)级", {"村级", "社区级", "村（社区）级"}},
                         {"7", "分级管理", {}}}};

const CodeTable kNatures{"A.3 实施主体性质",
                         {{"1", "法定机关", {}},
                          {"2", "授权组织", {}},
                          {"3", "受委托组织", {}},
                          {"9", "其他", {}}}};

const CodeTable kAudiences{"A.4 服务对象",
                           {{"1", "自然人", {}},
                            {"2", "企业法人", {}},
                            {"3", "事业法人", {}},
                            {"4", "社会组织法人", {}},
                            {"5", "行政机关", {}},
                            {"6", "其他组织", {}}}};

const CodeTable kChannels{"A.5 办理形式",
                          {{"1", "窗口办理", {}},
                           {"2", "网上办理(电脑端)", {"网上办理（电脑端）", "网上办理", "电脑端"}},
                           {"3", "网上办理(移动端)", {"网上办理（移动端）", "移动端"}},
                           {"4", "快递申请", {}},
                           {"9", "其他", {}}}};

const CodeTable kCaseTypes{"A.6 办件类型",
                           {{"1", "即办件", {}}, {"2", "承诺件", {}}, {"9", "其他", {}}}};

const CodeTable kDepths{"网上办理深度",
                        {{"1", "网上公开", {"Ⅰ", "I", "Ⅰ 网上公开", "Ⅰ网上公开", "I 网上公开"}},
                         {"2", "在线预审", {"Ⅱ", "II", "Ⅱ 在线预审", "Ⅱ在线预审", "II 在线预审"}},
                         {"3", "在线申办", {"Ⅲ", "III", "Ⅲ 在线申办", "Ⅲ在线申办", "III 在线申办"}},
                         {"4", "全程网办", {"Ⅳ", "IV", "Ⅳ 全程网办", "Ⅳ全程网办", "IV 全程网办"}}}};

const CodeTable kPowerSources{"权力来源",
                              {{"1", "法定本级行使", {}},
                               {"2", "上级下放", {}},
                               {"3", "上级授权", {}},
                               {"4", "同级授权", {}},
                               {"5", "上级委托", {}},
                               {"6", "同级委托", {}}}};

const CodeTable kYesNo{"是否", {{"1", "是", {"Y", "TRUE"}}, {"0", "否", {"N", "FALSE"}}}};

const CodeTable kVisits{"到办事现场次数",
                        {{"0", "0", {"0次", "零次"}},
                         {"1", "1", {"1次", "一次"}},
                         {"2", "2", {"2次", "两次"}},
                         {"3", "3", {"3次", "三次"}}}};

const CodeTable kDomains{"公共服务类别",
                         {{"1", "基本公共教育", {}},
                          {"2", "劳动就业服务", {}},
                          {"3", "社会保险", {}},
                          {"4", "基本社会服务", {}},
                          {"5", "基本医疗卫生", {}},
                          {"6", "人口和计划生育", {}},
                          {"7", "基本住房保障", {}},
                          {"8", "公共文化体育", {}},
                          {"9", "残疾人基本公共服务", {}}}};

const CodeTable kStatuses{"事项状态", {{"1", "在用", {}}, {"2", "暂停", {}}, {"3", "取消", {}}}};

const CodeTable kMaterialKinds{"材料类型",
                               {{"1", "原件", {}},
                                {"2", "复印件", {}},
                                {"3", "原件和复印件", {"原件及复印件"}}}};

const CodeTable kMaterialForms{"材料形式",
                               {{"1", "纸质", {}},
                                {"2", "电子", {}},
                                {"3", "纸质和电子", {"纸质及电子"}}}};

const CodeTable kMaterialSources{"来源渠道",
                                 {{"1", "申请人自备", {}},
                                  {"2", "政府部门核发", {}},
                                  {"9", "其他", {}}}};

const CodeTable kMaterialNeeds{"是否必需",
                               {{"1", "必需", {"是"}}, {"2", "非必需", {"否"}}, {"3", "容缺", {}}}};

using N = Need;

// The element table. Widths are in characters of the fill-in form.
const std::vector<ElementInfo> kElements = {
    {El::Name, "name", "事项名称", N::Required, nullptr, false, false, 24, "事项的规范名称，不超过200字"},
    {El::BasicCode, "basic_code", "基本编码", N::Assigned, nullptr, false, true, 16, "12位；新增事项留空，由系统赋码"},
    {El::ImplCode, "impl_code", "实施编码", N::Assigned, nullptr, false, true, 34, "31位；新增事项留空，由系统赋码"},
    {El::Type, "type", "事项类型", N::Required, &kTypes, false, false, 12, "从下拉列表选择"},
    {El::Basis, "basis", "设定依据", N::Required, nullptr, false, false, 40, "写明法律法规名称（用书名号）及条款，如《中华人民共和国行政许可法》第十二条"},
    {El::Level, "level", "行使层级", N::Required, &kLevels, true, false, 10, "从下拉列表选择；县级事项填“县级”"},
    {El::Division, "division", "权限划分", N::Optional, nullptr, false, false, 20, "各层级之间的权限划分"},
    {El::Content, "content", "行使内容", N::Required, nullptr, false, false, 24, "本机关实际行使的内容"},
    {El::Agency, "agency", "实施主体", N::Required, nullptr, false, false, 20, "实施机关全称"},
    {El::AgencyNature, "agency_nature", "实施主体性质", N::Required, &kNatures, false, false, 12, "从下拉列表选择"},
    {El::AgencyCode, "agency_code", "实施主体编码", N::Required, nullptr, false, true, 22, "18位统一社会信用代码"},
    {El::PowerSource, "power_source", "权力来源", N::Conditional, &kPowerSources, false, false, 14, "行政权力事项必填"},
    {El::EntrustingDept, "entrusting_dept", "委托部门", N::Conditional, nullptr, false, false, 16, "委托行使时填写委托部门"},
    {El::HandlingUnit, "handling_unit", "承办机构", N::Required, nullptr, false, false, 18, "机关内设科室或窗口"},
    {El::CoAgencies, "co_agencies", "联办机构", N::Optional, nullptr, false, false, 16, "无联办机构可留空"},
    {El::Audience, "audience", "服务对象", N::Required, &kAudiences, true, false, 14, "可多选，用顿号分隔"},
    {El::CaseType, "case_type", "办件类型", N::Required, &kCaseTypes, false, false, 10, "即办件或承诺件"},
    {El::LegalLimit, "legal_limit", "法定办结时限", N::Required, nullptr, false, false, 14, "数字加单位，如“20个工作日”；当场办结填“即办”"},
    {El::PromisedLimit, "promised_limit", "承诺办结时限", N::Required, nullptr, false, false, 14, "不得长于法定办结时限"},
    {El::Conditions, "conditions", "受理条件", N::Required, nullptr, false, false, 30, "申请人应当具备的条件"},
    {El::Materials, "materials", "申请材料", N::SubTable, nullptr, false, false, 0, "在“申请材料”工作表中逐项填写"},
    {El::Process, "process", "办理流程", N::SubTable, nullptr, false, false, 0, "在“办理流程”工作表中逐步填写"},
    {El::Channels, "channels", "办理形式", N::Required, &kChannels, true, false, 18, "可多选，用顿号分隔"},
    {El::Visits, "visits", "到办事现场次数", N::Required, &kVisits, false, true, 10, "0、1、2或3"},
    {El::OnlineDepth, "online_depth", "网上办理深度", N::Required, &kDepths, false, false, 12, "Ⅰ网上公开、Ⅱ在线预审、Ⅲ在线申办、Ⅳ全程网办"},
    {El::OnlineUrl, "online_url", "网上办理地址", N::Conditional, nullptr, false, true, 30, "网上办理深度为Ⅲ、Ⅳ时必填"},
    {El::Charged, "charged", "是否收费", N::Required, &kYesNo, false, false, 8, "是或否"},
    {El::FeeStandard, "fee_standard", "收费标准", N::Conditional, nullptr, false, false, 20, "不收费的填“不收费”"},
    {El::FeeBasis, "fee_basis", "收费依据", N::Conditional, nullptr, false, false, 24, "收费的须写明依据文件"},
    {El::Intermediary, "intermediary", "中介服务", N::Optional, nullptr, false, false, 14, "法定中介服务，无则填“无”"},
    {El::QuantityLimit, "quantity_limit", "数量限制", N::Optional, nullptr, false, false, 12, "无则填“无”"},
    {El::Result, "result", "审批结果", N::Required, nullptr, false, false, 18, "颁发的证照或批文名称，无则填“无”"},
    {El::Place, "place", "办理地点", N::Required, nullptr, false, false, 28, "地址、大厅及窗口"},
    {El::Hours, "hours", "办理时间", N::Required, nullptr, false, false, 24, "如“工作日上午8:30-12:00，下午14:30-17:30”"},
    {El::ConsultPhone, "consult_phone", "咨询电话", N::Required, nullptr, false, true, 16, "固定电话带区号，如“区号-7或8位号码”；手机填11位号码"},
    {El::ComplaintPhone, "complaint_phone", "监督投诉电话", N::Required, nullptr, false, true, 16, "带区号，不得与咨询电话相同"},
    {El::Parent, "parent", "主项名称", N::Optional, nullptr, false, false, 20, "子项填所属主项名称；主项留空"},
    {El::PublicDomain, "public_domain", "公共服务类别", N::Conditional, &kDomains, false, false, 16, "公共服务事项必填"},
    {El::Status, "status", "事项状态", N::Optional, &kStatuses, false, false, 8, "在用、暂停或取消；空为在用"},
    {El::SpecialProcedure, "special_procedure", "特别程序", N::Optional, nullptr, false, false, 16, "如听证、公示、检验检测"},
    {El::VisitReason, "visit_reason", "必须现场办理原因说明", N::Conditional, nullptr, false, false, 24, "到现场次数大于0时说明理由"},
    {El::Appointment, "appointment", "是否支持预约办理", N::Optional, &kYesNo, false, false, 10, "是或否"},
    {El::OnlinePayment, "online_payment", "是否支持网上支付", N::Optional, &kYesNo, false, false, 10, "是或否"},
    {El::Delivery, "delivery", "是否支持物流快递", N::Optional, &kYesNo, false, false, 10, "是或否"},
    {El::ServiceScope, "service_scope", "通办范围", N::Optional, nullptr, false, false, 12, "如全市通办、全省通办"},
    {El::Window, "window", "窗口", N::Optional, nullptr, false, true, 8, "政务服务大厅窗口号"},
};

const SubTableInfo kMaterialsTable{
    "申请材料",
    {{"name", "事项名称", true, nullptr, 24},
     {"seq", "序号", false, nullptr, 6},
     {"title", "材料名称", true, nullptr, 30},
     {"kind", "材料类型", true, &kMaterialKinds, 12},
     {"originals", "原件份数", false, nullptr, 8},
     {"copies", "复印件份数", false, nullptr, 8},
     {"form", "材料形式", true, &kMaterialForms, 10},
     {"source", "来源渠道", true, &kMaterialSources, 14},
     {"source_note", "来源说明", false, nullptr, 20},
     {"need", "是否必需", true, &kMaterialNeeds, 10},
     {"notes", "填报须知", false, nullptr, 24},
     {"basis", "要求提供材料的依据", false, nullptr, 24},
     {"remark", "备注", false, nullptr, 16}}};

const SubTableInfo kProcessTable{
    "办理流程",
    {{"name", "事项名称", true, nullptr, 24},
     {"seq", "序号", false, nullptr, 6},
     {"step", "环节名称", true, nullptr, 14},
     {"staff", "办理人员", false, nullptr, 14},
     {"limit", "办理时限", false, nullptr, 12},
     {"standard", "审查标准", false, nullptr, 30},
     {"outcome", "办理结果", false, nullptr, 20}}};

const SubTableInfo kFeesTable{
    "收费项目",
    {{"name", "事项名称", true, nullptr, 24},
     {"title", "收费项目名称", true, nullptr, 20},
     {"standard", "收费标准", true, nullptr, 20},
     {"basis", "收费依据", true, nullptr, 30},
     {"waivable", "是否允许减免", false, &kYesNo, 10},
     {"waiver_basis", "减免依据", false, nullptr, 24}}};

const SubTableInfo kFaqTable{"常见问题",
                             {{"name", "事项名称", true, nullptr, 24},
                              {"question", "问题", true, nullptr, 30},
                              {"answer", "解答", true, nullptr, 50}}};

}  // namespace

const CodeValue* CodeTable::find(std::string_view text) const {
  std::string t = trim(fold_width(text));
  if (t.empty()) return nullptr;
  for (const CodeValue& v : values) {
    if (t == v.code || t == fold_width(v.label)) return &v;
    for (std::string_view a : v.aliases)
      if (t == fold_width(a)) return &v;
  }
  // "01 行政许可" or "01行政许可": a code followed by its label.
  for (const CodeValue& v : values) {
    if (t.size() > v.code.size() && t.compare(0, v.code.size(), v.code) == 0 &&
        trim(t.substr(v.code.size())) == fold_width(v.label))
      return &v;
  }
  return nullptr;
}

std::string CodeTable::labels() const {
  std::string s;
  for (const CodeValue& v : values) {
    if (!s.empty()) s += "、";
    s += v.label;
  }
  return s;
}

std::span<const ElementInfo> elements() { return kElements; }

const ElementInfo& element(El id) { return kElements[static_cast<size_t>(id)]; }

const ElementInfo* element_by_label(std::string_view header) {
  std::string h = normalize_header(header);
  for (const ElementInfo& e : kElements)
    if (h == normalize_header(e.label)) return &e;
  return nullptr;
}

const CodeTable& item_types() { return kTypes; }
const CodeTable& levels() { return kLevels; }
const CodeTable& agency_natures() { return kNatures; }
const CodeTable& audiences() { return kAudiences; }
const CodeTable& channel_kinds() { return kChannels; }
const CodeTable& case_types() { return kCaseTypes; }
const CodeTable& online_depths() { return kDepths; }
const CodeTable& power_sources() { return kPowerSources; }
const CodeTable& yes_no() { return kYesNo; }
const CodeTable& visit_counts() { return kVisits; }
const CodeTable& public_domains() { return kDomains; }
const CodeTable& item_statuses() { return kStatuses; }
const CodeTable& material_kinds() { return kMaterialKinds; }
const CodeTable& material_forms() { return kMaterialForms; }
const CodeTable& material_sources() { return kMaterialSources; }
const CodeTable& material_needs() { return kMaterialNeeds; }

bool is_power_type(std::string_view type_code) { return !type_code.empty() && type_code != "20"; }

std::vector<std::string> split_values(std::string_view text) {
  // Separators inside brackets belong to the value: "镇(乡、街道)级".
  static const std::vector<std::string_view> kSeps = {"、", ",", "，", ";", "；", "/", "／", "\n"};
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  size_t i = 0;
  while (i < text.size()) {
    std::string_view rest = text.substr(i);
    if (rest.starts_with("(") || rest.starts_with("（")) ++depth;
    if ((rest.starts_with(")") || rest.starts_with("）")) && depth > 0) --depth;
    size_t sep = 0;
    if (depth == 0)
      for (std::string_view s : kSeps)
        if (rest.starts_with(s)) sep = s.size();
    if (sep > 0) {
      if (std::string t = trim(current); !t.empty()) parts.push_back(t);
      current.clear();
      i += sep;
    } else {
      current += text[i++];
    }
  }
  if (std::string t = trim(current); !t.empty()) parts.push_back(t);
  return parts;
}

const SubTableInfo& materials_table() { return kMaterialsTable; }
const SubTableInfo& process_table() { return kProcessTable; }
const SubTableInfo& fees_table() { return kFeesTable; }
const SubTableInfo& faq_table() { return kFaqTable; }

}  // namespace qd
