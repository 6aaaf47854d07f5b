#include "docx/docx.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <tinyxml2.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "spreadsheet_reader/zip_archive.h"

namespace qd::docx {
namespace {

Document sample() {
  Document d;
  d.properties.title = "测试文档";
  d.properties.creator = "涿鹿县行政审批局";
  d.properties.date = Date{2017, 9, 30};
  d.paragraph("Title", "涿鹿县政务服务事项审核报告");
  d.paragraph("Heading1", "一、审核概况");
  d.paragraph("Heading2", "（一）按部门");
  d.paragraph("Body", "正文 & <特殊> 字符\n第二行\t制表\x01");
  Table t;
  t.widths_mm = {20, 136};
  Row h;
  h.header = true;
  h.cells = {Cell{{Paragraph("TableHeader", "序号")}}, Cell{{Paragraph("TableHeader", "名称")}}};
  t.rows.push_back(h);
  for (int i = 1; i <= 3; ++i)
    t.rows.push_back(Row{{Cell{{Paragraph("TableText", std::to_string(i))}},
                          Cell{{Paragraph("TableText", "事项" + std::to_string(i))}}}});
  d.add(t);
  Paragraph red("Issuer", "涿鹿县人民政府推进职能转变协调小组办公室");
  red.border_bottom_color = "FF0000";
  red.border_bottom_pt = 1.5;
  red.page_break_before = true;
  d.add(red);
  return d;
}

std::string part(const Document& d, const std::string& name) {
  for (const auto& [n, text] : parts(d))
    if (n == name) return text;
  return "";
}

TEST(Docx, EveryPartIsWellFormed) {
  auto ps = parts(sample());
  std::vector<std::string> names;
  for (const auto& [name, text] : ps) {
    names.push_back(name);
    tinyxml2::XMLDocument x;
    EXPECT_EQ(x.Parse(text.c_str(), text.size()), tinyxml2::XML_SUCCESS) << name << "\n" << text;
    EXPECT_TRUE(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"))
        << name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "[Content_Types].xml", "_rels/.rels", "word/document.xml",
                       "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                       "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml",
                       "docProps/core.xml", "docProps/app.xml"}));
}

TEST(Docx, TextIsEscapedAndBreaksKept) {
  std::string doc = part(sample(), "word/document.xml");
  EXPECT_NE(doc.find("正文 &amp; &lt;特殊&gt; 字符"), std::string::npos);
  EXPECT_NE(doc.find("<w:br/>"), std::string::npos);
  EXPECT_NE(doc.find("<w:tab/>"), std::string::npos);
  EXPECT_EQ(doc.find('\x01'), std::string::npos);
}

TEST(Docx, StylesDefinedByName) {
  std::string s = part(sample(), "word/styles.xml");
  tinyxml2::XMLDocument x;
  ASSERT_EQ(x.Parse(s.c_str()), tinyxml2::XML_SUCCESS);
  std::map<std::string, const tinyxml2::XMLElement*> by_name;
  for (auto* st = x.RootElement()->FirstChildElement("w:style"); st;
       st = st->NextSiblingElement("w:style"))
    by_name[st->FirstChildElement("w:name")->Attribute("w:val")] = st;
  for (const char* n : {"标题", "一级标题", "二级标题", "正文", "表格", "表头", "表格文字", "页脚"})
    EXPECT_TRUE(by_name.count(n)) << n;
  auto font = [&](const char* style) {
    return std::string(by_name[style]->FirstChildElement("w:rPr")->FirstChildElement("w:rFonts")
                           ->Attribute("w:eastAsia"));
  };
  auto size = [&](const char* style) {
    return std::string(
        by_name[style]->FirstChildElement("w:rPr")->FirstChildElement("w:sz")->Attribute("w:val"));
  };
  EXPECT_EQ(font("标题"), "方正小标宋简体");
  EXPECT_EQ(size("标题"), "44");
  EXPECT_EQ(font("一级标题"), "黑体");
  EXPECT_EQ(font("二级标题"), "楷体_GB2312");
  EXPECT_EQ(font("正文"), "仿宋_GB2312");
  EXPECT_EQ(size("正文"), "32");
  auto* body_ppr = by_name["正文"]->FirstChildElement("w:pPr");
  EXPECT_STREQ(body_ppr->FirstChildElement("w:ind")->Attribute("w:firstLineChars"), "200");
  EXPECT_STREQ(body_ppr->FirstChildElement("w:spacing")->Attribute("w:line"), "579");
  EXPECT_STREQ(body_ppr->FirstChildElement("w:spacing")->Attribute("w:lineRule"), "exact");
  EXPECT_STREQ(by_name["标题"]->FirstChildElement("w:pPr")->FirstChildElement("w:jc")->Attribute("w:val"),
               "center");
  // The document language: Chinese, so offices never pick Japanese glyphs.
  auto* lang = x.RootElement()->FirstChildElement("w:docDefaults")->FirstChildElement("w:rPrDefault")
                   ->FirstChildElement("w:rPr")->FirstChildElement("w:lang");
  ASSERT_TRUE(lang);
  EXPECT_STREQ(lang->Attribute("w:eastAsia"), "zh-CN");
  EXPECT_STREQ(lang->Attribute("w:val"), "zh-CN");
}

TEST(Docx, FontTableDeclaresGb2312Fonts) {
  std::string s = part(sample(), "word/fontTable.xml");
  tinyxml2::XMLDocument x;
  ASSERT_EQ(x.Parse(s.c_str()), tinyxml2::XML_SUCCESS);
  int n = 0;
  for (auto* f = x.RootElement()->FirstChildElement("w:font"); f;
       f = f->NextSiblingElement("w:font")) {
    ++n;
    EXPECT_STREQ(f->FirstChildElement("w:charset")->Attribute("w:val"), "86") << f->Attribute("w:name");
    EXPECT_TRUE(f->FirstChildElement("w:panose1"));
    EXPECT_TRUE(f->FirstChildElement("w:altName"));
  }
  EXPECT_EQ(n, 5);  // 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体
  EXPECT_NE(s.find("FangSong_GB2312"), std::string::npos);
}

TEST(Docx, HeaderRowsRepeat) {
  std::string doc = part(sample(), "word/document.xml");
  tinyxml2::XMLDocument x;
  ASSERT_EQ(x.Parse(doc.c_str()), tinyxml2::XML_SUCCESS);
  auto* tbl = x.RootElement()->FirstChildElement("w:body")->FirstChildElement("w:tbl");
  ASSERT_TRUE(tbl);
  auto* first = tbl->FirstChildElement("w:tr");
  ASSERT_TRUE(first->FirstChildElement("w:trPr"));
  EXPECT_TRUE(first->FirstChildElement("w:trPr")->FirstChildElement("w:tblHeader"));
  EXPECT_FALSE(first->NextSiblingElement("w:tr")->FirstChildElement("w:trPr"));
  // Grid: 20 mm + 136 mm in twips.
  auto* col = tbl->FirstChildElement("w:tblGrid")->FirstChildElement("w:gridCol");
  EXPECT_STREQ(col->Attribute("w:w"), "1134");
  EXPECT_STREQ(col->NextSiblingElement()->Attribute("w:w"), "7710");
}

TEST(Docx, VerticalMerge) {
  Document d;
  Table t;
  t.widths_mm = {50, 106};
  Cell a{{Paragraph("TableText", "事项")}};
  a.vmerge = Cell::Merge::Restart;
  Cell b{{Paragraph("TableText", "")}};
  b.vmerge = Cell::Merge::Continue;
  t.rows = {Row{{a, Cell{{Paragraph("TableText", "1")}}}}, Row{{b, Cell{{Paragraph("TableText", "2")}}}}};
  d.add(t);
  std::string doc = part(d, "word/document.xml");
  EXPECT_NE(doc.find("<w:vMerge w:val=\"restart\"/>"), std::string::npos);
  EXPECT_NE(doc.find("<w:vMerge/>"), std::string::npos);
}

TEST(Docx, InstalledFontsWhenAsked) {
  Document d = sample();
  d.fonts.use_installed = true;
  std::string styles = part(d, "word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"AR PL UKai CN\""), std::string::npos);
  EXPECT_EQ(styles.find("仿宋_GB2312"), std::string::npos);
  std::string fonts = part(d, "word/fontTable.xml");
  EXPECT_NE(fonts.find("<w:font w:name=\"AR PL UKai CN\"><w:altName w:val=\"楷体_GB2312\"/>"),
            std::string::npos);
}

