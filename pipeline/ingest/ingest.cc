#include "ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <thread>

#include "ingest/department_reader.h"
#include "ingest/reference_reader.h"
#include "spreadsheet_reader/csv_reader.h"
#include "spreadsheet_reader/xlsx_reader.h"

namespace fs = std::filesystem;

namespace qd {

namespace {

// Records that a file could not be read.
void report_unreadable(Catalog& catalog, const std::string& file, const std::string& department,
                       const Error& error) {
  Finding f;
  f.at = Place{file, "", ""};
  f.rule = "FILE-UNREADABLE";
  f.severity = Severity::Error;
  f.message = error.message;
  f.department = department;
  catalog.report(std::move(f));
}

// Sorted entries of a folder (deterministic order whatever the file system).
std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// True for files the office's tools leave behind (~$x.xlsx lock files, .#x).
bool is_temporary(const fs::path& p) {
  std::string n = p.filename().string();
  return n.starts_with("~$") || n.starts_with(".~") || n.starts_with(".#") || n.starts_with(".");
}

// Reads one department given as a folder of CSV sheets (<sheet>.csv).
bool read_csv_department(const fs::path& dir, const std::string& display, Catalog& catalog) {
  Workbook wb;
  wb.path = display;
  for (const fs::path& p : sorted_entries(dir)) {
    if (p.extension() != ".csv" || is_temporary(p)) continue;
    std::string file = display + "/" + p.filename().string();
    auto sheet = read_csv_file(p.string(), p.stem().string());
    if (!sheet.ok()) {
      Error e = sheet.error();
      e.place.file = file;
      report_unreadable(catalog, file, dir.filename().string(), e);
      Submission s;
      s.department = dir.filename().string();
      s.file = file;
      catalog.submissions.push_back(s);
      return false;
    }
    wb.sheets.push_back(std::move(sheet.value()));
  }
  read_department(wb, display, dir.filename().string(), catalog);
  return true;
}

// Takes in one department workbook, read from `path` (`wb`); `display` is
// its name in places.
bool read_xlsx_department(const fs::path& path, const std::string& display,
                          const Result<Workbook>& wb, Catalog& catalog) {
  if (!wb.ok()) {
    std::string department = path.stem().string();
    report_unreadable(catalog, display, department, wb.error());
    Submission s;
    s.department = department;
    s.file = display;
    s.readable = false;
    catalog.submissions.push_back(s);
    return false;
  }
  read_department(wb.value(), display, path.stem().string(), catalog);
  return true;
}

// Reads every .xlsx of a reference folder with `reader`.
template <class Reader>
void read_reference(const fs::path& path, const std::string& display, Catalog& catalog,
                    Reader reader, IngestStats* stats) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  auto wb = read_xlsx_file(path.string());
  if (!wb.ok()) {
    report_unreadable(catalog, display, "", wb.error());
    ++stats->unreadable;
    return;
  }
  reader(wb.value(), display, catalog);
}

}  // namespace

IngestStats ingest(const std::string& input_dir, Catalog& catalog) {
  IngestStats stats;
  fs::path in(input_dir);
  struct Entry {
    fs::path path;
    bool csv = false;
    std::future<Result<Workbook>> workbook;  // an .xlsx, being read
  };
  std::vector<Entry> entries;
  for (const fs::path& p : sorted_entries(in / "departments")) {
    if (is_temporary(p)) continue;
    std::error_code ec;
    if (fs::is_directory(p, ec))
      entries.push_back({p, true, {}});
    else if (p.extension() == ".xlsx" || p.extension() == ".xls" || p.extension() == ".xlsm")
      entries.push_back({p, false, {}});
  }
  // Workbooks are unzipped and parsed on every core, a few ahead of the one
  // being taken in; taking in (which adds to the catalog) stays in order.
  const size_t ahead = std::max(2u, std::thread::hardware_concurrency());
  auto start = [&](size_t i) {
    if (i < entries.size() && !entries[i].csv)
      entries[i].workbook = std::async(std::launch::async, [path = entries[i].path.string()] {
        return read_xlsx_file(path);
      });
  };
  for (size_t i = 0; i < ahead; ++i) start(i);
  for (size_t i = 0; i < entries.size(); ++i) {
    start(i + ahead);
    Entry& e = entries[i];
    const std::string display = "departments/" + e.path.filename().string();
    const bool ok = e.csv ? read_csv_department(e.path, display, catalog)
                          : read_xlsx_department(e.path, display, e.workbook.get(), catalog);
    ++stats.files;
    if (!ok) ++stats.unreadable;
  }
  ingest_references(input_dir, catalog, &stats);
  return stats;
}

void ingest_references(const std::string& input_dir, Catalog& catalog, IngestStats* stats) {
  fs::path in(input_dir);
  read_reference(in / "reference" / "权力清单.xlsx", "reference/权力清单.xlsx", catalog,
                 read_power_list, stats);
  read_reference(in / "reference" / "公共服务事项清单.xlsx", "reference/公共服务事项清单.xlsx",
                 catalog, read_public_list, stats);
  for (const fs::path& p : sorted_entries(in / "review")) {
    if (p.extension() != ".xlsx" || is_temporary(p)) continue;
    read_reference(p, "review/" + p.filename().string(), catalog, read_decisions, stats);
  }
}

bool ingest_department_file(const std::string& path, Catalog& catalog) {
  fs::path p(path);
  std::error_code ec;
  if (fs::is_directory(p, ec)) return read_csv_department(p, path, catalog);
  return read_xlsx_department(p, path, read_xlsx_file(path), catalog);
}

}  // namespace qd
