#include "e2e.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "base/text.h"
#include "spreadsheet_reader/xlsx_reader.h"

namespace fs = std::filesystem;

namespace qd::e2e {

TempDir::TempDir(const std::string& name) {
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path root = base ? base : fs::temp_directory_path();
  path_ = (root / ("qingdan-" + name + "-" + std::to_string(::getpid()))).string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!std::getenv("QD_KEEP_TEMP")) fs::remove_all(path_, ec);
}

Proc sh(const std::string& command) {
  Proc r;
  std::string cmd = command + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string qingdan() { return std::string(QD_BINARY_DIR) + "/qingdan"; }

std::string source(const std::string& rel) { return std::string(QD_SOURCE_DIR) + "/" + rel; }

void copy_sample_input(const std::string& dir) {
  fs::copy(source("input"), fs::path(dir) / "input", fs::copy_options::recursive);
}

void copy_district_input(const std::string& dir) {
  fs::copy(source(kDistrictFixture), fs::path(dir) / "input", fs::copy_options::recursive);
}

Proc build(const std::string& dir, const std::string& out, const std::string& date) {
  return sh(quote(qingdan()) + " build --quiet --input " + quote(dir + "/input") + " --output " +
            quote(dir + "/" + out) + " --date " + date);
}

namespace {

// What a shared folder is made from: the binary and its input folder (names,
// sizes, modification times), so that a rebuilt binary or an edited input
// makes it again.
std::string shared_key(const std::string& name, const std::string& input) {
  std::ostringstream key;
  auto stamp = [&](const fs::path& p) {
    std::error_code ec;
    key << p.string() << ' ' << fs::file_size(p, ec) << ' '
        << fs::last_write_time(p, ec).time_since_epoch().count() << '\n';
  };
  key << name << '\n';
  stamp(qingdan());
  stamp(fs::read_symlink("/proc/self/exe"));  // the tests' own code makes shared folders too
  std::vector<fs::path> inputs;
  for (const auto& e : fs::recursive_directory_iterator(source(input)))
    if (e.is_regular_file()) inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& p : inputs) stamp(p);
  return key.str();
}

// Writes a whole file.
void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

std::string shared_dir(const std::string& name,
                       const std::function<void(const std::string& dir)>& make, const std::string& input) {
  fs::path root = fs::path(QD_BINARY_DIR) / "e2e-shared";
  fs::create_directories(root);
  std::string dir = (root / name).string();
  int fd = ::open((root / (name + ".lock")).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0) ::flock(fd, LOCK_EX);
  std::string key = shared_key(name, input);
  if (read_file(dir + "/.key") != key) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    make(dir);
    write_file(dir + "/.key", key);
  }
  if (fd >= 0) ::close(fd);  // releases the lock
  return dir;
}

const SampleBuilt& sample_built() {
  static const SampleBuilt built = [] {
    SampleBuilt b;
    b.dir = shared_dir("sample", [](const std::string& dir) {
      copy_sample_input(dir);
      Proc r = build(dir);
      write_file(dir + "/.exit", std::to_string(r.exit_code));
      write_file(dir + "/.out", r.out);
    });
    std::string exit = read_file(b.dir + "/.exit");
    b.run.exit_code = exit.empty() ? -1 : std::stoi(exit);
    b.run.out = read_file(b.dir + "/.out");
    return b;
  }();
  return built;
}

void copy_tree(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  Proc r = sh("cp -a " + quote(from + "/.") + " " + quote(to + "/"));
  if (r.exit_code != 0) throw std::runtime_error("cp -a " + from + ": " + r.out);
  std::error_code ec;
  fs::remove(fs::path(to) / "output.builds/.lock", ec);
}

void start_from_sample_build(const std::string& dir) {
  copy_tree(sample_built().dir, dir);
  for (const char* f : {".key", ".exit", ".out"}) fs::remove(fs::path(dir) / f);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<FindingRow> read_findings(const std::string& path) {
  std::string text = read_file(path);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // the byte order mark
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  std::vector<FindingRow> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() == 6) out.push_back({r[0], r[1], r[2], r[3], r[4], r[5]});
  }
  return out;
}

namespace {

// Escapes a cell value as dump_xlsx.py prints it. Other control characters
// are shown in their OOXML escape (_x000B_), which openpyxl 3.0 leaves
// undecoded where qingdan's reader decodes it.
std::string escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "_x%04X_", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> cells_by_openpyxl(const std::string& xlsx) {
  Proc r = sh("/usr/bin/python3 " + quote(source("tests/tools/dump_xlsx.py")) + " " + quote(xlsx));
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    // sheet \t cell \t type \t value  ->  sheet \t cell \t value
    size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    if (c == std::string::npos) {
      lines.push_back("ERROR " + line);
      continue;
    }
    lines.push_back(line.substr(0, b) + line.substr(c));
  }
  return lines;
}

