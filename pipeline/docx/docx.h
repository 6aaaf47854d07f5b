// A small WordprocessingML (.docx) writer: a document model of paragraphs
// with named styles, runs, tables with repeated header rows and page breaks,
// one A4 section with the GB/T 9704—2012 margins and a "— PAGE —" footer.
// XML is printed with tinyxml2's XMLPrinter, the package zipped with libzip:
// parts in a fixed order, fixed entry times (DOS fields, independent of TZ),
// fixed attributes and deflate level, so the same document gives the same
// bytes.
//
// Fonts. Styles name the office's fonts (方正小标宋简体, 仿宋_GB2312, 黑体,
// 楷体_GB2312, 宋体) in w:rFonts for every script, the document language is
// zh-CN for every script (docDefaults w:lang w:val and w:eastAsia — with
// w:val="en-US" LibreOffice draws digits, Latin, “” and —— in DejaVu Sans —
// and settings w:themeFontLang), and
// fontTable.xml declares each font with w:charset 86 (GB2312), its panose
// and its Windows name as w:altName — what Word and WPS use to find or
// substitute it. Where the office fonts are not installed (Debian, LibreOffice)
// the zh-CN language makes fontconfig pick a Chinese face; see FontNames for
// naming the installed families instead.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "base/error.h"
#include "base/text.h"

namespace qd::docx {

enum class Align { Inherit, Left, Center, Right, Both };

// A run of text with the same formatting. '\n' becomes a line break, '\t' a
// tab; characters XML cannot hold are dropped.
struct Run {
  std::string text;
  bool bold = false;
  std::string color;   // "FF0000"; "" = the style's
  double size = 0;     // pt; 0 = the style's
  std::string font;    // a font role name of FontNames ("title", "body" …); "" = the style's
  int scale = 100;     // character width in % (w:w)
  bool page_field = false;  // a PAGE field instead of text
};

struct Paragraph {
  std::string style;  // a style id of styles() ("Body", "Title" …); "" = Normal
  std::vector<Run> runs;
  Align align = Align::Inherit;
  bool page_break_before = false;
  bool keep_next = false;
  // Indents in characters of the paragraph's font size; < 0 = the style's.
  double first_line_chars = -1;
  double hanging_chars = -1;  // wrapped lines' indent past the first line's
  double left_chars = -1;
  double right_chars = -1;
  double before = -1, after = -1;  // pt; < 0 = the style's
  // A line under the paragraph (the red separator of an official document).
  std::string border_bottom_color;
  double border_bottom_pt = 0;
  double border_bottom_space_pt = 1;  // between the text and the line
  // A line above the paragraph (the first line of the 版记).
  std::string border_top_color;
  double border_top_pt = 0;
  // A right-aligned tab stop this far from the left margin ('\t' in a run
  // moves there); < 0 for none.
  double right_tab_mm = -1;

  Paragraph() = default;
  Paragraph(std::string style_id, std::string text) : style(std::move(style_id)) {
    if (!text.empty()) runs.push_back(Run{std::move(text)});
  }
};

struct Cell {
  std::vector<Paragraph> paragraphs;
  int span = 1;           // columns spanned (w:gridSpan)
  std::string fill;       // background "D9D9D9"; "" = none
  // Vertical merge: Restart begins a merged cell, Continue joins the one above.
  enum class Merge { None, Restart, Continue } vmerge = Merge::None;
};

struct Row {
  std::vector<Cell> cells;
  bool header = false;    // repeated at the top of every page (w:tblHeader)
};

struct Table {
  std::vector<double> widths_mm;  // column widths; their sum should be ≤ the type area
  std::vector<Row> rows;
  std::string style = "Table";
};

using Block = std::variant<Paragraph, Table>;

// The font of each role: the office's name, and the installed family
// LibreOffice should use when the office font is missing.
struct FontNames {
  struct Font {
    std::string role;       // "title", "body", "heading1", "heading2", "number"
    std::string office;     // 仿宋_GB2312 — what WPS/Word find on an office PC
    std::string alt;        // FangSong_GB2312 — the Windows (English) name, fontTable w:altName
    std::string panose;     // 20 hex digits
    std::string family;     // roman / swiss / modern / script
    std::string installed;  // "AR PL UMing CN"; "" = none
  };
  std::vector<Font> fonts;
  // false (the default): styles name the office fonts — what the offices
  // and halls (Word, WPS with the licensed fonts) need; LibreOffice without
  // them substitutes by fontconfig for zh-CN, on Debian WenQuanYi Zen Hei for
  // every role (never a Japanese face, because the document language is
  // zh-CN for every script). true: styles name the installed families, so
  // LibreOffice shows 宋/楷/黑 distinctly; fontTable then gives the office
  // name as w:altName. (A LibreOffice font list "仿宋_GB2312;AR PL UMing CN"
  // was tried: LibreOffice 7.4 substitutes the first name by fontconfig and
  // never reaches the second, and Word would see an unknown font.)
  bool use_installed = false;

  // The defaults: the office fonts with AR PL UMing CN (宋/仿宋/小标宋),
  // AR PL UKai CN (楷体) and WenQuanYi Zen Hei (黑体) as installed families.
  static FontNames defaults();
  const Font* find(const std::string& role) const;
  // The w:rFonts name of a role.
  std::string name(const std::string& role) const;
};

// Document properties (docProps/core.xml, app.xml).
struct Properties {
  std::string title, subject, creator, description, keywords;
  Date date;  // created and modified (at 00:00:00Z)
};

struct Document {
  std::vector<Block> body;
  Properties properties;
  FontNames fonts = FontNames::defaults();
  // Page number footers on odd (right) and even (left) pages (GB/T 9704);
  // false: no footer.
  bool page_numbers = true;

  void add(Paragraph p) { body.emplace_back(std::move(p)); }
  void add(Table t) { body.emplace_back(std::move(t)); }
  Paragraph& paragraph(std::string style, std::string text) {
    body.emplace_back(Paragraph(std::move(style), std::move(text)));
    return std::get<Paragraph>(body.back());
  }
};

// The page (GB/T 9704—2012): A4, margins in twips.
inline constexpr int kPageWidth = 11906, kPageHeight = 16838;
inline constexpr int kMarginTop = 2098, kMarginBottom = 1984, kMarginLeft = 1587,
                     kMarginRight = 1474;
inline constexpr double kTypeWidthMm = 156, kTypeHeightMm = 225;

// A style of styles.xml.
struct StyleInfo {
  const char* id;    // "Body"
  const char* name;  // "正文"
};
// The paragraph and table styles every document defines: Normal, Title 标题,
// Subtitle 副标题, Heading1 一级标题, Heading2 二级标题, Body 正文, Plain
// 无缩进正文, Issuer 发文机关标志, DocNumber 发文字号, TableText 表格文字,
// TableHeader 表头, Footer 页脚, Table 表格.
const std::vector<StyleInfo>& styles();

// The XML parts in package order: name and content.
std::vector<std::pair<std::string, std::string>> parts(const Document& doc);

// The .docx bytes.
Result<std::string> to_bytes(const Document& doc);

// Writes the .docx (through a temporary file renamed into place).
Status save(const Document& doc, const std::string& path);

// Twips of a length in mm (rounded).
int twips(double mm);

}  // namespace qd::docx
