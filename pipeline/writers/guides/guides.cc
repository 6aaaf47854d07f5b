#include "writers/guides/guides.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "writers/guides/booklet.h"
#include "writers/guides/template.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

// A department name as a file name: path separators and control characters replaced.
std::string file_name(std::string name) {
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':' || (static_cast<unsigned char>(c) < 0x20)) c = '_';
  return name;
}

Status write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return make_error(Place{path}, "无法写入办事指南文件");
  return Ok{};
}

}  // namespace

std::string county_booklet_path(const Catalog& catalog) {
  return "guides/" + file_name(catalog.settings.county + "政务服务事项办事指南汇编") + ".pdf";
}

Result<const pdf::FontLibrary*> guide_fonts(const std::string& config_path) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<pdf::FontLibrary>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(config_path);
  if (it != cache.end()) return static_cast<const pdf::FontLibrary*>(it->second.get());
  auto lib = pdf::FontLibrary::load(config_path);
  if (!lib.ok()) return lib.error();
  const pdf::FontLibrary* p = lib.value().get();
  cache.emplace(config_path, std::move(lib.value()));
  return p;
}

Status write_guides(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written) {
  auto tmpl = read_guide_template((fs::path(ctx.templates_dir) / "guide.xml").string());
  if (!tmpl.ok()) return tmpl.error();
  auto lib = guide_fonts(ctx.fonts_config);
  if (!lib.ok()) return lib.error();
  const pdf::FontLibrary& fonts = *lib.value();
  const layout::Fonts metrics = fonts_of(fonts);
  const Date date = ctx.build_date.valid() ? ctx.build_date : catalog.build_date;

  const fs::path dir = fs::path(ctx.output_dir) / "guides";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return make_error(Place{dir.string()}, "无法创建办事指南文件夹：" + ec.message());

  auto write = [&](const Booklet& b, const std::string& name) -> Status {
    auto bytes = render_booklet(b, tmpl->frame, fonts);
    if (!bytes.ok()) return bytes.error();
    QD_TRY(write_file((dir / name).string(), bytes.value()));
    written->push_back("guides/" + name);
    return Ok{};
  };

  bool any = false;
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    if (catalog.published(dept.name).empty()) continue;
    any = true;
    QD_TRY(write(lay_out_department(catalog, dept, tmpl.value(), metrics, date),
                 file_name(dept.name) + ".pdf"));
  }
  if (any)
    QD_TRY(write(lay_out_county(catalog, tmpl.value(), metrics, date),
                 fs::path(county_booklet_path(catalog)).filename().string()));
  return Ok{};
}

}  // namespace qd