std::vector<std::string> cells_by_qingdan(const std::string& xlsx) {
  std::vector<std::string> lines;
  auto wb = read_xlsx_file(xlsx);
  if (!wb.ok()) return {"ERROR " + wb.error().str()};
  for (const Sheet& s : wb->sheets) {
    for (size_t r = 0; r < s.rows.size(); ++r) {
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        const Cell& cell = s.rows[r][c];
        if (cell.type == CellType::Empty || cell.text.empty() || cell.from_merge) continue;
        lines.push_back(s.name + "\t" + cell_ref(static_cast<int>(r), static_cast<int>(c)) + "\t" +
                        escape(cell.text));
      }
    }
  }
  return lines;
}

Proc edit_xlsx(const std::string& xlsx, const std::vector<std::string>& args) {
  std::string cmd = "/usr/bin/python3 " + quote(source("tests/tools/edit_xlsx.py")) + " " + quote(xlsx);
  for (const std::string& a : args) cmd += " " + quote(a);
  return sh(cmd);
}

std::vector<std::string> soffice_to_pdfs(const std::vector<std::string>& files,
                                         const std::string& outdir) {
  std::string profile = "file://" + outdir + "/.lo-profile";
  std::string cmd = "cd " + quote(outdir) + " && HOME=" + quote(outdir) +
                    " timeout 300 soffice --headless --norestore -env:UserInstallation=" +
                    quote(profile) + " --convert-to pdf --outdir " + quote(outdir);
  for (const std::string& f : files) cmd += " " + quote(f);
  sh(cmd);
  std::vector<std::string> pdfs;
  for (const std::string& f : files) {
    fs::path pdf = fs::path(outdir) / fs::path(f).filename().replace_extension(".pdf");
    pdfs.push_back(fs::exists(pdf) ? pdf.string() : std::string());
  }
  return pdfs;
}

std::vector<std::string> soffice_csv_to_xlsx(const std::vector<std::string>& files,
                                             const std::string& outdir) {
  std::string profile = "file://" + outdir + "/.lo-profile";
  // CSV filter options: separator ',' (44), text delimiter '"' (34),
  // character set UTF-8 (76), from line 1; default column types.
  std::string cmd = "cd " + quote(outdir) + " && HOME=" + quote(outdir) +
                    " timeout 300 soffice --headless --norestore -env:UserInstallation=" +
                    quote(profile) + " --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir " + quote(outdir);
  for (const std::string& f : files) cmd += " " + quote(f);
  sh(cmd);
  std::vector<std::string> out;
  for (const std::string& f : files) {
    fs::path x = fs::path(outdir) / fs::path(f).filename().replace_extension(".xlsx");
    out.push_back(fs::exists(x) ? x.string() : std::string());
  }
  return out;
}

std::map<std::string, std::pair<std::string, std::string>> typed_cells(const std::string& xlsx) {
  Proc r = sh("/usr/bin/python3 " + quote(source("tests/tools/dump_xlsx.py")) + " " + quote(xlsx) + " 2>/dev/null");
  std::map<std::string, std::pair<std::string, std::string>> cells;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    if (c == std::string::npos) continue;
    cells[line.substr(0, b)] = {line.substr(b + 1, c - b - 1), line.substr(c + 1)};
  }
  return cells;
}

std::string soffice_to_pdf(const std::string& file, const std::string& outdir) {
  return soffice_to_pdfs({file}, outdir).front();
}

std::map<std::string, std::string> tree(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    files[fs::relative(e.path(), dir).string()] = read_file(e.path().string());
  }
  return files;
}

std::map<std::string, std::string> published_tree(const std::string& dir) {
  std::map<std::string, std::string> files = tree(dir);
  std::erase_if(files, [](const auto& f) { return f.first.starts_with("registry/"); });
  auto m = files.find("manifest.json");
  if (m != files.end()) {
    auto doc = nlohmann::ordered_json::parse(m->second, nullptr, false);
    if (doc.is_object()) {
      doc.erase("registry_generation");
      auto& list = doc["files"];
      for (auto it = list.begin(); it != list.end();)
        it = it->value("part", "") == "registry" ? list.erase(it) : it + 1;
      auto& parts = doc["parts"];
      for (auto it = parts.begin(); it != parts.end();)
        it = it->value("id", "") == "registry" ? parts.erase(it) : it + 1;
      m->second = doc.dump(1, '\t') + "\n";
    }
  }
  return files;
}

}  // namespace qd::e2e
