#include "base/error.h"

namespace qd {

std::string Place::str() const {
  std::string s = file;
  if (!sheet.empty()) {
    s += ':';
    s += sheet;
    if (!cell.empty()) {
      s += '!';
      s += cell;
    }
  }
  return s;
}

std::string Error::str() const {
  std::string p = place.str();
  return p.empty() ? message : p + ": " + message;
}

}  // namespace qd
