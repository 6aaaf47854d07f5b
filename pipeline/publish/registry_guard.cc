#include "publish/registry_guard.h"

#include <filesystem>
#include <system_error>

#include "base/sha256.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

// "2017-09-30 的构建（编码库第 3 次构建）" for messages.
std::string describe_build(const PublishedBuild& b) {
  std::string out = (b.build_date.empty() ? std::string("上次") : b.build_date + " 的") + "构建";
  if (b.registry_generation > 0) out += "（编码库第 " + std::to_string(b.registry_generation) + " 次构建）";
  return out;
}

// What to do about a registry that cannot be used as it is.
std::string remedy(const PublishedBuild& b) {
  return "本次构建未运行，已发布的输出保持不变。请运行 qingdan registry restore --output " + b.folder +
         " 用该构建保存的编码库副本恢复；只有确认要放弃已公布的编码、从头赋码时，才加 --new-registry。";
}

}  // namespace

PublishedBuild read_published_build(const std::string& folder) {
  PublishedBuild b;
  b.folder = folder;
  auto m = read_manifest((fs::path(folder) / "manifest.json").string());
  if (!m.ok()) return b;
  b.exists = true;
  b.manifest = std::move(m.value());
  b.build_date = b.manifest.build_date;
  b.registry_generation = b.manifest.registry_generation;
  b.copy = b.manifest.file(kRegistryCopyPath);
  return b;
}

Result<std::unique_ptr<Registry>> open_registry_for_build(const std::string& path,
                                                          const PublishedBuild& published,
                                                          bool new_registry, std::string* log) {
  std::error_code ec;
  const bool missing = !fs::exists(path, ec);
  const bool zero = !missing && fs::file_size(path, ec) == 0;
  if (published.exists && (missing || zero) && !new_registry) {
    return make_error(Place{path}, std::string("编码库") + (missing ? "不存在" : "是空文件（0 字节）") +
                                       "，但输出目录 " + published.folder + " 已由" +
                                       describe_build(published) +
                                       "发布：此时新建编码库会把已公布的实施编码和已取消事项的编码分给别的事项。" +
                                       remedy(published));
  }
  fs::create_directories(fs::path(path).parent_path(), ec);
  auto opened = Registry::open(path);
  if (!opened.ok()) return make_error(Place{path}, "无法打开编码库：" + opened.error().message);
  std::unique_ptr<Registry> reg = std::move(opened.value());

  // A build killed between its commit and its swap left a journal.
  if (reg->has_journal()) {
    if (published.exists && published.registry_generation == reg->generation()) {
      QD_TRY(reg->forget_journal());
      if (log) *log = "上次构建在发布后、收尾前中断：其输出已发布，编码库已确认。";
    } else {
      const long long killed = reg->generation();
      QD_TRY(reg->undo_journal());
      if (log)
        *log = "上次构建（编码库第 " + std::to_string(killed) +
               " 次）在发布前中断：已撤销它记录的发布清单，它赋出的编码保留不再另作他用。";
    }
  }

  if (!published.exists || new_registry) return reg;
  if (reg->generation() == 0 && reg->code_count() == 0) {
    return make_error(Place{path}, "编码库是空的（没有任何编码），但输出目录 " + published.folder + " 已由" +
                                       describe_build(published) + "发布。" + remedy(published));
  }
  if (published.registry_generation > reg->generation()) {
    return make_error(Place{path}, "编码库停在第 " + std::to_string(reg->generation()) + " 次构建（" +
                                       (reg->last_build().empty() ? "日期不详" : reg->last_build()) +
                                       "），比输出目录 " + published.folder + " 所用的" +
                                       describe_build(published) +
                                       "旧：它可能被换成了旧的副本，其后赋出的编码不在其中。" +
                                       remedy(published));
  }
  return reg;
}

Result<std::string> restore_registry(const std::string& path, const std::string& from) {
  const PublishedBuild b = read_published_build(from);
  if (!b.exists) return make_error(Place{from}, "该目录不是一次构建的输出（没有 manifest.json），无法从中恢复编码库");
  const fs::path copy = fs::path(from) / kRegistryCopyPath;
  if (!b.copy) {
    return make_error(Place{from}, "该构建没有保存编码库副本（" + std::string(kRegistryCopyPath) +
                                       "，本程序较早的版本不保存）；请从更新的构建恢复");
  }
  std::error_code ec;
  const auto size = fs::file_size(copy, ec);
  if (ec || static_cast<long long>(size) != b.copy->size || sha256_file(copy.string()) != b.copy->sha256) {
    return make_error(Place{copy.string()}, "编码库副本与该构建的 manifest.json 记录不符（已损坏或被改动），不能用于恢复");
  }
  auto saved = Registry::open(copy.string());
  if (!saved.ok()) return make_error(Place{copy.string()}, "无法打开编码库副本：" + saved.error().message);
  const long long generation = (*saved)->generation();
  const long long codes = (*saved)->code_count();
  const size_t published = (*saved)->published_items().size();
  saved.value().reset();

  if (fs::exists(path, ec) && fs::file_size(path, ec) > 0) {
    auto live = Registry::open(path);
    if (live.ok()) {
      if ((*live)->generation() >= generation && (*live)->code_count() > 0) {
        return make_error(Place{path}, "编码库已是第 " + std::to_string((*live)->generation()) +
                                           " 次构建之后的状态，不比副本（第 " + std::to_string(generation) +
                                           " 次）旧，无需恢复；恢复会丢失其后赋出的编码");
      }
    } else {
      // Not a database any more: keep it aside, never delete it.
      const std::string aside = path + ".damaged";
      fs::rename(path, aside, ec);
      for (const char* suffix : {"-wal", "-shm"}) fs::rename(path + suffix, aside + suffix, ec);
    }
  }
  fs::create_directories(fs::path(path).parent_path(), ec);
  QD_TRY(Registry::restore_copy(copy.string(), path));
  return "已用 " + from + " 中 " + describe_build(b) + "保存的副本恢复编码库 " + path + "：实施编码 " +
         std::to_string(codes) + " 个，已发布事项 " + std::to_string(published) + " 个，第 " +
         std::to_string(generation) + " 次构建。";
}

std::string registry_status(const std::string& path, const std::string& output) {
  std::string out = "编码库：" + path + "\n";
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    out += "  不存在\n";
  } else if (auto reg = Registry::open(path); !reg.ok()) {
    out += "  无法打开：" + reg.error().message + "\n";
  } else {
    const Registry& r = *reg.value();
    out += "  第 " + std::to_string(r.generation()) + " 次构建（" +
           (r.last_build().empty() ? "无" : r.last_build()) + "），实施编码 " +
           std::to_string(r.code_count()) + " 个，已发布事项 " + std::to_string(r.published_items().size()) +
           " 个" + (r.has_journal() ? "；有上次构建未收尾的记录（下次构建时处理）" : "") + "\n";
  }
  const PublishedBuild b = read_published_build(output);
  out += "输出目录：" + output + "\n";
  if (!b.exists) {
    out += "  尚未发布\n";
  } else {
    out += "  " + describe_build(b) + (b.copy ? "，带编码库副本 " + std::string(kRegistryCopyPath) : "，无编码库副本") + "\n";
  }
  return out;
}

}  // namespace qd
