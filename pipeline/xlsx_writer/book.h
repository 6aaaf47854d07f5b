// A small RAII wrapper over libxlsxwriter's lxw_workbook that every .xlsx
// writer uses. It makes files deterministic (fixed document properties; the
// library itself stamps zip entries 1980-01-01), writes every user text as a
// string (never a formula), keeps a cache of cell formats, and records the
// first library error so writers check one Status at close().
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "base/error.h"
#include "base/text.h"
#include "model/catalog.h"

namespace qd::xlsx {

// Excel's limit on the characters of one cell.
inline constexpr size_t kMaxCellChars = 32767;

// Document properties written to docProps/core.xml and app.xml.
struct DocInfo {
  std::string title;
  std::string subject;
  std::string author;   // settings.office
  std::string company;  // settings.office
  std::string comments;
  Date created;         // the build date; the file says 00:00:00Z of that day
};

// Document properties of an output of the office, made on `date` (the
// list version or the data's date: never the build's, so that an unchanged
// output keeps its bytes from night to night).
DocInfo doc_info(const Catalog& catalog, std::string title, Date date);

// A cell format, compared by value so equal styles share one lxw_format.
struct Style {
  bool bold = false;
  bool border = true;
  bool wrap = true;
  bool center = false;     // horizontal centre
  bool vcenter = false;    // vertical centre (default: top)
  bool locked = true;      // only matters on a protected sheet
  bool italic = false;
  uint32_t fill = 0;       // RGB fill, 0 for none
  uint32_t color = 0;      // RGB font colour, 0 for automatic
  double size = 11;        // font size in points
  std::string num_format;  // "@" for text, "yyyy-mm-dd" for dates, "" general

  auto operator<=>(const Style&) const = default;
};

// Named styles used across the writers.
Style header_style();  // bold, grey fill, border, wrap, centred
Style body_style();    // border, wrap, top aligned
Style text_style();    // body_style() with num_format "@"
Style title_style();   // bold 16 pt, centred, no border
Style note_style();    // no border, wrap, top aligned

// Cuts `s` so it fits in a cell: at most kMaxCellChars UTF-16 units, ending
// in "…" when cut; invalid UTF-8 becomes U+FFFD. Never drops the text.
std::string cell_text(std::string_view s);

// True if `name` is a valid worksheet name: 1–31 characters, none of
// []:*?/\ and not starting or ending with an apostrophe.
bool valid_sheet_name(std::string_view name);

// Replaces forbidden characters by "_" and cuts to 31 characters.
std::string clean_sheet_name(std::string_view name);

// One .xlsx file being written.
class Book {
 public:
  Book() = default;
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  // Starts a workbook at `path` (parent folders are created) with fixed
  // document properties.
  Status open(const std::string& path, const DocInfo& info);

  // Adds a worksheet named `wanted`, or `fallback` when `wanted` is not a
  // valid name, cleaned and made unique ("名称(2)"). Returns nullptr after
  // recording an error.
  lxw_worksheet* add_sheet(std::string_view wanted, std::string_view fallback = {});
  // The name the sheet was given by add_sheet().
  std::string sheet_name(const lxw_worksheet* ws) const;

  // The shared format for `style`.
  lxw_format* format(const Style& style);

  // Writes `text` as a string cell (never a formula); an empty text writes
  // a blank cell with the format so borders still show.
  void text(lxw_worksheet* ws, int row, int col, std::string_view text, lxw_format* f);
  // Writes a number.
  void number(lxw_worksheet* ws, int row, int col, double value, lxw_format* f);
  // Writes a date as an Excel date serial with format `f`.
  void date(lxw_worksheet* ws, int row, int col, const Date& d, lxw_format* f);
  // Writes a row of texts starting at `col`.
  void row(lxw_worksheet* ws, int row, int col, const std::vector<std::string>& cells,
           lxw_format* f);
  // Merges a range and writes `text` into it.
  void merge(lxw_worksheet* ws, int first_row, int first_col, int last_row, int last_col,
             std::string_view text, lxw_format* f);

  // Records `err` (with `what` for the message) unless it is LXW_NO_ERROR.
  void check(lxw_error err, std::string_view what);
  // Records a failure that is not a library error.
  void fail(std::string message);
  // True while no error was recorded.
  bool ok() const { return !error_.has_value(); }

  // The underlying workbook, for calls the wrapper does not cover.
  lxw_workbook* raw() { return wb_; }
  const std::string& path() const { return path_; }

  // Writes the file and returns the first error recorded, if any.
  Status close();

 private:
  lxw_workbook* wb_ = nullptr;
  std::string path_;
  DocInfo info_;
  std::optional<Error> error_;
  std::map<Style, lxw_format*> formats_;
  std::vector<std::pair<const lxw_worksheet*, std::string>> sheets_;
};

}  // namespace qd::xlsx