TEST(Docx, FooterHasPageField) {
  for (const char* name : {"word/footer1.xml", "word/footer2.xml"}) {
    std::string f = part(sample(), name);
    EXPECT_NE(f.find("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"), std::string::npos);
    EXPECT_NE(f.find("fldCharType=\"begin\""), std::string::npos);
    EXPECT_NE(f.find("fldCharType=\"end\""), std::string::npos);
    EXPECT_NE(f.find("— "), std::string::npos);
    EXPECT_NE(f.find(" —"), std::string::npos);
  }
  EXPECT_NE(part(sample(), "word/footer1.xml").find("w:val=\"right\""), std::string::npos);
  EXPECT_NE(part(sample(), "word/footer2.xml").find("w:val=\"left\""), std::string::npos);
  EXPECT_NE(part(sample(), "word/settings.xml").find("<w:evenAndOddHeaders/>"), std::string::npos);
}

TEST(Docx, A4WithOfficialMargins) {
  std::string doc = part(sample(), "word/document.xml");
  tinyxml2::XMLDocument x;
  ASSERT_EQ(x.Parse(doc.c_str()), tinyxml2::XML_SUCCESS);
  auto* sect = x.RootElement()->FirstChildElement("w:body")->LastChildElement("w:sectPr");
  ASSERT_TRUE(sect);
  EXPECT_EQ(sect->FirstChildElement("w:pgSz")->IntAttribute("w:w"), 11906);
  EXPECT_EQ(sect->FirstChildElement("w:pgSz")->IntAttribute("w:h"), 16838);
  auto* m = sect->FirstChildElement("w:pgMar");
  auto mm = [&](const char* a) { return m->IntAttribute(a) * 25.4 / 1440; };
  EXPECT_NEAR(mm("w:top"), 37, 0.1);
  EXPECT_NEAR(mm("w:left"), 28, 0.1);
  EXPECT_NEAR(mm("w:bottom"), 35, 0.1);
  EXPECT_NEAR(mm("w:right"), 26, 0.1);
  // Type area 156 × 225 mm.
  EXPECT_NEAR((11906 - m->IntAttribute("w:left") - m->IntAttribute("w:right")) * 25.4 / 1440, 156, 0.1);
  EXPECT_NEAR((16838 - m->IntAttribute("w:top") - m->IntAttribute("w:bottom")) * 25.4 / 1440, 225, 0.1);
  EXPECT_EQ(sect->FirstChildElement("w:footerReference")->Attribute("r:id"),
            std::string("rIdFooterOdd"));
}

