#include "writers/portal/portal.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "base/files.h"
#include "base/text.h"
#include "writers/portal/data.h"
#include "writers/portal/favicon.h"
#include "writers/portal/html.h"
#include "model/display.h"

namespace qd {

namespace fs = std::filesystem;

namespace portal {

namespace {

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

std::string numeral(int n) { return n >= 1 && n <= 10 ? kNumerals[n - 1] : std::to_string(n); }

Result<std::string> read_template(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Place{path.string()}, "无法读取门户网站模板文件");
  return std::string(std::istreambuf_iterator<char>(in), {});
}


// The kind (事项类型) of an item: its code and label.
struct Kind {
  std::string code;   // "01" … "20", or "other"
  std::string label;  // 行政许可 …
};

Kind kind_of(const Item& item) {
  const CodeValue* v = item_types().find(item.get(El::Type));
  if (!v) return {"other", "其他"};
  return {std::string(v->code), std::string(v->label)};
}

// A <td> with the column label for the stacked phone layout.
std::string td(std::string_view label, const std::string& html) {
  return "<td data-label=\"" + escape(label) + "\">" + html + "</td>";
}

std::string th_cols(const std::vector<std::string>& labels) {
  std::string out = "<thead><tr>";
  for (const std::string& l : labels) out += "<th scope=\"col\">" + escape(l) + "</th>";
  return out + "</tr></thead>\n";
}

// Rows of a two-column field table; rows with an empty value are left out.
struct FieldRows {
  std::string html;
  void add(std::string_view label, const std::string& value_html) {
    if (value_html.empty()) return;
    html += "<tr><th scope=\"row\">" + escape(label) + "</th><td>" + value_html + "</td></tr>\n";
  }
  void text(std::string_view label, const std::string& value) { add(label, escape_lines(value)); }
};

bool phone_like(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ')) return false;
  return true;
}

std::string phone_html(const std::string& phone) {
  if (!phone_like(phone)) return escape_lines(phone);
  std::string digits;
  for (char c : phone)
    if (c != ' ') digits += c;
  return "<a href=\"tel:" + escape(digits) + "\">" + escape(phone) + "</a>";
}

bool web_url(std::string_view s) {
  if (!(s.starts_with("https://") || s.starts_with("http://"))) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>') return false;
  return true;
}

std::string url_html(const std::string& url) {
  if (!web_url(url)) return escape_lines(url);
  return "<a class=\"code\" href=\"" + escape(url) + "\">" + escape(url) + "</a>";
}

// "原件1份、复印件2份" as the PDF guide prints the 份数 column.
std::string copies_of(const Material& m) {
  std::string out;
  auto count = [&](const std::string& what, const Field& f) {
    if (f.text.empty() || f.text == "0") return;
    if (!out.empty()) out += "\n";
    out += what + f.text + (all_digits(f.text) ? "份" : "");
  };
  count("原件", m.originals);
  count("复印件", m.copies);
  return out;
}

// Wraps text into lines of at most `width` ems (CJK 1 em, ASCII about 0.55).
std::vector<std::string> wrap(const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  double w = 0;
  for (char32_t cp : utf8_decode(text)) {
    if (cp == U'\n' || cp == U'\r') continue;
    double cw = cp < 0x80 ? 0.55 : 1.0;
    if (w + cw > width && !line.empty()) {
      lines.push_back(line);
      line.clear();
      w = 0;
    }
    utf8_append(line, cp);
    w += cw;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

// The meta description of an item's page (search engines show it under the
// title): the item, its department and what the guide tells.
std::string item_description(const Item& item) {
  std::string d = item.get(El::Name) + "（" + item.department + "）办事指南：受理条件、申请材料、办理流程";
  const std::string limit = guide_value(item, El::PromisedLimit);
  if (!limit.empty()) d += "，承诺办结时限" + limit;
  const std::string fee = guide_value(item, El::FeeStandard);
  if (fee == "不收费") d += "，不收费";
  return d + "。";
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

}  // namespace

std::string flow_chart_svg(const Item& item) {
  if (item.steps.empty()) return "";
  const double W = 320, box_x = 10, box_w = 300, pad = 10;
  const double name_size = 15, name_pitch = 20, note_size = 13, note_pitch = 18, gap = 30;
  std::string body, titles;
  double y = 4;
  int n = 0;
  for (const Step& s : item.steps) {
    ++n;
    std::vector<std::string> name = wrap(std::to_string(n) + ". " + s.step.text, (box_w - 2 * pad) / name_size);
    std::vector<std::string> note;
    if (!s.limit.text.empty()) note = wrap("时限：" + s.limit.text, (box_w - 2 * pad) / note_size);
    const double h = 2 * pad + name.size() * name_pitch + note.size() * note_pitch;
    if (n > 1) {
      // An arrow from the previous box down to this one.
      body += "<line x1=\"160\" y1=\"" + fmt(y - gap) + "\" x2=\"160\" y2=\"" + fmt(y - 8) +
              "\" class=\"arrow\" stroke=\"#333\" stroke-width=\"1.5\"/>";
      body += "<polygon points=\"153," + fmt(y - 10) + " 167," + fmt(y - 10) + " 160," + fmt(y - 1) +
              "\" class=\"head\" fill=\"#333\"/>\n";
    }
    body += "<rect x=\"" + fmt(box_x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(box_w) + "\" height=\"" +
            fmt(h) + "\" rx=\"6\" class=\"box\" fill=\"#fff\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>";
    double ty = y + pad + name_pitch - 5;
    for (const std::string& l : name) {
      body += "<text x=\"160\" y=\"" + fmt(ty) + "\" class=\"name\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\">" + escape(l) + "</text>";
      ty += name_pitch;
    }
    ty -= 2;
    for (const std::string& l : note) {
      body += "<text x=\"160\" y=\"" + fmt(ty) + "\" class=\"note\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333\">" + escape(l) + "</text>";
      ty += note_pitch;
    }
    body += "\n";
    if (!titles.empty()) titles += " → ";
    titles += s.step.text + (s.limit.text.empty() ? "" : "（" + s.limit.text + "）");
    y += h + gap;
  }
  const double H = y - gap + 4;
  return "<svg class=\"flow\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + fmt(W) + " " + fmt(H) +
         "\" width=\"" + fmt(W) + "\" height=\"" + fmt(H) + "\" role=\"img\" aria-labelledby=\"flow-title\">\n"
         "<title id=\"flow-title\">办理流程图：" + escape(titles) + "</title>\n" + body + "</svg>";
}

namespace {

// ---- The site ------------------------------------------------------------------

struct DeptPage {
  const DepartmentInfo* info;
  std::string path;                // dept/01.html
  std::vector<const Item*> items;  // published, in input order
  std::string guide;               // guides/<部门>.pdf inside the portal, or ""
};

// The site, written in parts: one per department (its page, its items'
// pages, its booklet and notices linked in) and the county's (index, kinds,
// open data, assets), so that a change re-renders only its department's
// pages. Each part is dated by the list version of what it shows.
class Site {
 public:
  Site(const Catalog& c, const OutputContext& ctx, std::vector<std::string>* written)
      : catalog_(c),
        ctx_(ctx),
        paths_(paths_of(ctx, c)),
        written_(written),
        root_(fs::path(ctx.output_dir) / "portal") {}

  // Reads the page frame and lists the departments with their pages.
  Status prepare();
  // Writes department `i`'s part (settings order).
  Status department(size_t i);
  // Writes the county's part.
  Status county();
  // Writes the whole site into a fresh portal folder.
  Status run();

 private:
  Status put(const std::string& rel, std::string_view bytes) {
    QD_TRY(write_file((root_ / rel).string(), bytes));
    written_->push_back("portal/" + rel);
    return Ok{};
  }
  // Writes <portal>/<rel> with `write` (given the full path) and records it.
  template <class Fn>
  Status put_xlsx(const std::string& rel, Fn write) {
    std::error_code ec;
    fs::create_directories((root_ / rel).parent_path(), ec);
    QD_TRY(write((root_ / rel).string()));
    written_->push_back("portal/" + rel);
    return Ok{};
  }
  // Copies <output>/<rel> into the portal when it exists; true if copied.
  Result<bool> copy_in(const std::string& rel);
  std::string page(const std::string& title, const std::string& description, const std::string& root,
                   const std::string& main, Date date, const std::string& scripts = "") const;
  std::string crumbs(const std::string& root, const std::vector<std::pair<std::string, std::string>>& links,
                     const std::string& here) const;
  std::string listing(const std::vector<const Item*>& items, const std::string& root, bool with_dept) const;
  std::string item_body(const Item& item, const DeptPage& dept, Date date) const;
  const DeptPage* dept_of(const Item& item) const {
    for (const DeptPage& d : depts_)
      if (d.info->name == item.department) return &d;
    return nullptr;
  }

  const Catalog& catalog_;
  const OutputContext& ctx_;
  std::shared_ptr<const OutputPaths> paths_;
  std::vector<std::string>* written_;
  fs::path root_;
  std::string frame_;
  std::vector<DeptPage> depts_;
  std::map<const Item*, std::string> notices_;  // item → notices/<部门>/<事项>.pdf
};

Result<bool> Site::copy_in(const std::string& rel) {
  std::error_code ec;
  const fs::path from = fs::path(ctx_.output_dir) / fs::path(rel);
  if (!fs::is_regular_file(from, ec)) return false;
  const fs::path to = root_ / fs::path(rel);
  fs::create_directories(to.parent_path(), ec);
  // A hard link: the same bytes without copying them (the build folder is
  // new, and no writer changes a file once it is written). A copy where the
  // file system cannot link.
  fs::remove(to, ec);
  fs::create_hard_link(from, to, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  }
  if (ec) return make_error(Place{to.string()}, "无法复制到门户网站：" + ec.message());
  written_->push_back("portal/" + rel);
  return true;
}

std::string Site::page(const std::string& title, const std::string& description, const std::string& root,
                       const std::string& main, Date date, const std::string& scripts) const {
  const std::string site = catalog_.settings.county + "政务服务事项";
  return fill(frame_, {{"title", escape(title == site ? site : title + " - " + site)},
                       {"description", escape(description)},
                       {"root", root},
                       {"site", escape(site)},
                       {"office", escape(catalog_.settings.office)},
                       {"version", escape(date.chinese())},
                       {"main", main},
                       {"scripts", scripts}});
}

std::string Site::crumbs(const std::string& root,
                         const std::vector<std::pair<std::string, std::string>>& links,
                         const std::string& here) const {
  std::string out = "<nav class=\"crumbs\" aria-label=\"当前位置\"><ol><li><a href=\"" + root +
                    "index.html\">首页</a></li>";
  for (const auto& [href, text] : links)
    out += "<li><a href=\"" + escape(href) + "\">" + escape(text) + "</a></li>";
  return out + "<li aria-current=\"page\">" + escape(here) + "</li></ol></nav>\n";
}

std::string Site::listing(const std::vector<const Item*>& items, const std::string& root,
                          bool with_dept) const {
  if (items.empty()) return "<p>暂无公布的事项。</p>\n";
  std::vector<std::string> cols = {"事项名称"};
  if (with_dept) cols.push_back("部门");
  for (const char* c : {"事项类型", "办件类型", "承诺办结时限", "到现场次数", "收费"}) cols.emplace_back(c);
  std::string out = "<table class=\"list stack\">\n" + th_cols(cols) + "<tbody>\n";
  for (const Item* it : items) {
    const std::string path = OutputPaths::item_page(*it);
    std::string name = escape(it->get(El::Name));
    if (!path.empty()) name = "<a href=\"" + root + path + "\">" + name + "</a>";
    out += "<tr>" + td("事项名称", name);
    if (with_dept) {
      const DeptPage* d = dept_of(*it);
      out += td("部门", d ? "<a href=\"" + root + d->path + "\">" + escape(it->department) + "</a>"
                          : escape(it->department));
    }
    out += td("事项类型", escape(kind_of(*it).label)) +
           td("办件类型", escape(guide_value(*it, El::CaseType))) +
           td("承诺办结时限", escape(guide_value(*it, El::PromisedLimit))) +
           td("到现场次数", escape(guide_value(*it, El::Visits))) +
           td("收费", escape_lines(guide_value(*it, El::FeeStandard))) + "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string Site::item_body(const Item& item, const DeptPage& dept, Date date) const {
  const std::string root = "../";
  std::string out = crumbs(root, {{root + dept.path, dept.info->name}}, item.get(El::Name));
  out += "<article class=\"guide\">\n<h1>" + escape(item.get(El::Name)) + "</h1>\n";
  out += "<p class=\"meta\">实施编码：<span class=\"code\">" + escape(item.get(El::ImplCode)) +
         "</span><br>清单版本：" + escape(date.chinese()) + "</p>\n";
  std::string downloads;
  if (!dept.guide.empty())
    downloads += "<li><a href=\"" + root + escape(dept.guide) + "\">办事指南（PDF，" + escape(dept.info->name) + "）</a></li>";
  if (auto it = notices_.find(&item); it != notices_.end())
    downloads += "<li><a href=\"" + root + escape(it->second) + "\">一次性告知单（PDF）</a></li>";
  if (!downloads.empty()) out += "<ul class=\"downloads\">" + downloads + "</ul>\n";

  int section = 0;
  auto fields = [&](const std::string& heading, const FieldRows& rows) {
    if (rows.html.empty()) return;
    out += "<h2>" + numeral(++section) + "、" + escape(heading) + "</h2>\n<table class=\"fields\">\n<tbody>\n" +
           rows.html + "</tbody></table>\n";
  };
  auto v = [&](El e) { return guide_value(item, e); };

  // §8 1–6.
  FieldRows basic;
  basic.text("事项类型", v(El::Type));
  basic.text("设定依据", v(El::Basis));
  basic.text("实施主体", v(El::Agency));
  basic.text("承办机构", v(El::HandlingUnit));
  basic.text("联办机构", v(El::CoAgencies));
  basic.text("服务对象", v(El::Audience));
  basic.text("受理条件", v(El::Conditions));
  fields("基本信息", basic);

  // §8 7: materials.
  out += "<h2>" + numeral(++section) + "、申请材料</h2>\n";
  if (item.materials.empty()) {
    out += "<p>无需提交申请材料。</p>\n";
  } else {
    out += "<table class=\"materials stack\">\n" +
           th_cols({"序号", "材料名称", "材料类型", "份数", "材料形式", "来源渠道", "是否必需"}) + "<tbody>\n";
    int n = 0;
    for (const Material& m : item.materials) {
      ++n;
      std::string title = "<span class=\"title\">" + escape(m.title.text) + "</span>";
      // The note on a line of its own, smaller, after "注：".
      if (const std::string note = material_note(m); !note.empty())
        title += "<span class=\"note\">" + escape(note) + "</span>";
      std::string source = escape(display_code(&material_sources(), false, m.source.text));
      if (!m.source_note.text.empty()) source += (source.empty() ? "" : "<br>") + escape_lines(m.source_note.text);
      out += "<tr>" + td("序号", escape(m.seq.text.empty() ? std::to_string(n) : m.seq.text)) +
             td("材料名称", title) +
             td("材料类型", escape(display_code(&material_kinds(), false, m.kind.text))) +
             td("份数", escape_lines(copies_of(m))) +
             td("材料形式", escape(display_code(&material_forms(), false, m.form.text))) +
             td("来源渠道", source) +
             td("是否必需", escape(display_code(&material_needs(), false, m.need.text))) + "</tr>\n";
    }
    out += "</tbody></table>\n";
  }

  // §8 8: procedure, as a table and a flow chart.
  out += "<h2>" + numeral(++section) + "、办理流程</h2>\n";
  if (item.steps.empty()) {
    out += "<p>按办理地点窗口的指引办理。</p>\n";
  } else {
    out += "<h3>办理步骤</h3>\n<table class=\"steps stack\">\n" +
           th_cols({"序号", "环节名称", "办理人员", "办理时限", "审查标准", "办理结果"}) + "<tbody>\n";
    int n = 0;
    for (const Step& s : item.steps) {
      ++n;
      out += "<tr>" + td("序号", escape(s.seq.text.empty() ? std::to_string(n) : s.seq.text)) +
             td("环节名称", s.step.text.empty() ? "" : "<span class=\"step\">" + escape(s.step.text) + "</span>") +
             td("办理人员", escape_lines(s.staff.text)) +
             td("办理时限", s.limit.text.empty() ? "" : "<span class=\"limit\">" + escape(s.limit.text) + "</span>") +
             td("审查标准", escape_lines(s.standard.text)) + td("办理结果", escape_lines(s.outcome.text)) +
             "</tr>\n";
    }
    out += "</tbody></table>\n<h3>流程图</h3>\n<figure class=\"flow\">\n" + flow_chart_svg(item) +
           "\n</figure>\n";
  }

  // §8 9–10.
  FieldRows limits;
  limits.text("法定办结时限", v(El::LegalLimit));
  limits.text("承诺办结时限", v(El::PromisedLimit));
  limits.text("办件类型", v(El::CaseType));
  limits.text("收费标准", v(El::FeeStandard));
  limits.text("收费依据", v(El::FeeBasis));
  fields("办结时限和收费", limits);

  // §8 11–14.
  FieldRows how;
  how.text("办理形式", v(El::Channels));
  how.text("到现场次数", v(El::Visits));
  how.text("网上办理深度", v(El::OnlineDepth));
  how.add("网上办理地址", url_html(v(El::OnlineUrl)));
  how.text("办理地点", v(El::Place));
  how.text("办理时间", v(El::Hours));
  fields("办理方式、地点和时间", how);

  // §8 15–17.
  FieldRows contact;
  contact.add("咨询电话", phone_html(v(El::ConsultPhone)));
  contact.add("监督投诉电话", phone_html(v(El::ComplaintPhone)));
  contact.text("审批结果", v(El::Result));
  fields("咨询、监督和审批结果", contact);

  // §8 18.
  if (!item.faqs.empty()) {
    out += "<h2>" + numeral(++section) + "、常见问题</h2>\n<dl class=\"faq\">\n";
    for (const Faq& q : item.faqs)
      out += "<dt>问：" + escape_lines(q.question.text) + "</dt><dd>答：" + escape_lines(q.answer.text) + "</dd>\n";
    out += "</dl>\n";
  }
  out += "</article>\n";
  return out;
}

Status Site::run() {
  // A writer owns its folder: nothing of an earlier site stays.
  std::error_code ec;
  fs::remove_all(root_, ec);
  if (ec) return make_error(Place{root_.string()}, "无法清理门户网站文件夹：" + ec.message());
  QD_TRY(prepare());
  for (size_t i = 0; i < depts_.size(); ++i) QD_TRY(department(i));
  return county();
}

Status Site::prepare() {
  const fs::path tdir = fs::path(ctx_.templates_dir) / "portal";
  auto frame = read_template(tdir / "page.html");
  if (!frame.ok()) return frame.error();
  frame_ = std::move(frame.value());
  const std::vector<std::string> paths = OutputPaths::department_pages(catalog_.settings);
  for (size_t i = 0; i < catalog_.settings.departments.size(); ++i) {
    const DepartmentInfo& d = catalog_.settings.departments[i];
    depts_.push_back({&d, paths[i], catalog_.published(d.name), ""});
  }
  return Ok{};
}

Status Site::department(size_t i) {
  DeptPage& d = depts_.at(i);
  const Date date = catalog_.version_of(d.items);
  // The booklet and the items' notices, linked in.
  const std::string guide = paths_->guide(*d.info);
  auto copied = copy_in(guide);
  if (!copied.ok()) return copied.error();
  if (copied.value()) d.guide = url_path(guide);
  for (const Item* it : d.items) {
    const std::string notice = paths_->notice(*it);
    if (notice.empty()) continue;
    auto n = copy_in(notice);
    if (!n.ok()) return n.error();
    if (n.value()) notices_[it] = url_path(notice);
  }
  // The items' pages.
  for (const Item* it : d.items) {
    const std::string path = OutputPaths::item_page(*it);
    if (!path.empty())
      QD_TRY(put(path, page(it->get(El::Name), item_description(*it), "../", item_body(*it, d, date), date)));
  }
  // The department's page.
  std::string main = crumbs("../", {}, d.info->name);
  main += "<h1>" + escape(d.info->name) + "</h1>\n<p>公布事项 " + std::to_string(d.items.size()) +
          " 个；清单版本：" + escape(date.chinese()) + "。</p>\n";
  if (!d.guide.empty())
    main += "<ul class=\"downloads\"><li><a href=\"../" + escape(d.guide) + "\">本部门办事指南（PDF）</a></li></ul>\n";
  main += listing(d.items, "../", false);
  const std::string description = d.info->name + "公布的政务服务事项 " + std::to_string(d.items.size()) +
                                  " 个及其办事指南：受理条件、申请材料、办理流程、办结时限和收费（清单版本：" +
                                  date.chinese() + "）。";
  return put(d.path, page(d.info->name, description, "../", main, date));
}

Status Site::county() {
  const Date date = catalog_.version();
  const std::string county = catalog_.settings.county;
  // The style sheet, the search script and the icon: only the county's part has them.
  const fs::path tdir = fs::path(ctx_.templates_dir) / "portal";
  auto css = read_template(tdir / "site.css");
  if (!css.ok()) return css.error();
  auto js = read_template(tdir / "search.js");
  if (!js.ok()) return js.error();
  QD_TRY(put("assets/site.css", css.value()));
  QD_TRY(put("assets/search.js", js.value()));
  QD_TRY(put("favicon.ico", favicon_ico()));

  // The search index and the kinds.
  std::vector<SearchEntry> search;
  std::map<std::string, std::pair<std::string, std::vector<const Item*>>> kinds;  // code → label, items
  int total = 0;
  for (const DeptPage& d : depts_) {
    for (const Item* it : d.items) {
      const std::string path = OutputPaths::item_page(*it);
      if (path.empty()) continue;
      ++total;
      Kind k = kind_of(*it);
      auto& entry = kinds[k.code];
      entry.first = k.label;
      entry.second.push_back(it);
      SearchEntry e{it->get(El::Name), it->department, k.label, path, {},
                    guide_value(*it, El::Basis), guide_value(*it, El::Conditions)};
      for (const Material& m : it->materials) e.materials.push_back(m.title.text);
      search.push_back(std::move(e));
    }
  }

  // Kind pages.
  for (const auto& [code, entry] : kinds) {
    std::string main = crumbs("../", {}, entry.first);
    main += "<h1>" + escape(entry.first) + "</h1>\n<p>公布事项 " + std::to_string(entry.second.size()) +
            " 个；清单版本：" + escape(date.chinese()) + "。</p>\n";
    main += listing(entry.second, "../", true);
    const std::string description = county + "的" + entry.first + "类政务服务事项 " +
                                    std::to_string(entry.second.size()) + " 个，按部门列出，附各事项的办事指南。";
    QD_TRY(put("kind/" + code + ".html", page(entry.first, description, "../", main, date)));
  }

  // Open data. The search index twice: data/search.json for anyone, and
  // data/search.js, the same JSON wrapped in a call, which the index page
  // loads (a script works from file:// too, where fetch() does not).
  const std::string index = dump(search_json(search, date), -1);
  QD_TRY(put("data/search.json", index));
  QD_TRY(put("data/search.js", search_script(index)));
  QD_TRY(put("data/catalog.json", dump(catalog_json(catalog_, date), 1)));
  QD_TRY(put("data/catalog.csv", catalog_csv(catalog_)));
  QD_TRY(put_xlsx("data/catalog.xlsx", [&](const std::string& path) { return write_catalog_xlsx(catalog_, date, path); }));
  QD_TRY(put("data/implementation.json", dump(implementation_json(catalog_, date), 1)));
  QD_TRY(put("data/implementation.csv", implementation_csv(catalog_)));
  QD_TRY(put_xlsx("data/implementation.xlsx",
                  [&](const std::string& path) { return write_implementation_xlsx(catalog_, date, path); }));
  QD_TRY(put("data/README.html",
             page("开放数据字段说明",
                  county + "政务服务事项开放数据：目录清单和实施清单的 Excel、CSV、JSON 文件，哪个文件做什么用，以及每个字段的含义。",
                  "../", crumbs("../", {}, "开放数据") + fields_page_body(catalog_), date)));

  // The index.
  const std::string county_html = escape(county);
  std::string main;
  main += "<h1>" + county_html + "政务服务事项</h1>\n";
  main += "<p class=\"lead\">" + escape(catalog_.settings.office) + "公布的" + county_html + "政务服务事项目录清单、实施清单和办事指南。共 " +
          std::to_string(total) + " 个事项；清单版本：" + escape(date.chinese()) + "。</p>\n";
  main += "<section class=\"search\" aria-labelledby=\"search-heading\">\n<h2 id=\"search-heading\">查找事项</h2>\n"
          "<form role=\"search\" onsubmit=\"return false\">\n"
          "<label for=\"q\">输入事项名称、部门、申请材料、设定依据或受理条件中的词语</label>\n"
          "<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"如：营业执照、身份证、社会救助\">\n"
          "</form>\n<p id=\"search-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
          "<ol id=\"results\" class=\"results\"></ol>\n"
          "<noscript><p>搜索需要启用 JavaScript；也可以按部门或事项类型浏览。</p></noscript>\n</section>\n";
  main += "<h2>按部门浏览</h2>\n<table class=\"counts\">\n" + th_cols({"部门", "事项数"}) + "<tbody>\n";
  for (const DeptPage& d : depts_)
    main += "<tr><td><a href=\"" + d.path + "\">" + escape(d.info->name) + "</a></td><td class=\"num\">" +
            std::to_string(d.items.size()) + "</td></tr>\n";
  main += "</tbody></table>\n";
  main += "<h2>按事项类型浏览</h2>\n<table class=\"counts\">\n" + th_cols({"事项类型", "事项数"}) + "<tbody>\n";
  for (const auto& [code, entry] : kinds)
    main += "<tr><td><a href=\"kind/" + code + ".html\">" + escape(entry.first) + "</a></td><td class=\"num\">" +
            std::to_string(entry.second.size()) + "</td></tr>\n";
  main += "</tbody></table>\n";
  main += "<h2>开放数据</h2>\n<p>目录清单和实施清单的 Excel（.xlsx）、CSV、JSON 文件及字段说明见<a href=\"data/README.html\">开放数据</a>。</p>\n";
  const std::string scripts = "<script src=\"assets/search.js\" data-root=\"\"></script>\n";
  QD_TRY(put("index.html",
             page(county + "政务服务事项",
                  catalog_.settings.office + "公布的" + county + "政务服务事项目录清单、实施清单和办事指南，共 " +
                      std::to_string(total) + " 个事项；可按部门、事项类型浏览，按名称、材料、设定依据或受理条件搜索。",
                  "", main, date, scripts)));
  return Ok{};
}

}  // namespace
}  // namespace portal

Status write_portal(const Catalog& catalog, const OutputContext& ctx, std::vector<std::string>* written) {
  std::vector<std::string> local;
  portal::Site site(catalog, ctx, written ? written : &local);
  return site.run();
}

Result<std::vector<Part>> plan_portal(const Catalog& catalog, const OutputContext&, const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  const std::vector<std::string> paths = OutputPaths::department_pages(catalog.settings);
  // Phase 1: the parts link the booklets and notices this build wrote.
  for (size_t i = 0; i < catalog.settings.departments.size(); ++i) {
    const DepartmentInfo& d = catalog.settings.departments[i];
    const std::vector<const Item*> items = catalog.published(d.name);
    Part p;
    p.id = "portal/" + paths[i];
    p.made_from = digests.of("portal", p.id, items, d.name + "\t" + paths[i]);
    p.phase = 1;
    p.cost = 1 + static_cast<double>(items.size()) / 20;
    p.department = d.name;
    p.render = [c, i](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      portal::Site site(*c, ctx, written);
      QD_TRY(site.prepare());
      return site.department(i);
    };
    parts.push_back(std::move(p));
  }
  const std::vector<const Item*> all = catalog.published();
  Part p;
  p.id = "portal";
  p.made_from = digests.of("portal", p.id, all);
  p.phase = 1;
  p.cost = 2 + static_cast<double>(all.size()) / 100;
  p.render = [c](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
    portal::Site site(*c, ctx, written);
    QD_TRY(site.prepare());
    return site.county();
  };
  parts.push_back(std::move(p));
  return parts;
}

}  // namespace qd
