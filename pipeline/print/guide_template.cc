#include "print/guide_template.h"

#include <tinyxml2.h>

#include <charconv>
#include <cstring>

namespace qd {

namespace {

using layout::TextStyle;

struct Reader {
  std::string file;
  Error err(const tinyxml2::XMLElement* e, const std::string& msg) const {
    return make_error(Place{file, e ? "第" + std::to_string(e->GetLineNum()) + "行" : "", ""}, msg);
  }
};

bool parse_number(const char* s, double* out) {
  if (!s) return false;
  std::string_view v(s);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  auto r = std::from_chars(v.data(), v.data() + v.size(), *out);
  return r.ec == std::errc() && r.ptr == v.data() + v.size();
}

// Reads an optional numeric attribute into *out.
Status number(const Reader& rd, const tinyxml2::XMLElement* e, const char* name, double* out,
              double min, double max) {
  const char* v = e->Attribute(name);
  if (!v) return Ok{};
  double d = 0;
  if (!parse_number(v, &d) || d < min || d > max)
    return rd.err(e, std::string("<") + e->Name() + "> 的属性 " + name + "=\"" + v +
                         "\" 不是 " + std::to_string(static_cast<int>(min)) + " 到 " +
                         std::to_string(static_cast<int>(max)) + " 之间的数");
  *out = d;
  return Ok{};
}

Status read_style(const Reader& rd, const tinyxml2::XMLElement* e, TextStyle* s) {
  if (const char* role = e->Attribute("role")) {
    static const char* kRoles[] = {"title", "body", "heading1", "heading2", "number"};
    int found = -1;
    for (int i = 0; i < kRoleCount; ++i)
      if (std::strcmp(role, kRoles[i]) == 0) found = i;
    if (found < 0)
      return rd.err(e, std::string("未知的字体角色 role=\"") + role +
                           "\"（应为 title、body、heading1、heading2 或 number）");
    s->role = static_cast<Role>(found);
  }
  QD_TRY(number(rd, e, "size", &s->size, 4, 200));
  QD_TRY(number(rd, e, "pitch", &s->pitch, 4, 300));
  QD_TRY(number(rd, e, "before", &s->before, 0, 300));
  QD_TRY(number(rd, e, "after", &s->after, 0, 300));
  QD_TRY(number(rd, e, "indent", &s->indent, 0, 10));
  QD_TRY(number(rd, e, "tracking", &s->tracking, -10, 100));
  if (const char* a = e->Attribute("align")) {
    if (std::strcmp(a, "left") == 0) s->align = ts::ParagraphStyle::Align::Left;
    else if (std::strcmp(a, "center") == 0) s->align = ts::ParagraphStyle::Align::Center;
    else if (std::strcmp(a, "right") == 0) s->align = ts::ParagraphStyle::Align::Right;
    else return rd.err(e, std::string("未知的对齐方式 align=\"") + a + "\"（应为 left、center 或 right）");
  }
  if (s->pitch < s->size * 0.9)
    return rd.err(e, "行距（pitch）小于字号（size），文字会重叠");
  return Ok{};
}

const ElementInfo* element_by_key(std::string_view key) {
  for (const ElementInfo& e : elements())
    if (e.key == key) return &e;
  return nullptr;
}

const char* const kDefaultFields[][2] = {
    {"type", "事项类型"}, {"basis", "设定依据"}, {"agency", "实施主体"},
    {"handling_unit", "承办机构"}, {"co_agencies", "联办机构"}, {"audience", "服务对象"},
    {"conditions", "受理条件"}, {"legal_limit", "法定办结时限"}, {"promised_limit", "承诺办结时限"},
    {"fee_standard", "收费标准"}, {"fee_basis", "收费依据"}, {"channels", "办理形式"},
    {"visits", "到现场次数"}, {"online_url", "网上办理地址"}, {"place", "办理地点"},
    {"hours", "办理时间"}, {"consult_phone", "咨询电话"}, {"complaint_phone", "监督电话"},
    {"result", "审批结果"}};

}  // namespace

GuideTemplate GuideTemplate::defaults() {
  GuideTemplate t;
  t.field_label.align = ts::ParagraphStyle::Align::Center;
  t.table_header.align = ts::ParagraphStyle::Align::Center;
  t.title.align = ts::ParagraphStyle::Align::Center;
  t.cover_title.tracking = 12;
  for (const auto& f : kDefaultFields) t.fields.push_back({element_by_key(f[0])->id, f[1]});
  return t;
}

Result<GuideTemplate> read_guide_template(const std::string& path) {
  Reader rd{path};
  tinyxml2::XMLDocument doc;
  if (doc.LoadFile(path.c_str()) != tinyxml2::XML_SUCCESS) {
    std::string where = doc.ErrorLineNum() > 0 ? "第" + std::to_string(doc.ErrorLineNum()) + "行" : "";
    if (doc.ErrorID() == tinyxml2::XML_ERROR_FILE_NOT_FOUND ||
        doc.ErrorID() == tinyxml2::XML_ERROR_FILE_COULD_NOT_BE_OPENED)
      return make_error(Place{path}, "找不到或无法打开办事指南版式模板");
    return make_error(Place{path, where, ""},
                      std::string("办事指南版式模板不是有效的 XML：") + doc.ErrorName());
  }
  const tinyxml2::XMLElement* root = doc.RootElement();
  if (!root || std::strcmp(root->Name(), "guide") != 0)
    return rd.err(root, "办事指南版式模板的根元素应为 <guide>");
  GuideTemplate t = GuideTemplate::defaults();

  if (const tinyxml2::XMLElement* p = root->FirstChildElement("page")) {
    double w = 210, h = 297, top = 37, left = 28, tw = 156, th = 225;
    QD_TRY(number(rd, p, "width", &w, 50, 2000));
    QD_TRY(number(rd, p, "height", &h, 50, 2000));
    QD_TRY(number(rd, p, "top", &top, 0, 1000));
    QD_TRY(number(rd, p, "left", &left, 0, 1000));
    QD_TRY(number(rd, p, "text-width", &tw, 20, 2000));
    QD_TRY(number(rd, p, "text-height", &th, 20, 2000));
    if (left + tw > w || top + th > h)
      return rd.err(p, "版心超出了纸张：订口加版心宽度须不大于纸宽，天头加版心高度须不大于纸高");
    const double mm = layout::kMm;
    t.frame = layout::Frame{w * mm, h * mm, top * mm, left * mm, tw * mm, th * mm};
  }

  struct Kind {
    const char* name;
    TextStyle* style;
  };
  const Kind kinds[] = {
      {"title", &t.title}, {"heading1", &t.heading1}, {"heading2", &t.heading2},
      {"body", &t.body}, {"field-label", &t.field_label}, {"field-value", &t.field_value},
      {"table", &t.table}, {"table-header", &t.table_header}, {"table-note", &t.table_note},
      {"flow-name", &t.flow_name},
      {"flow-note", &t.flow_note}, {"cover-county", &t.cover_county},
      {"cover-department", &t.cover_department}, {"cover-title", &t.cover_title},
      {"cover-version", &t.cover_version}, {"contents-title", &t.contents_title},
      {"contents-department", &t.contents_department}, {"contents-entry", &t.contents_entry},
      {"department-title", &t.department_title}, {"page-number", &t.page_number},
      {"footer", &t.footer}};
  if (const tinyxml2::XMLElement* styles = root->FirstChildElement("styles")) {
    for (const tinyxml2::XMLElement* e = styles->FirstChildElement(); e; e = e->NextSiblingElement()) {
      if (std::strcmp(e->Name(), "style") != 0)
        return rd.err(e, std::string("<styles> 中只能有 <style>，不认识 <") + e->Name() + ">");
      const char* kind = e->Attribute("kind");
      if (!kind) return rd.err(e, "<style> 缺少 kind 属性");
      TextStyle* s = nullptr;
      for (const Kind& k : kinds)
        if (std::strcmp(kind, k.name) == 0) s = k.style;
      if (!s) return rd.err(e, std::string("未知的文字类别 kind=\"") + kind + "\"");
      // A style given without a pitch keeps its line height relative to its size.
      if (!e->Attribute("pitch") && e->Attribute("size")) {
        double size = s->size;
        QD_TRY(number(rd, e, "size", &size, 4, 200));
        s->pitch = s->pitch * size / s->size;
      }
      QD_TRY(read_style(rd, e, s));
    }
  }
  if (const tinyxml2::XMLElement* ft = root->FirstChildElement("field-table")) {
    QD_TRY(number(rd, ft, "label-width", &t.label_width, 0.1, 100));
    QD_TRY(number(rd, ft, "value-width", &t.value_width, 0.1, 100));
  }
  if (const tinyxml2::XMLElement* fc = root->FirstChildElement("flow-chart")) {
    double cols = t.flow_columns;
    QD_TRY(number(rd, fc, "columns", &cols, 1, 8));
    t.flow_columns = static_cast<int>(cols);
  }
  if (const tinyxml2::XMLElement* fields = root->FirstChildElement("fields")) {
    t.fields.clear();
    for (const tinyxml2::XMLElement* e = fields->FirstChildElement(); e; e = e->NextSiblingElement()) {
      if (std::strcmp(e->Name(), "field") != 0)
        return rd.err(e, std::string("<fields> 中只能有 <field>，不认识 <") + e->Name() + ">");
      const char* key = e->Attribute("key");
      if (!key) return rd.err(e, "<field> 缺少 key 属性");
      const ElementInfo* info = element_by_key(key);
      if (!info || info->need == Need::SubTable)
        return rd.err(e, std::string("未知的字段 key=\"") + key +
                             "\"（应为要素的键名，如 type、basis、agency，见 model/elements.h）");
      const char* label = e->Attribute("label");
      t.fields.push_back({info->id, label && *label ? label : std::string(info->label)});
    }
  }
  return t;
}

}  // namespace qd