TEST(Docx, RedSeparatorLine) {
  std::string doc = part(sample(), "word/document.xml");
  EXPECT_NE(doc.find("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"FF0000\"/></w:pBdr>"),
            std::string::npos);
  EXPECT_NE(doc.find("<w:pageBreakBefore/>"), std::string::npos);
}

TEST(Docx, CorePropertiesCarryTheBuildDate) {
  std::string core = part(sample(), "docProps/core.xml");
  EXPECT_NE(core.find(">2017-09-30T00:00:00Z</dcterms:created>"), std::string::npos);
  EXPECT_NE(core.find("<dc:title>测试文档</dc:title>"), std::string::npos);
}

std::string bytes_in_zone(const char* tz) {
  setenv("TZ", tz, 1);
  tzset();
  auto b = to_bytes(sample());
  EXPECT_TRUE(b.ok());
  return b.ok() ? b.value() : "";
}

TEST(Docx, SameBytesInEveryTimeZone) {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  std::string utc = bytes_in_zone("UTC");
  std::string sh = bytes_in_zone("Asia/Shanghai");
  std::string ny = bytes_in_zone("America/New_York");
  if (old) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
  tzset();
  ASSERT_FALSE(utc.empty());
  EXPECT_EQ(utc, sh);
  EXPECT_EQ(utc, ny);
}

TEST(Docx, ZipReadsBackInOrder) {
  auto b = to_bytes(sample());
  ASSERT_TRUE(b.ok());
  auto z = ZipArchive::open(b.value(), "sample.docx", ReadLimits{});
  ASSERT_TRUE(z.ok()) << z.error().str();
  std::vector<std::string> names = z->names();
  ASSERT_EQ(names.size(), 11u);
  EXPECT_EQ(names[0], "[Content_Types].xml");
  auto doc = z->read("word/document.xml");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value(), part(sample(), "word/document.xml"));
  // Local header DOS date 1980-01-01 (0x0021), time 0, at offsets 10–13.
  EXPECT_EQ(b.value().substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(static_cast<unsigned char>(b.value()[10]), 0);
  EXPECT_EQ(static_cast<unsigned char>(b.value()[12]), 0x21);
}

TEST(Docx, SaveReplacesAtomically) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("qd_docx_save_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string path = (dir / "sub" / "a.docx").string();
  ASSERT_TRUE(save(sample(), path).ok());
  ASSERT_TRUE(save(sample(), path).ok());
  EXPECT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

}  // namespace
}  // namespace qd::docx
