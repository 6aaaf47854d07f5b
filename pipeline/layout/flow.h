// The flow: blocks set one after another down the type area, onto as many
// pages as they need. Titles and headings are kept with the block that
// follows them (no page ends with a heading): with two lines of a
// paragraph, a table's header row and its first rows, a flow chart's first
// row. Tables break between rows (a row taller than a page breaks inside
// its cells, line by line) and repeat their header row, which is never
// left without a row under it (two where they fit); flow charts wrap onto
// several rows (snaking, so arrows never cross) and pages.
// Every block is laid out once: the whole flow is O(total lines).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/page.h"

namespace qd::layout {

// A ruled table. Cells may hold several paragraphs separated by '\n'.
struct Table {
  std::vector<double> widths;             // > 0: shares of the width left; < 0: fixed, −pt
  std::vector<TextStyle> columns;         // per column; pitch comes from TableStyle::text
  std::vector<std::string> header;        // header row (repeated on every page, its cells
                                          // broken between words); empty: none
  std::vector<std::vector<std::string>> rows;
  // Notes set under the text of a cell in TableStyle::note, on lines of
  // their own (a material's 填报须知 under its name): parallel to `rows` and
  // their cells, or shorter (no notes).
  std::vector<std::vector<std::string>> notes;
};

struct TableStyle {
  TextStyle text{Role::Body, 12, 18};     // the cells' line pitch; default cell style
  TextStyle header{Role::Heading1, 12, 18};
  TextStyle note{Role::Heading2, 9, 18};  // Table::notes (at the cells' pitch)
  double pad_x = 4, pad_y = 4;
  double rule = 0.5;
  double header_fill = kHeaderFill;       // < 0: no fill
  double before = 6, after = 10;
};

// One step of a flow chart: its name and a note under it (the time limit).
struct FlowStep {
  std::string name;
  std::string note;
};

struct FlowChartStyle {
  int columns = 4;                         // boxes per row
  double gap_x = 26, gap_y = 24;           // room for the arrows
  double pad = 5;
  double box_rule = 0.8, arrow_width = 0.8;
  int max_name_lines = 6;
  TextStyle name{Role::Heading1, 12, 17};
  TextStyle note{Role::Body, 10.5, 15};
  double before = 8, after = 10;
};

class Flow {
 public:
  // `first_number` is the page number of the flow's first page (its parity
  // decides where recto_break() inserts a blank page).
  Flow(Frame frame, Fonts fonts, int first_number = 1);

  // Footer of the pages started from now on.
  void set_footer(std::string footer) { footer_ = std::move(footer); }
  // Pages started from now on carry no page number (covers).
  void set_numbered(bool numbered) { numbered_ = numbered; }

  // A title (balanced lines broken between words, centred); kept with the
  // next block.
  void title(std::string_view text, const TextStyle& style);
  // A heading (one paragraph, no indent); kept with the next block.
  void heading(std::string_view text, const TextStyle& style);
  // Paragraphs (split on '\n'), set with style.indent and justified.
  void paragraph(std::string_view text, const TextStyle& style);
  // One line of text at an alignment (no breaking), e.g. cover lines.
  void line(std::string_view text, const TextStyle& style);
  // A contents entry: `text` (wrapping, `left` pt in from the type area's
  // left edge) with dot leaders to `number`, right-aligned; the entry is
  // kept on one page. Wrapped lines end `reserve` pt before the right edge.
  void entry(std::string_view text, std::string_view number, const TextStyle& style,
             double left, double reserve);
  void table(const Table& table, const TableStyle& style);
  void flow_chart(const std::vector<FlowStep>& steps, const FlowChartStyle& style);
  // Vertical space (dropped at the top of a page); after headings that
  // are still kept with the next block, below them.
  void space(double pt);
  // Moves down to `y_from_top` of the type area on the current page, if not past it.
  void move_to(double y_from_top);
  // The next block starts on a new page.
  void page_break();
  // The next block starts on an odd-numbered page (a blank page is inserted
  // when needed); also a page break.
  void recto_break();
  // Starts a page now even if nothing is drawn on it (cover pages).
  void start_page();

  // An anchor at the next thing placed: anchor_page(id) is then the index of
  // its page in pages() (−1 until placed).
  int anchor();
  int anchor_page(int id) const { return anchors_[static_cast<size_t>(id)]; }

  // Places any pending headings; call before reading pages().
  void finish();
  const std::vector<Page>& pages() const { return pages_; }
  std::vector<Page> take() { finish(); return std::move(pages_); }
  // Distance from the top of the type area on the current page.
  double cursor() const { return cursor_; }
  const Frame& frame() const { return frame_; }
  const ts::Metrics& metrics(Role r) const { return *fonts_[static_cast<size_t>(r)]; }

 private:
  struct Pending {
    std::vector<ts::Line> lines;
    TextStyle style;
    bool centered;
  };
  double remaining() const { return frame_.height - cursor_; }
  void new_page();
  // Ensures a page exists and honours a requested break; resolves anchors.
  void begin();
  // Places the pending headings so that they and `first` of the next block
  // share a page.
  void flush(double first);
  // Height the pending headings take when placed at the top of a page
  // (`at_top`) or below other blocks.
  double pending_height(bool at_top) const;
  // `before`, the space above a block, if the block will not be at the top
  // of a page (something is on the page, or headings are pending).
  double space_before(double before) const;
  void place_lines(const std::vector<ts::Line>& lines, const TextStyle& style, bool centered);
  void emit_line(const ts::Line& line, const TextStyle& style, double box_x, double box_w,
                 double top, ts::ParagraphStyle::Align align);
  Page& page() { return pages_.back(); }

  Frame frame_;
  Fonts fonts_;
  int first_number_;
  std::vector<Page> pages_;
  double cursor_ = 0;
  bool break_ = false, recto_ = false;
  bool numbered_ = true;
  std::string footer_;
  std::vector<Pending> pending_;
  std::vector<int> anchors_;
  std::vector<int> unresolved_;
};

// Sets `text` as one line at `size` (no breaking, no justification).
ts::Line set_line(std::string_view text, const ts::Metrics& metrics, double size);
// Lays out a paragraph at a style and width (indent from the style).
std::vector<ts::Line> set_paragraph(std::string_view text, const ts::Metrics& metrics,
                                    const TextStyle& style, double width);
// Lays out short display lines (titles, table heads) at a style and width:
// balanced, broken between words (ts::layout_display), one paragraph per
// line of `text`.
std::vector<ts::Line> set_display(std::string_view text, const ts::Metrics& metrics,
                                  const TextStyle& style, double width);
// The inked extent of a line: first glyph's left to last glyph's right.
double line_extent(const ts::Line& line);

// GB/T 9704 page numbers and the footer line.
struct Folio {
  Role role = Role::Number;
  double size = 14;
  double below = 7 * kMm;     // from the type area's bottom to the top of the number
  double inset = 1;           // in characters, from the type area's edge
  TextStyle footer{Role::Body, 10.5, 14};
  double footer_y = 12 * kMm; // baseline of the footer above the paper's bottom
};

// "— 7 —"
std::string folio_text(int number);
// Adds page numbers (page i is number first_number + i; odd right, even
// left; none on blank or unnumbered pages) and footers to every page.
void add_folios(std::vector<Page>& pages, const Frame& frame, const Fonts& fonts,
                const Folio& folio, int first_number = 1);

}  // namespace qd::layout
