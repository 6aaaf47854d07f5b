#include "docx/docx.h"

#include <tinyxml2.h>
#include <zip.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "base/files.h"

namespace qd::docx {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// ---- Styles ----------------------------------------------------------------

struct StyleDef {
  const char* id;
  const char* name;
  const char* role;       // font role
  double size;            // pt
  bool bold = false;
  Align align = Align::Both;
  double first_line = 0;  // chars
  double line = 28.95;    // exact line pitch in pt; 0 = single (auto)
  double before = 0, after = 0;
  int outline = -1;
  bool keep_next = false;
  const char* color = nullptr;
};

const std::vector<StyleDef>& style_defs() {
  static const std::vector<StyleDef> defs = {
      {"Normal", "Normal", "body", 16, false, Align::Both, 0, 28.95},
      {"Title", "标题", "title", 22, false, Align::Center, 0, 35, 0, 28.95, -1, true},
      {"Subtitle", "副标题", "heading2", 16, false, Align::Center, 0, 28.95, 0, 14},
      {"Heading1", "一级标题", "heading1", 16, false, Align::Both, 2, 28.95, 0, 0, 0, true},
      {"Heading2", "二级标题", "heading2", 16, false, Align::Both, 2, 28.95, 0, 0, 1, true},
      {"Body", "正文", "body", 16, false, Align::Both, 2, 28.95},
      {"Plain", "无缩进正文", "body", 16, false, Align::Both, 0, 28.95},
      {"Issuer", "发文机关标志", "title", 26, false, Align::Center, 0, 0, 0, 0, -1, true, "FF0000"},
      {"DocNumber", "发文字号", "body", 16, false, Align::Center, 0, 28.95, 0, 0, -1, true},
      {"TableText", "表格文字", "body", 12, false, Align::Left, 0, 0},
      {"TableHeader", "表头", "heading1", 12, false, Align::Center, 0, 0},
      {"Footer", "页脚", "number", 14, false, Align::Right, 0, 0},
  };
  return defs;
}

const StyleDef* style_def(const std::string& id) {
  for (const StyleDef& s : style_defs())
    if (id == s.id) return &s;
  return nullptr;
}

std::string num(long v) { return std::to_string(v); }
long round_l(double v) { return std::lround(v); }

// ---- XML helpers -----------------------------------------------------------

// Drops what XML 1.0 cannot hold (C0 controls other than tab and line feed).
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n') continue;
    out.push_back(c);
  }
  return out;
}

class Xml {
 public:
  Xml() : p_(nullptr, true) {
    p_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"");
  }
  Xml& open(const char* name) {
    p_.OpenElement(name, true);
    return *this;
  }
  Xml& attr(const char* name, const std::string& value) {
    p_.PushAttribute(name, xml_text(value).c_str());
    return *this;
  }
  Xml& attr(const char* name, const char* value) {
    p_.PushAttribute(name, value);
    return *this;
  }
  Xml& text(const std::string& t) {
    p_.PushText(xml_text(t).c_str());
    return *this;
  }
  Xml& close() {
    p_.CloseElement(true);
    return *this;
  }
  // An empty element with up to three attributes.
  Xml& leaf(const char* name, const char* a = nullptr, const std::string& av = "",
            const char* b = nullptr, const std::string& bv = "", const char* c = nullptr,
            const std::string& cv = "") {
    open(name);
    if (a) attr(a, av);
    if (b) attr(b, bv);
    if (c) attr(c, cv);
    return close();
  }
  Xml& val(const char* name, const std::string& v) { return leaf(name, "w:val", v); }
  std::string str() const { return std::string(p_.CStr(), p_.CStrSize() - 1); }

 private:
  tinyxml2::XMLPrinter p_;
};

const char* align_name(Align a) {
  switch (a) {
    case Align::Left: return "left";
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Both: return "both";
    case Align::Inherit: break;
  }
  return nullptr;
}

void fonts_element(Xml& x, const std::string& name) {
  x.open("w:rFonts")
      .attr("w:ascii", name)
      .attr("w:hAnsi", name)
      .attr("w:eastAsia", name)
      .attr("w:cs", name)
      .attr("w:hint", "eastAsia")
      .close();
}

void size_elements(Xml& x, double pt) {
  x.val("w:sz", num(round_l(pt * 2)));
  x.val("w:szCs", num(round_l(pt * 2)));
}

