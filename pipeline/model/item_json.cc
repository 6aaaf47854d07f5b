#include "model/item_json.h"

#include <nlohmann/json.hpp>

namespace qd {

namespace {

using json = nlohmann::json;

// A sub-table's columns as (key, label, member) rows.
template <typename Row>
struct Column {
  const char* key;
  const char* label;
  Field Row::*member;
};

const Column<Material> kMaterialColumns[] = {
    {"seq", "序号", &Material::seq},
    {"title", "材料名称", &Material::title},
    {"kind", "材料类型", &Material::kind},
    {"originals", "原件份数", &Material::originals},
    {"copies", "复印件份数", &Material::copies},
    {"form", "材料形式", &Material::form},
    {"source", "来源渠道", &Material::source},
    {"source_note", "来源说明", &Material::source_note},
    {"need", "是否必需", &Material::need},
    {"notes", "填报须知", &Material::notes},
    {"basis", "要求提供材料的依据", &Material::basis},
    {"remark", "备注", &Material::remark},
};
const Column<Step> kStepColumns[] = {
    {"seq", "序号", &Step::seq},
    {"step", "环节名称", &Step::step},
    {"staff", "办理人员", &Step::staff},
    {"limit", "办理时限", &Step::limit},
    {"standard", "审查标准", &Step::standard},
    {"outcome", "办理结果", &Step::outcome},
};
const Column<FeeItem> kFeeColumns[] = {
    {"title", "收费项目名称", &FeeItem::title},
    {"standard", "收费标准", &FeeItem::standard},
    {"basis", "收费依据", &FeeItem::basis},
    {"waivable", "是否允许减免", &FeeItem::waivable},
    {"waiver_basis", "减免依据", &FeeItem::waiver_basis},
};
const Column<Faq> kFaqColumns[] = {
    {"question", "问题", &Faq::question},
    {"answer", "解答", &Faq::answer},
};

// The rows of a sub-table as an array of objects (empty values left out).
template <typename Row, size_t N>
json rows_json(const std::vector<Row>& rows, const Column<Row> (&columns)[N]) {
  json out = json::array();
  for (const Row& r : rows) {
    json o = json::object();
    for (const auto& c : columns)
      if (!(r.*c.member).text.empty()) o[c.key] = (r.*c.member).text;
    out.push_back(std::move(o));
  }
  return out;
}

// Reads the rows of a sub-table back.
template <typename Row, size_t N>
std::vector<Row> rows_from(const json& array, const Column<Row> (&columns)[N],
                           const std::string& origin) {
  std::vector<Row> out;
  if (!array.is_array()) return out;
  for (const json& o : array) {
    Row r;
    r.at.file = origin;
    for (const auto& c : columns) {
      auto it = o.find(c.key);
      if (it != o.end() && it->is_string()) (r.*c.member).text = it->template get<std::string>();
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Appends the changes between two versions of a sub-table, cell by cell.
template <typename Row, size_t N>
void row_changes(const char* table, const std::vector<Row>& a, const std::vector<Row>& b,
                 const Column<Row> (&columns)[N], std::vector<FieldChange>* out) {
  size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    std::string row = std::string(table) + " " + std::to_string(i + 1);
    if (i >= a.size()) {
      out->push_back({row, "", "（新增）" + (b[i].*columns[1].member).text});
      continue;
    }
    if (i >= b.size()) {
      out->push_back({row, (a[i].*columns[1].member).text, "（删除）"});
      continue;
    }
    for (const auto& c : columns) {
      const std::string& x = (a[i].*c.member).text;
      const std::string& y = (b[i].*c.member).text;
      if (x != y) out->push_back({row + "「" + c.label + "」", x, y});
    }
  }
}

}  // namespace

std::string item_content_json(const Item& item) {
  json fields = json::object();
  for (const ElementInfo& e : elements()) {
    const std::string& v = item.get(e.id);
    if (!v.empty()) fields[std::string(e.key)] = v;
  }
  json o = json::object();
  o["department"] = item.department;
  o["fields"] = std::move(fields);
  o["materials"] = rows_json(item.materials, kMaterialColumns);
  o["steps"] = rows_json(item.steps, kStepColumns);
  o["fees"] = rows_json(item.fees, kFeeColumns);
  o["faqs"] = rows_json(item.faqs, kFaqColumns);
  return o.dump();  // keys sorted: nlohmann::json's objects are ordered maps
}

Result<Item> item_from_content_json(const std::string& text, const std::string& origin) {
  json o = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!o.is_object() || !o.contains("fields") || !o["fields"].is_object())
    return make_error(Place{origin}, "已发布事项的内容无法解析");
  Item item;
  item.file = origin;
  item.at.file = origin;
  if (o["department"].is_string()) item.department = o["department"].get<std::string>();
  for (const ElementInfo& e : elements()) {
    auto it = o["fields"].find(std::string(e.key));
    item.field(e.id).at.file = origin;
    if (it != o["fields"].end() && it->is_string()) item.field(e.id).text = it->get<std::string>();
  }
  item.materials = rows_from(o.value("materials", json::array()), kMaterialColumns, origin);
  item.steps = rows_from(o.value("steps", json::array()), kStepColumns, origin);
  item.fees = rows_from(o.value("fees", json::array()), kFeeColumns, origin);
  item.faqs = rows_from(o.value("faqs", json::array()), kFaqColumns, origin);
  return item;
}

std::vector<FieldChange> item_changes(const Item& before, const Item& after) {
  std::vector<FieldChange> out;
  for (const ElementInfo& e : elements())
    if (before.get(e.id) != after.get(e.id))
      out.push_back({std::string(e.label), before.get(e.id), after.get(e.id)});
  row_changes("申请材料", before.materials, after.materials, kMaterialColumns, &out);
  row_changes("办理流程", before.steps, after.steps, kStepColumns, &out);
  row_changes("收费项目", before.fees, after.fees, kFeeColumns, &out);
  row_changes("常见问题", before.faqs, after.faqs, kFaqColumns, &out);
  return out;
}

}  // namespace qd
