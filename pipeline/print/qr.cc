#include "print/qr.h"

#include <algorithm>
#include <cmath>

#include <qrencode.h>

namespace qd::print {

Result<QrCode> qr_encode(std::string_view text) {
  if (text.empty()) return make_error(Place{}, "二维码内容为空");
  const std::string data(text);
  // Byte mode, version chosen by the library (smallest that holds the data).
  QRcode* qr = QRcode_encodeData(static_cast<int>(data.size()),
                                 reinterpret_cast<const unsigned char*>(data.data()), 0,
                                 QR_ECLEVEL_M);
  if (!qr) return make_error(Place{}, "无法生成二维码（内容过长）：" + data);
  QrCode code;
  code.size = qr->width + 2 * kQuietZone;
  code.modules.assign(static_cast<size_t>(code.size) * code.size, 0);
  for (int r = 0; r < qr->width; ++r)
    for (int c = 0; c < qr->width; ++c)
      code.modules[static_cast<size_t>(r + kQuietZone) * code.size + c + kQuietZone] =
          qr->data[r * qr->width + c] & 1;
  QRcode_free(qr);
  return code;
}

double QrCode::width_for(double symbol_pt) const {
  const double module = std::max(symbol_pt / symbol_size(), kMinModuleMm * 72 / 25.4);
  return std::ceil(module / kGridPt - 1e-9) * kGridPt * size;
}

std::string guide_url(const Settings& settings, const Item& item) {
  const std::string& code = item.get(El::ImplCode);
  std::string url = settings.guide_url_template;
  if (url.empty() || code.empty()) return "";
  const std::string key = "{impl_code}";
  for (size_t at = url.find(key); at != std::string::npos; at = url.find(key, at + code.size()))
    url.replace(at, key.size(), code);
  return url;
}

}  // namespace qd::print
