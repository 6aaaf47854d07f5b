// ONLINE-VISITS, VISIT-REASON and ONLINE-URL: 网上办理深度, 到办事现场次数 and
// 网上办理地址.
#include "validate/rules.h"

namespace qd::vrules {

// True for an absolute http(s) URL with a host and no white space.
bool url_valid(std::string_view url) {
  std::string u = trim(url);
  std::string lower;
  for (char ch : u) lower += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  size_t host;
  if (lower.starts_with("https://")) host = 8;
  else if (lower.starts_with("http://")) host = 7;
  else return false;
  if (u.size() <= host || u[host] == '/' || u[host] == '.') return false;
  for (unsigned char ch : u)
    if (ch <= ' ') return false;
  return u.find("　") == std::string::npos;
}

// Full online handling (Ⅳ) allows no visit; a visit needs a reason; depth Ⅲ
// and Ⅳ need an address; an address must be an http(s) URL.
void check_online(Catalog& c, Item& item) {
  const std::string depth = code_of(item, El::OnlineDepth);  // "1".."4"
  const std::string visits = code_of(item, El::Visits);      // "0".."3"
  const bool visit = !visits.empty() && visits != "0";
  if (depth == "4" && visit)
    add(c, item, place_of(item, El::Visits), "ONLINE-VISITS", Severity::Error,
        "“网上办理深度”为Ⅳ全程网办，但“到办事现场次数”为" + visits +
            "：全程网办的事项到现场次数应为0；如确需到现场，请把网上办理深度改为Ⅲ在线申办或以下。");
  if (visit && trim(item.get(El::VisitReason)).empty()) {
    const Field& reason = item.field(El::VisitReason);
    add(c, item, place_of(reason, place_of(item, El::Visits)), "VISIT-REASON", Severity::Warning,
        "“到办事现场次数”为" + visits +
            "，但没有填写“必须现场办理原因说明”：能网上办理的不得要求到现场，请说明必须到现场的法定理由，或把到现场次数改为0。");
  }
  const std::string url = trim(item.get(El::OnlineUrl));
  const std::string example = c.settings.portal_base_url.empty() ? std::string("https://")
                                                                  : c.settings.portal_base_url;
  if ((depth == "3" || depth == "4") && url.empty()) {
    add(c, item, place_of(item.field(El::OnlineUrl), place_of(item, El::OnlineDepth)),
        "ONLINE-URL", Severity::Warning,
        "“网上办理深度”为" + item.get(El::OnlineDepth) + "，但“网上办理地址”为空：请填写办事人可直接打开的网址，如" +
            q(example) + "。");
  } else if (!url.empty() && !url_valid(url)) {
    add(c, item, place_of(item, El::OnlineUrl), "ONLINE-URL", Severity::Warning,
        "“网上办理地址”" + q(url) + "不是完整的网址：应以 http:// 或 https:// 开头、不含空格，如" +
            q(example) + "。");
  }
}

}  // namespace qd::vrules
