#include "print/fonts.h"

#include <map>
#include <memory>
#include <mutex>

namespace qd::print {

Result<const pdf::FontLibrary*> fonts(const std::string& config_path) {
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

bool printable(const pdf::FontLibrary& lib, char32_t cp) { return lib.font_for(Role::Body, cp) >= 0; }

const ts::Metrics* role_metrics(const std::string& config_path, Role role) {
  if (config_path.empty()) return nullptr;
  auto lib = fonts(config_path);
  return lib.ok() ? &lib.value()->metrics(role) : nullptr;
}

layout::Fonts metrics(const pdf::FontLibrary& lib) {
  layout::Fonts f{};
  for (int i = 0; i < kRoleCount; ++i) f[static_cast<size_t>(i)] = &lib.metrics(static_cast<Role>(i));
  return f;
}

}  // namespace qd::print