// w:spacing of a line pitch (exact pt, or single when 0).
void spacing_element(Xml& x, double line, double before, double after) {
  x.open("w:spacing")
      .attr("w:before", num(round_l(before * 20)))
      .attr("w:after", num(round_l(after * 20)));
  if (line > 0)
    x.attr("w:line", num(round_l(line * 20))).attr("w:lineRule", "exact");
  else
    x.attr("w:line", "240").attr("w:lineRule", "auto");
  x.close();
}

void border_element(Xml& x, const char* side, int eighths, const std::string& color) {
  x.open(side)
      .attr("w:val", "single")
      .attr("w:sz", num(eighths))
      .attr("w:space", "0")
      .attr("w:color", color)
      .close();
}

void table_borders(Xml& x) {
  x.open("w:tblBorders");
  for (const char* side :
       {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    border_element(x, side, 4, "000000");
  x.close();
}

void table_cell_margins(Xml& x) {
  x.open("w:tblCellMar");
  x.leaf("w:top", "w:w", "28", "w:type", "dxa");
  x.leaf("w:left", "w:w", "85", "w:type", "dxa");
  x.leaf("w:bottom", "w:w", "28", "w:type", "dxa");
  x.leaf("w:right", "w:w", "85", "w:type", "dxa");
  x.close();
}

// ---- document.xml ----------------------------------------------------------

struct Writer {
  const Document& doc;
  Xml& x;

  void run(const Run& r) {
    auto props = [&] {
      bool any = r.bold || !r.color.empty() || r.size > 0 || !r.font.empty() || r.scale != 100;
      if (!any) return;
      x.open("w:rPr");
      if (!r.font.empty()) fonts_element(x, doc.fonts.name(r.font));
      if (r.bold) {
        x.leaf("w:b");
        x.leaf("w:bCs");
      }
      if (!r.color.empty()) x.val("w:color", r.color);
      if (r.scale != 100) x.val("w:w", num(r.scale));
      if (r.size > 0) size_elements(x, r.size);
      x.close();
    };
    if (r.page_field) {
      const char* kinds[] = {"begin", nullptr, "separate", nullptr, "end"};
      for (int i = 0; i < 5; ++i) {
        x.open("w:r");
        props();
        if (kinds[i]) {
          x.leaf("w:fldChar", "w:fldCharType", kinds[i]);
        } else if (i == 1) {
          x.open("w:instrText").attr("xml:space", "preserve").text(" PAGE ").close();
        } else {
          x.open("w:t").text("1").close();
        }
        x.close();
      }
      return;
    }
    x.open("w:r");
    props();
    std::string text = clean(r.text);
    std::string piece;
    auto flush = [&] {
      if (piece.empty()) return;
      x.open("w:t").attr("xml:space", "preserve").text(piece).close();
      piece.clear();
    };
    for (char c : text) {
      if (c == '\n') {
        flush();
        x.leaf("w:br");
      } else if (c == '\t') {
        flush();
        x.leaf("w:tab");
      } else {
        piece.push_back(c);
      }
    }
    flush();
    x.close();
  }

  void paragraph(const Paragraph& p) {
    const StyleDef* s = style_def(p.style.empty() ? "Normal" : p.style);
    double size = s ? s->size : 16;
    x.open("w:p");
    x.open("w:pPr");
    if (!p.style.empty()) x.val("w:pStyle", p.style);
    if (p.keep_next) x.leaf("w:keepNext");
    if (p.page_break_before) x.leaf("w:pageBreakBefore");
    if (!p.border_bottom_color.empty() || !p.border_top_color.empty()) {
      x.open("w:pBdr");
      if (!p.border_top_color.empty())
        x.open("w:top")
            .attr("w:val", "single")
            .attr("w:sz", num(round_l(p.border_top_pt * 8)))
            .attr("w:space", "1")
            .attr("w:color", p.border_top_color)
            .close();
      if (!p.border_bottom_color.empty())
        x.open("w:bottom")
            .attr("w:val", "single")
            .attr("w:sz", num(round_l(p.border_bottom_pt * 8)))
            .attr("w:space", num(round_l(p.border_bottom_space_pt)))
            .attr("w:color", p.border_bottom_color)
            .close();
      x.close();
    }
    if (p.right_tab_mm >= 0) {
      x.open("w:tabs");
      x.open("w:tab").attr("w:val", "right").attr("w:pos", num(twips(p.right_tab_mm))).close();
      x.close();
    }
    if (p.before >= 0 || p.after >= 0) {
      x.open("w:spacing");
      if (p.before >= 0) x.attr("w:before", num(round_l(p.before * 20)));
      if (p.after >= 0) x.attr("w:after", num(round_l(p.after * 20)));
      x.close();
    }
    if (p.first_line_chars >= 0 || p.hanging_chars >= 0 || p.left_chars >= 0 || p.right_chars >= 0) {
      x.open("w:ind");
      auto ind = [&](const char* chars_name, const char* twips_name, double chars) {
        if (chars < 0) return;
        x.attr(chars_name, num(round_l(chars * 100)));
        x.attr(twips_name, num(round_l(chars * size * 20)));
      };
      // Left and right in twips only: with w:rightChars LibreOffice 7.4 put the
      // signature about one character from the margin instead of two; the
      // first-line indent in characters is read alike by both.
      if (p.left_chars >= 0) x.attr("w:left", num(round_l(p.left_chars * size * 20)));
      if (p.right_chars >= 0) x.attr("w:right", num(round_l(p.right_chars * size * 20)));
      ind("w:firstLineChars", "w:firstLine", p.first_line_chars);
      ind("w:hangingChars", "w:hanging", p.hanging_chars);
      x.close();
    }
    if (const char* a = align_name(p.align)) x.val("w:jc", a);
    x.close();  // pPr
    for (const Run& r : p.runs) run(r);
    x.close();
  }

  void table(const Table& t) {
    std::vector<long> widths;
    long total = 0;
    for (double mm : t.widths_mm) {
      widths.push_back(twips(mm));
      total += widths.back();
    }
    x.open("w:tbl");
    x.open("w:tblPr");
    x.val("w:tblStyle", t.style);
    x.leaf("w:tblW", "w:w", num(total), "w:type", "dxa");
    x.val("w:jc", "center");
    table_borders(x);
    x.leaf("w:tblLayout", "w:type", "fixed");
    table_cell_margins(x);
    x.leaf("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:noVBand", "1");
    x.close();
    x.open("w:tblGrid");
    for (long w : widths) x.leaf("w:gridCol", "w:w", num(w));
    x.close();
    for (const Row& row : t.rows) {
      x.open("w:tr");
      if (row.header) {
        x.open("w:trPr");
        x.leaf("w:cantSplit");
        x.leaf("w:tblHeader");
        x.close();
      }
      size_t col = 0;
      for (const Cell& c : row.cells) {
        long w = 0;
        for (int i = 0; i < c.span && col < widths.size(); ++i) w += widths[col++];
        x.open("w:tc");
        x.open("w:tcPr");
        x.leaf("w:tcW", "w:w", num(w), "w:type", "dxa");
        if (c.span > 1) x.val("w:gridSpan", num(c.span));
        if (c.vmerge == Cell::Merge::Restart) x.val("w:vMerge", "restart");
        if (c.vmerge == Cell::Merge::Continue) x.leaf("w:vMerge");
        if (!c.fill.empty())
          x.leaf("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", c.fill);
        x.val("w:vAlign", "center");
        x.close();
        if (c.paragraphs.empty()) paragraph(Paragraph("TableText", ""));
        for (const Paragraph& p : c.paragraphs) paragraph(p);
        x.close();
      }
      x.close();
    }
    x.close();
    // Word needs a paragraph between two tables; LibreOffice too, or it joins them.
  }

  void section() {
    x.open("w:sectPr");
    if (doc.page_numbers) {
      x.leaf("w:footerReference", "w:type", "default", "r:id", "rIdFooterOdd");
      x.leaf("w:footerReference", "w:type", "even", "r:id", "rIdFooterEven");
    }
    x.leaf("w:pgSz", "w:w", num(kPageWidth), "w:h", num(kPageHeight));
    x.open("w:pgMar")
        .attr("w:top", num(kMarginTop))
        .attr("w:right", num(kMarginRight))
        .attr("w:bottom", num(kMarginBottom))
        .attr("w:left", num(kMarginLeft))
        .attr("w:header", "851")
        .attr("w:footer", num(twips(23)))
        .attr("w:gutter", "0")
        .close();
    x.leaf("w:cols", "w:space", "425");
    x.leaf("w:docGrid", "w:linePitch", "579");
    x.close();
  }

  std::string document() {
    x.open("w:document").attr("xmlns:w", kW).attr("xmlns:r", kR);
    x.open("w:body");
    bool last_table = false;
    for (const Block& b : doc.body) {
      if (const Paragraph* p = std::get_if<Paragraph>(&b)) {
        paragraph(*p);
        last_table = false;
      } else {
        if (last_table) paragraph(Paragraph("Plain", ""));
        table(std::get<Table>(b));
        last_table = true;
      }
    }
    // The body must end with a paragraph.
    if (last_table || doc.body.empty()) {
      Paragraph end("Plain", "");
      paragraph(end);
    }
    section();
    x.close();
    x.close();
    return x.str();
  }
};

std::string footer_xml(const Document& doc, bool odd) {
  Xml x;
  x.open("w:ftr").attr("xmlns:w", kW).attr("xmlns:r", kR);
  Paragraph p("Footer", "");
  p.align = odd ? Align::Right : Align::Left;
  (odd ? p.right_chars : p.left_chars) = 1;
  p.runs = {Run{"— "}, Run{}, Run{" —"}};
  p.runs[1].page_field = true;
  Writer w{doc, x};
  w.paragraph(p);
  x.close();
  return x.str();
}

std::string styles_xml(const Document& doc) {
  Xml x;
  x.open("w:styles").attr("xmlns:w", kW).attr("xmlns:r", kR);
  x.open("w:docDefaults");
  x.open("w:rPrDefault").open("w:rPr");
  fonts_element(x, doc.fonts.name("body"));
  x.val("w:kern", "2");
  size_elements(x, 16);
  x.open("w:lang").attr("w:val", "zh-CN").attr("w:eastAsia", "zh-CN").attr("w:bidi", "ar-SA").close();
  x.close().close();
  x.open("w:pPrDefault").open("w:pPr");
  x.leaf("w:widowControl");
  x.close().close();
  x.close();  // docDefaults

  for (const StyleDef& s : style_defs()) {
    x.open("w:style").attr("w:type", "paragraph").attr("w:styleId", s.id);
    if (std::string(s.id) == "Normal") x.attr("w:default", "1");
    x.val("w:name", s.name);
    if (std::string(s.id) != "Normal") x.val("w:basedOn", "Normal");
    if (std::string(s.id) == "Heading1" || std::string(s.id) == "Heading2")
      x.val("w:next", "Body");
    x.leaf("w:qFormat");
    x.open("w:pPr");
    if (s.keep_next) x.leaf("w:keepNext");
    x.leaf("w:snapToGrid", "w:val", "0");
    spacing_element(x, s.line, s.before, s.after);
    x.open("w:ind");
    x.attr("w:firstLineChars", num(round_l(s.first_line * 100)));
    x.attr("w:firstLine", num(round_l(s.first_line * s.size * 20)));
    x.close();
    x.val("w:jc", align_name(s.align));
    if (s.outline >= 0) x.val("w:outlineLvl", num(s.outline));
    x.close();
    x.open("w:rPr");
    fonts_element(x, doc.fonts.name(s.role));
    if (s.bold) {
      x.leaf("w:b");
      x.leaf("w:bCs");
    }
    x.val("w:color", s.color ? s.color : "000000");
    size_elements(x, s.size);
    x.close();
    x.close();
  }

  // The table style.
  x.open("w:style").attr("w:type", "table").attr("w:styleId", "Table");
  x.val("w:name", "表格");
  x.leaf("w:qFormat");
  x.open("w:tblPr");
  x.leaf("w:jc", "w:val", "center");
  table_borders(x);
  table_cell_margins(x);
  x.close();
  x.close();

  x.open("w:style").attr("w:type", "table").attr("w:default", "1").attr("w:styleId", "TableNormal");
  x.val("w:name", "Normal Table");
  x.leaf("w:semiHidden");
  x.open("w:tblPr");
  x.leaf("w:tblInd", "w:w", "0", "w:type", "dxa");
  table_cell_margins(x);
  x.close();
  x.close();

  x.close();
  return x.str();
}

std::string settings_xml() {
  Xml x;
  x.open("w:settings").attr("xmlns:w", kW).attr("xmlns:r", kR);
  x.leaf("w:zoom", "w:percent", "100");
  x.val("w:defaultTabStop", "420");
  x.leaf("w:evenAndOddHeaders");
  x.val("w:characterSpacingControl", "doNotCompress");
  x.open("w:compat");
  x.leaf("w:compatSetting", "w:name", "compatibilityMode", "w:uri",
         "http://schemas.microsoft.com/office/word", "w:val", "15");
  x.close();
  x.leaf("w:themeFontLang", "w:val", "en-US", "w:eastAsia", "zh-CN");
  x.val("w:decimalSymbol", ".");
  x.val("w:listSeparator", ",");
  x.close();
  return x.str();
}

std::string font_table_xml(const Document& doc) {
  Xml x;
  x.open("w:fonts").attr("xmlns:w", kW).attr("xmlns:r", kR);
  std::vector<std::string> seen;
  for (const FontNames::Font& f : doc.fonts.fonts) {
    std::string name = doc.fonts.name(f.role);
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    seen.push_back(name);
    x.open("w:font").attr("w:name", name);
    const std::string& alt = doc.fonts.use_installed && !f.installed.empty() ? f.office : f.alt;
    if (!alt.empty()) x.val("w:altName", alt);
    x.val("w:panose1", f.panose);
    x.val("w:charset", "86");
    x.val("w:family", f.family);
    x.val("w:pitch", "variable");
    x.close();
  }
  x.close();
  return x.str();
}

std::string content_types_xml() {
  Xml x;
  x.open("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  x.leaf("Default", "Extension", "rels", "ContentType",
         "application/vnd.openxmlformats-package.relationships+xml");
  x.leaf("Default", "Extension", "xml", "ContentType", "application/xml");
  const char* wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  auto over = [&](const char* part, const std::string& type) {
    x.leaf("Override", "PartName", part, "ContentType", type);
  };
  over("/word/document.xml", std::string(wml) + "document.main+xml");
  over("/word/styles.xml", std::string(wml) + "styles+xml");
  over("/word/settings.xml", std::string(wml) + "settings+xml");
  over("/word/fontTable.xml", std::string(wml) + "fontTable+xml");
  over("/word/footer1.xml", std::string(wml) + "footer+xml");
  over("/word/footer2.xml", std::string(wml) + "footer+xml");
  over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  x.close();
  return x.str();
}

std::string rels_xml(const std::vector<std::array<std::string, 3>>& rels) {
  Xml x;
  x.open("Relationships").attr("xmlns", kRelNs);
  for (const auto& r : rels) x.leaf("Relationship", "Id", r[0], "Type", r[1], "Target", r[2]);
  x.close();
  return x.str();
}

std::string core_xml(const Properties& p) {
  Xml x;
  x.open("cp:coreProperties")
      .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
      .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
      .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  auto el = [&](const char* name, const std::string& v) {
    if (!v.empty()) x.open(name).text(clean(v)).close();
  };
  el("dc:title", p.title);
  el("dc:subject", p.subject);
  el("dc:creator", p.creator);
  el("cp:keywords", p.keywords);
  el("dc:description", p.description);
  el("cp:lastModifiedBy", p.creator);
  if (p.date.valid()) {
    std::string when = p.date.iso() + "T00:00:00Z";
    x.open("dcterms:created").attr("xsi:type", "dcterms:W3CDTF").text(when).close();
    x.open("dcterms:modified").attr("xsi:type", "dcterms:W3CDTF").text(when).close();
  }
  x.close();
  return x.str();
}

std::string app_xml(const Properties& p) {
  Xml x;
  x.open("Properties")
      .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
      .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  x.open("Application").text("qingdan").close();
  x.open("DocSecurity").text("0").close();
  if (!p.creator.empty()) x.open("Company").text(clean(p.creator)).close();
  x.close();
  return x.str();
}

}  // namespace

int twips(double mm) { return static_cast<int>(std::lround(mm * 1440 / 25.4)); }

FontNames FontNames::defaults() {
  FontNames f;
  f.fonts = {
      {"title", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "02000000000000000000", "auto",
       "AR PL UMing CN"},
      {"body", "仿宋_GB2312", "FangSong_GB2312", "02010609030101010101", "modern",
       "AR PL UMing CN"},
      {"heading1", "黑体", "SimHei", "02010609060101010101", "modern", "WenQuanYi Zen Hei"},
      {"heading2", "楷体_GB2312", "KaiTi_GB2312", "02010609030101010101", "modern",
       "AR PL UKai CN"},
      {"number", "宋体", "SimSun", "02010600030101010101", "auto", "AR PL UMing CN"},
  };
  return f;
}

const FontNames::Font* FontNames::find(const std::string& role) const {
  for (const Font& f : fonts)
    if (f.role == role) return &f;
  return nullptr;
}

std::string FontNames::name(const std::string& role) const {
  const Font* f = find(role);
  if (!f) return role;
  if (use_installed && !f->installed.empty()) return f->installed;
  return f->office;
}

const std::vector<StyleInfo>& styles() {
  static const std::vector<StyleInfo> out = [] {
    std::vector<StyleInfo> v;
    for (const StyleDef& s : style_defs()) v.push_back({s.id, s.name});
    v.push_back({"Table", "表格"});
    return v;
  }();
  return out;
}

std::vector<std::pair<std::string, std::string>> parts(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("[Content_Types].xml", content_types_xml());
  out.emplace_back("_rels/.rels",
                   rels_xml({{"rId1", std::string(kRelBase) + "officeDocument", "word/document.xml"},
                             {"rId2",
                              "http://schemas.openxmlformats.org/package/2006/relationships/"
                              "metadata/core-properties",
                              "docProps/core.xml"},
                             {"rId3", std::string(kRelBase) + "extended-properties",
                              "docProps/app.xml"}}));
  Xml doc_xml;
  Writer w{doc, doc_xml};
  out.emplace_back("word/document.xml", w.document());
  out.emplace_back("word/_rels/document.xml.rels",
                   rels_xml({{"rId1", std::string(kRelBase) + "styles", "styles.xml"},
                             {"rId2", std::string(kRelBase) + "settings", "settings.xml"},
                             {"rId3", std::string(kRelBase) + "fontTable", "fontTable.xml"},
                             {"rIdFooterOdd", std::string(kRelBase) + "footer", "footer1.xml"},
                             {"rIdFooterEven", std::string(kRelBase) + "footer", "footer2.xml"}}));
  out.emplace_back("word/styles.xml", styles_xml(doc));
  out.emplace_back("word/settings.xml", settings_xml());
  out.emplace_back("word/fontTable.xml", font_table_xml(doc));
  out.emplace_back("word/footer1.xml", footer_xml(doc, true));
  out.emplace_back("word/footer2.xml", footer_xml(doc, false));
  out.emplace_back("docProps/core.xml", core_xml(doc.properties));
  out.emplace_back("docProps/app.xml", app_xml(doc.properties));
  return out;
}

namespace {

// Zips `files` into `path` deterministically.
Status zip_to(const std::string& path, const std::vector<std::pair<std::string, std::string>>& files) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) return make_error(Place{path}, "无法创建文件（libzip 错误 " + std::to_string(err) + "）");
  auto fail = [&](const std::string& what) -> Status {
    std::string msg = what + "：" + zip_strerror(za);
    zip_discard(za);
    return make_error(Place{path}, msg);
  };
  // 1980-01-01 00:00:00, the DOS epoch: the same in every time zone.
  constexpr zip_uint16_t kDosTime = 0, kDosDate = (0 << 9) | (1 << 5) | 1;
  for (const auto& [name, data] : files) {
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    if (!src) return fail("无法写入 " + name);
    zip_int64_t idx = zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
      zip_source_free(src);
      return fail("无法写入 " + name);
    }
    auto i = static_cast<zip_uint64_t>(idx);
    // zlib's default level: level 9 took twice the time for files 20 % smaller.
    if (zip_set_file_compression(za, i, ZIP_CM_DEFLATE, 6) < 0 ||
        zip_file_set_dostime(za, i, kDosTime, kDosDate, 0) < 0 ||
        zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
      return fail("无法设置 " + name);
  }
  if (zip_close(za) < 0) return fail("无法写入文件");
  return Ok{};
}

}  // namespace

Status save(const Document& doc, const std::string& path) {
  return write_file_with(path, [&](const std::string& tmp) { return zip_to(tmp, parts(doc)); });
}

Result<std::string> to_bytes(const Document& doc) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  fs::path tmp = fs::temp_directory_path() /
                 ("qd_docx_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + ".docx");
  if (Status s = save(doc, tmp.string()); !s) return s.error();
  std::ifstream in(tmp, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::error_code ec;
  fs::remove(tmp, ec);
  return ss.str();
}

}  // namespace qd::docx
