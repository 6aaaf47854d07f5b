// Helpers for the end-to-end tests: run the real `qingdan` binary on a copy
// of an input folder in a private temporary directory, and read back what it
// wrote with the project's reader and with other programs (openpyxl,
// LibreOffice, poppler).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace qd::e2e {

// A private folder under the test temp dir, removed at destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

// What a command printed and how it ended.
struct Proc {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a shell command line.
Proc sh(const std::string& command);

// Quotes one argument for the shell.
std::string quote(const std::string& arg);

// The built qingdan binary and the source tree.
std::string qingdan();
std::string source(const std::string& rel);

// Copies the sample input/ to DIR/input (the registry then lives in DIR/state).
void copy_sample_input(const std::string& dir);

// The second sample, a 区 in another province (tests/fixtures/district, made
// by tools/make_district_sample.py), copied to DIR/input.
inline constexpr const char* kDistrictFixture = "tests/fixtures/district";
void copy_district_input(const std::string& dir);

// Runs `qingdan build` on DIR/input into DIR/<out> for the date.
Proc build(const std::string& dir, const std::string& out = "output",
          const std::string& date = "2017-09-30");

// A folder shared by the test processes of one build tree (ctest runs every
// test in a process of its own): the first process that asks for `name`
// makes it with `make`, under a lock, and later ones reuse it for as long as
// the qingdan binary and the input folder `input` (of the source tree: the
// sample by default) stay the same. Tests must not change it: copy it first
// (copy_tree). Returns its path.
std::string shared_dir(const std::string& name, const std::function<void(const std::string& dir)>& make,
                       const std::string& input = "input");

// The sample county built once for 2017-09-30, shared: DIR/input, DIR/state
// (the registry), DIR/output, DIR/output.builds, and how the build ended.
struct SampleBuilt {
  std::string dir;
  Proc run;
};
const SampleBuilt& sample_built();

// Copies a folder with everything in it (hard links and times kept) into
// `to`, leaving out a build lock; `to` is created.
void copy_tree(const std::string& from, const std::string& to);

// Starts a private folder from the shared sample build: as if the test had
// copied the sample input and built it for 2017-09-30 itself.
void start_from_sample_build(const std::string& dir);

// Reads a whole file; "" if it cannot be read.
std::string read_file(const std::string& path);

// One row of findings.csv.
struct FindingRow {
  std::string file, sheet, cell, rule, severity, message;
};
// Parses findings.csv (RFC 4180).
std::vector<FindingRow> read_findings(const std::string& path);

// Every non-empty cell of a workbook as "sheet\tcell\tvalue" lines, read by
// openpyxl (via tests/tools/dump_xlsx.py), type column dropped.
std::vector<std::string> cells_by_openpyxl(const std::string& xlsx);
// The same, read by qingdan's own reader.
std::vector<std::string> cells_by_qingdan(const std::string& xlsx);

// Runs tests/tools/edit_xlsx.py on a workbook with the given arguments.
Proc edit_xlsx(const std::string& xlsx, const std::vector<std::string>& args);

// Converts a document with LibreOffice to PDF in `outdir`; returns the PDF's
// path or "" on failure.
std::string soffice_to_pdf(const std::string& file, const std::string& outdir);
// Converts several documents in one LibreOffice run (one start-up); returns
// the PDFs' paths, "" for each that failed.
std::vector<std::string> soffice_to_pdfs(const std::vector<std::string>& files,
                                         const std::string& outdir);

// Opens text files (CSV) with LibreOffice Calc as UTF-8, comma-separated,
// with its type detection on (numbers, dates, formulas, as a double-click
// does), and saves them as .xlsx in `outdir`; returns the workbooks' paths,
// "" for each that failed.
std::vector<std::string> soffice_csv_to_xlsx(const std::vector<std::string>& files,
                                             const std::string& outdir);

// Every cell of a workbook as read by openpyxl: "sheet\tcell" → {type, value}
// (type "s" text, "n" number, "f" formula, …; value as dump_xlsx.py prints it).
std::map<std::string, std::pair<std::string, std::string>> typed_cells(const std::string& xlsx);

// Every file under `dir` (relative paths, sorted) with its content.
std::map<std::string, std::string> tree(const std::string& dir);

// The same without the state a build leaves beside its outputs: the copy of
// the registry (registry/, which changes with every build that commits it)
// and its entries in manifest.json. What two builds of the same input and
// date must give byte for byte.
std::map<std::string, std::string> published_tree(const std::string& dir);

}  // namespace qd::e2e
