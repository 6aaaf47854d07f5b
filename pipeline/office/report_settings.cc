#include "office/report_settings.h"

#include <algorithm>
#include <filesystem>

namespace qd {

ReportSettings ReportSettings::defaults(const Catalog& catalog) {
  ReportSettings rs;
  const Settings& s = catalog.settings;
  const std::string& county = s.county;
  rs.issuer = county + "人民政府推进职能转变协调小组办公室";
  rs.short_issuer = s.division + "审改办";
  rs.recipients = s.division + "直各有关部门";
  rs.whole = "全" + s.division;
  rs.government = s.division + "政府";
  const std::string& d = s.division;
  rs.copy_to = d + "委办公室，" + d + "人大常委会办公室，" + d + "政府办公室，" + d + "政协办公室";
  if (!s.document_prefix.empty()) {
    rs.number_prefix = s.document_prefix;
  } else {
    // The first character of the county's own name (UTF-8), without the
    // province or city it may be written with, + 审改办: 涿审改办.
    std::string_view own = county;
    for (const std::string& above : {s.province, s.city})
      if (!above.empty() && own.size() > above.size() && own.starts_with(above)) own.remove_prefix(above.size());
    size_t len = 1;
    if (!own.empty()) {
      unsigned char c = static_cast<unsigned char>(own[0]);
      len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    }
    rs.number_prefix = std::string(own.substr(0, std::min(len, own.size()))) + "审改办";
  }
  return rs;
}

namespace office {

Status save(const docx::Document& doc, const std::string& output_dir, const std::string& rel,
            std::vector<std::string>* written) {
  QD_TRY(docx::save(doc, (std::filesystem::path(output_dir) / rel).string()));
  if (written) written->push_back(rel);
  return Ok{};
}

}  // namespace office

}  // namespace qd
