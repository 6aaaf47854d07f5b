#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "pdf/document.h"
#include "pdf/fonts.h"
#include "pdf/podofo_adapter.h"

namespace qd::pdf {
namespace {

namespace fs = std::filesystem;

const std::string kConfig = std::string(QD_SOURCE_DIR) + "/fonts/fonts.toml";

const FontLibrary& library() {
  static std::unique_ptr<FontLibrary> lib = [] {
    auto r = FontLibrary::load(kConfig);
    if (!r.ok()) {
      ADD_FAILURE() << r.error().str();
      std::abort();
    }
    return std::move(r.value());
  }();
  return *lib;
}

fs::path out_dir() {
  // Per process: ctest runs every test of this file as its own process, in
  // parallel, and the suite fixtures write files of the same names.
  fs::path d = fs::path(QD_BINARY_DIR) / "pdf_test_out" / std::to_string(::getpid());
  fs::create_directories(d);
  return d;
}

void write_file(const fs::path& p, const std::string& data) {
  std::ofstream(p, std::ios::binary) << data;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Cmd {
  int status;
  std::string out, err;
};

// Runs a shell command, capturing stdout and stderr.
Cmd run(const std::string& cmd) {
  static int n = 0;
  fs::path err = out_dir() / ("stderr" + std::to_string(::getpid()) + "_" + std::to_string(n++));
  std::string full = cmd + " 2>'" + err.string() + "'";
  FILE* p = ::popen(full.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t k;
  while ((k = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), k);
  int status = ::pclose(p);
  Cmd r{status, out, read_file(err)};
  fs::remove(err);
  return r;
}

std::string strip_space(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\f' && c != '\t') out += c;
  return out;
}

// A line set at natural widths plus `tracking` pt after every character.
ts::Line natural_line(std::string_view utf8, const ts::Metrics& m, double size,
                      double tracking = 0) {
  ts::Line line;
  double x = 0;
  for (char32_t cp : utf8_decode(utf8)) {
    double a = m.advance(cp);
    double w = (a < 0 ? 1 : a) * size;
    line.glyphs.push_back({cp, x, w});
    x += w + tracking;
  }
  line.natural_width = line.width = x;
  return line;
}

// Records what was drawn, in drawing order, for the text check.
struct Writer {
  Document doc;
  std::string text;  // drawn characters of the current page
  std::vector<std::string> pages;
  std::vector<std::pair<ts::Line, Role>> lines;  // every line drawn
  Writer(DocumentInfo info) : doc(library(), std::move(info)) {}
  void page() {
    if (doc.page_count() > 0) pages.push_back(text);
    text.clear();
    doc.new_page(595.276, 841.89);
  }
  void put(std::string_view s, Role role, double size, double x, double y, double tracking = 0,
           Color c = kBlack) {
    lines.push_back({natural_line(s, library().metrics(role), size, tracking), role});
    doc.draw_line(lines.back().first, role, size, x, y, c);
    text += s;
  }
  void done() { pages.push_back(text); }
};

DocumentInfo test_info() {
  return DocumentInfo{"涿鹿县政务服务事项办事指南", "涿鹿县人民政府办公室", "办事指南",
                      "行政许可；办事指南", Date{2017, 9, 30}};
}

const char* kBody[] = {
    "申请人应当提交：身份证明、营业执照（副本）等材料；",
    "办理时限为5个工作日，收费标准按《河北省收费目录》执行。",
    "咨询电话：0313-6521234，投诉电话：12345！是否需要现场核验？",
    "“一网通办”——全程网办……不见面审批，到现场次数0次。",
};

void draw_booklet(Writer& w) {
  const double left = 79.37, top = 841.89 - 104.88;
  // Page 1: every role, a rule, a box, an arrow, a QR-like grid.
  w.page();
  w.put("涿鹿县行政许可事项办事指南", Role::Title, 22, 120, top);
  w.doc.stroke_line(left, top - 12, left + 442.2, top - 12, 1.5, kRed);
  w.put("一、事项名称和编码", Role::Heading1, 16, left, top - 45);
  double y = top - 75;
  for (const char* s : kBody) {
    w.put(s, Role::Body, 16, left, y);
    y -= 28.95;
  }
  w.put("（一）办理流程", Role::Heading2, 16, left, y);
  y -= 28.95;
  // A justified line: 28 characters at a 15.79 pt pitch (Tc < 0).
  w.put("受理审查决定送达各环节均在政务服务中心综合窗口一次办结完毕了", Role::Body, 16, left, y,
        -0.21);
  y -= 28.95;
  w.put("受理审查决定送达", Role::Body, 16, left, y, 4.5);
  y -= 40;
  w.doc.rect(left, y - 60, 150, 60, 0.8, kBlack, true, {0.95, 0.95, 0.95});
  w.put("受理", Role::Heading1, 16, left + 59, y - 35);
  w.doc.arrow(left + 150, y - 30, left + 230, y - 30, 0.8);
  w.doc.rect(left + 230, y - 60, 150, 60, 0.8);
  w.put("审查决定", Role::Heading1, 16, left + 273, y - 35);
  std::vector<uint8_t> grid(21 * 21);
  for (int r = 0; r < 21; ++r)
    for (int c = 0; c < 21; ++c)
      grid[r * 21 + c] = ((r < 7 && c < 7) || (r < 7 && c > 13) || (r > 13 && c < 7))
                             ? !(r % 6 == 1 || c % 6 == 1 || (r > 13 && (r - 14) % 6 == 1)) ||
                                   ((r % 14 >= 2 && r % 14 <= 4) && (c % 14 >= 2 && c % 14 <= 4))
                             : ((r * 7 + c * 13) % 5 < 2);
  w.doc.modules(grid, 21, left + 300, 120, 72);
  w.put("— 1 —", Role::Number, 14, left + 442.2 - 60, 841.89 - 104.88 - 637.8 - 20);
  // Pages 2 and 3: body text.
  for (int p = 2; p <= 3; ++p) {
    w.page();
    w.put("二、办理依据", Role::Heading1, 16, left, top);
    double yy = top - 30;
    for (int i = 0; i < 20; ++i) {
      w.put(kBody[i % 4], Role::Body, 16, left, yy);
      yy -= 28.95;
    }
    std::string num = "— " + std::to_string(p) + " —";
    w.put(num, Role::Number, 14, p % 2 ? left + 442.2 - 60 : left + 16, 60);
  }
  w.done();
  w.doc.add_outline({"涿鹿县行政许可事项", 0, {{"一、事项名称和编码", 0, {}}, {"（一）办理流程", 0, {}}}});
  w.doc.add_outline({"二、办理依据", 1, {{"第三页", 2, {}}}});
}

TEST(FontLibrary, LoadsRolesAndMeasures) {
  const FontLibrary& lib = library();
  ASSERT_FALSE(lib.fonts().empty());
  for (const auto& f : lib.fonts()) std::printf("font %s #%d %s\n", f.path.c_str(), f.index, f.family.c_str());
  for (int r = 0; r < kRoleCount; ++r) {
    Role role = static_cast<Role>(r);
    int f = lib.font_for(role, U'中');
    ASSERT_GE(f, 0) << role_key(role);
    std::printf("%s -> %s\n", std::string(role_key(role)).c_str(), lib.fonts()[f].family.c_str());
    EXPECT_NEAR(lib.metrics(role).advance(U'中'), 1.0, 0.05);
    EXPECT_GT(lib.metrics(role).advance(U'1'), 0.2);
  }
  EXPECT_EQ(lib.font_for(Role::Body, U'\U00020000'), -1);
  EXPECT_LT(lib.metrics(Role::Body).advance(U'\U00020000'), 0);
  EXPECT_EQ(lib.fonts()[lib.font_for(Role::Heading1, U'一')].family, "WenQuanYi Zen Hei");
  EXPECT_EQ(lib.fonts()[lib.font_for(Role::Body, U'一')].family, "AR PL UMing CN");
  EXPECT_EQ(lib.fonts()[lib.font_for(Role::Heading2, U'一')].family, "LXGW WenKai");
}

TEST(FontLibrary, ErrorNamesTheRole) {
  fs::path cfg = out_dir() / "bad_fonts.toml";
  write_file(cfg,
             "[[title]]\nfile=\"/usr/share/fonts/truetype/arphic/uming.ttc\"\nindex=0\n"
             "[[body]]\nfile=\"missing/FangSong_GB2312.ttf\"\nindex=0\n"
             "[[heading1]]\nfile=\"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc\"\n"
             "[[heading2]]\nfile=\"/usr/share/fonts/truetype/arphic/ukai.ttc\"\n"
             "[[number]]\nfile=\"/usr/share/fonts/truetype/arphic/uming.ttc\"\n");
  auto r = FontLibrary::load(cfg.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("正文"), std::string::npos) << r.error().str();
  // Relative to the configuration file.
  EXPECT_NE(r.error().message.find((out_dir() / "missing/FangSong_GB2312.ttf").string()),
            std::string::npos)
      << r.error().str();
}

TEST(ToUnicode, RangesAndChars) {
  std::string cmap = detail::to_unicode_cmap({{1, U'一'}, {2, U'丁'}, {3, U'丂'}, {7, U'中'}});
  EXPECT_NE(cmap.find("1 beginbfrange\n<0001> <0003> <4E00>\nendbfrange"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("1 beginbfchar\n<0007> <4E2D>\nendbfchar"), std::string::npos) << cmap;
}

class Booklet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    w_ = new Writer(test_info());
    draw_booklet(*w_);
    auto r = w_->doc.finish();
    ASSERT_TRUE(r.ok()) << r.error().str();
    bytes_ = new std::string(r.value());
    path_ = new fs::path(out_dir() / "booklet.pdf");
    write_file(*path_, *bytes_);
  }
  static void TearDownTestSuite() {
    delete w_;
    delete bytes_;
    delete path_;
  }
  static std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
  static Writer* w_;
  static std::string* bytes_;
  static fs::path* path_;
};
Writer* Booklet::w_;
std::string* Booklet::bytes_;
fs::path* Booklet::path_;

TEST_F(Booklet, QpdfCheckPasses) {
  Cmd r = run("qpdf --check " + q(*path_));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(Booklet, InfoInChineseWithBuildDate) {
  Cmd r = run("pdfinfo -isodates " + q(*path_));
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Title:           涿鹿县政务服务事项办事指南"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Author:          涿鹿县人民政府办公室"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Subject:         办事指南"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Creator:         qingdan"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CreationDate:    2017-09-30T00:00:00+08"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ModDate:         2017-09-30T00:00:00+08"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Pages:           3"), std::string::npos) << r.out;
}

TEST_F(Booklet, FontsEmbeddedAndSubset) {
  Cmd r = run("pdffonts " + q(*path_));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  std::istringstream in(r.out);
  std::string line;
  int fonts = 0;
  while (std::getline(in, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
    ++fonts;
    EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
    // emb sub uni
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;
    EXPECT_EQ(line[6], '+') << line;
  }
  EXPECT_GE(fonts, 3) << r.out;  // UMing, Zen Hei, WenKai
  std::printf("%s", r.out.c_str());
}

TEST_F(Booklet, TextComesBackExactly) {
  for (int p = 1; p <= 3; ++p) {
    Cmd r = run("pdftotext -raw -f " + std::to_string(p) + " -l " + std::to_string(p) + " " +
                q(*path_) + " -");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "") << "page " << p;
    EXPECT_EQ(strip_space(r.out), strip_space(w_->pages[p - 1])) << "page " << p;
  }
}

TEST_F(Booklet, OutlinesInChinese) {
  Cmd r = run("qpdf --json --json-key=outlines " + q(*path_));
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* t : {"涿鹿县行政许可事项", "一、事项名称和编码", "（一）办理流程", "二、办理依据", "第三页"})
    EXPECT_NE(r.out.find(t), std::string::npos) << t << "\n" << r.out;
}

TEST_F(Booklet, DeterministicBytes) {
  // A second document with the same drawing, and a second finish().
  Writer w2(test_info());
  draw_booklet(w2);
  auto a = w2.doc.finish();
  auto b = w2.doc.finish();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a.value() == *bytes_);
  EXPECT_TRUE(b.value() == *bytes_);
  // /ID is content-based: another date gives another /ID.
  DocumentInfo other = test_info();
  other.date = Date{2017, 10, 1};
  Writer w3(other);
  draw_booklet(w3);
  auto c = w3.doc.finish();
  ASSERT_TRUE(c.ok());
  auto id = [](const std::string& s) { return s.substr(s.rfind("/ID")); };
  EXPECT_NE(id(c.value()), id(*bytes_));
}

TEST_F(Booklet, RenderPageOne) {
  fs::path png = out_dir() / "booklet";
  Cmd r = run("pdftoppm -png -r 60 -f 1 -l 1 " + q(*path_) + " " + q(png));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(fs::exists(out_dir() / "booklet-1.png"));
}

TEST(Document, SmallOnePage) {
  const std::string hanzi =
      "涿鹿县人民政府办公室关于印发政务服务事项清单的通知各乡镇街道有关部门现将本县行政许可公共"
      "服务等事项予以公布请认真贯彻执行";
  ASSERT_GE(utf8_length(hanzi), 50u);
  Writer w(test_info());
  w.page();
  std::u32string cps = utf8_decode(hanzi);
  for (size_t i = 0; i < cps.size(); i += 25)
    w.put(utf8_encode(cps.substr(i, 25)), Role::Body, 16, 79, 700 - 30 * (i / 25));
  w.done();
  auto r = w.doc.finish();
  ASSERT_TRUE(r.ok()) << r.error().str();
  std::printf("one page, %zu hanzi: %zu bytes\n", cps.size(), r.value().size());
  EXPECT_LE(r.value().size(), 30u * 1024);
  fs::path p = out_dir() / "small.pdf";
  write_file(p, r.value());
  Cmd t = run("pdftotext -raw '" + p.string() + "' -");
  EXPECT_EQ(t.err, "");
  EXPECT_EQ(strip_space(t.out), hanzi);
}

TEST(Document, UndrawableCharactersAreSkipped) {
  const FontLibrary& lib = library();
  EXPECT_EQ(lib.font_for(Role::Body, U'\U00020000'), -1);
  char32_t pua = 0;
  for (char32_t cp = 0xE000; cp < 0xF900 && !pua; ++cp)
    if (lib.font_for(Role::Body, cp) < 0) pua = cp;
  ASSERT_NE(pua, 0u);
  EXPECT_EQ(lib.font_for(Role::Title, pua), -1);
  std::string s = "办";
  utf8_append(s, U'\U00020000');
  s += "事";
  utf8_append(s, pua);
  s += "指南";
  Document doc(lib, test_info());
  doc.new_page(595.276, 841.89);
  doc.draw_text(s, Role::Body, 16, 79, 700);
  doc.draw_text(s, Role::Title, 22, 79, 600);
  auto r = doc.finish();
  ASSERT_TRUE(r.ok()) << r.error().str();
  fs::path p = out_dir() / "undrawable.pdf";
  write_file(p, r.value());
  Cmd t = run("pdftotext -raw '" + p.string() + "' -");
  EXPECT_EQ(t.err, "");
  EXPECT_EQ(strip_space(t.out), "办事指南办事指南");
}

TEST(Document, PerCharacterFallback) {
  const FontLibrary& lib = library();
  int first = lib.font_for(Role::Body, U'中');
  char32_t other = 0;
  for (char32_t cp = 0x3400; cp < 0xA000 && !other; ++cp) {
    int f = lib.font_for(Role::Body, cp);
    if (f >= 0 && f != first) other = cp;
  }
  ASSERT_NE(other, 0u) << "every CJK character is in the body font";
  std::string s = "中";
  utf8_append(s, other);
  s += "文";
  std::printf("fallback U+%04X: %s -> %s\n", static_cast<unsigned>(other), s.c_str(),
              lib.fonts()[lib.font_for(Role::Body, other)].family.c_str());
  Document doc(lib, test_info());
  doc.new_page(595.276, 841.89);
  doc.draw_text(s, Role::Body, 16, 79, 700);
  auto r = doc.finish();
  ASSERT_TRUE(r.ok()) << r.error().str();
  fs::path p = out_dir() / "fallback.pdf";
  write_file(p, r.value());
  Cmd f = run("pdffonts '" + p.string() + "'");
  EXPECT_EQ(f.err, "");
  EXPECT_NE(f.out.find("UMingCN"), std::string::npos) << f.out;
  EXPECT_NE(f.out.find("WenQuanYiZenHei"), std::string::npos) << f.out;
  int rows = 0;
  std::istringstream in(f.out);
  std::string line;
  while (std::getline(in, line)) rows += line.find(" yes yes yes ") != std::string::npos;
  EXPECT_EQ(rows, 2) << f.out;
  Cmd t = run("pdftotext -raw '" + p.string() + "' -");
  EXPECT_EQ(t.err, "");
  EXPECT_EQ(strip_space(t.out), s);
}

TEST(Document, ParallelFinishGivesTheSameBytes) {
  // Documents rendered on several threads at once share the font cache.
  auto make = [] {
    Writer w(test_info());
    draw_booklet(w);
    auto r = w.doc.finish();
    return r.ok() ? r.value() : std::string();
  };
  const std::string serial = make();
  ASSERT_FALSE(serial.empty());
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { results[i] = make(); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_TRUE(r == serial);
}

TEST(Document, StreamedGivesTheSameBytes) {
  Writer kept(test_info());
  draw_booklet(kept);
  auto a = kept.doc.finish();
  ASSERT_TRUE(a.ok()) << a.error().str();
  // The same lines declared up front, in another order; pages written as
  // they are finished.
  Writer streamed(test_info());
  for (auto it = kept.lines.rbegin(); it != kept.lines.rend(); ++it)
    streamed.doc.declare(it->first, it->second);
  streamed.doc.stream();
  draw_booklet(streamed);
  EXPECT_EQ(streamed.doc.page_count(), 3);
  auto b = streamed.doc.finish();
  ASSERT_TRUE(b.ok()) << b.error().str();
  EXPECT_TRUE(a.value() == b.value());
}

TEST(Document, StreamedUndeclaredCharacterFails) {
  const FontLibrary& lib = library();
  Document doc(lib, test_info());
  doc.declare(natural_line("办事", lib.metrics(Role::Body), 16), Role::Body);
  doc.stream();
  doc.new_page(595.276, 841.89);
  doc.draw_text("办事指南", Role::Body, 16, 79, 700);
  auto r = doc.finish();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("U+6307"), std::string::npos) << r.error().str();
}

TEST(Document, EmptyDocumentIsValid) {
  Document doc(library(), test_info());
  auto r = doc.finish();
  ASSERT_TRUE(r.ok()) << r.error().str();
  fs::path p = out_dir() / "empty.pdf";
  write_file(p, r.value());
  Cmd c = run("qpdf --check '" + p.string() + "'");
  EXPECT_EQ(c.status, 0) << c.out << c.err;
}

}  // namespace
}  // namespace qd::pdf
