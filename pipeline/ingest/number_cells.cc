#include "ingest/number_cells.h"

#include "base/text.h"

namespace qd {

namespace {

// Excel keeps 15 significant digits of a number.
constexpr size_t kExcelDigits = 15;

// Judges a phone number typed as a number: a landline with its area code
// starts with 0, so a number of 9 or more digits that is not a mobile
// (1[3-9] and 11 digits) or a 400/800 line lost its leading 0.
NumberCell judge_phone(std::string_view d) {
  if (d.size() <= 8) return NumberCell::Intact;  // a local number: PHONE asks for the area code
  if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') return NumberCell::Intact;
  if (d.size() == 10 && (d.starts_with("400") || d.starts_with("800"))) return NumberCell::Intact;
  return NumberCell::DigitsLost;
}

}  // namespace

NumberCell judge_number_cell(El e, std::string_view text, const CodeScheme& scheme) {
  switch (e) {
    case El::Visits:  // a count: 0, 1, 2, 3
    case El::Window:  // a window number of the hall
    case El::OnlineUrl:  // never a number: ONLINE-URL says what is wrong
      return NumberCell::Fine;
    default:
      break;
  }
  const ElementInfo& info = element(e);
  if (!info.text_column) return NumberCell::Fine;
  // "1.1130731402547302e+17", "0.5", "-3": not the digits of a code.
  if (!all_digits(text) || text.empty()) return NumberCell::DigitsLost;
  if (text.size() > kExcelDigits) return NumberCell::DigitsLost;
  switch (e) {
    case El::ConsultPhone:
    case El::ComplaintPhone:
      return judge_phone(text);
    case El::BasicCode:
      return text.size() < min_basic_length(scheme) ? NumberCell::DigitsLost : NumberCell::Intact;
    case El::ImplCode:
      return text.size() < min_impl_length(scheme) ? NumberCell::DigitsLost : NumberCell::Intact;
    case El::AgencyCode:  // 18 characters: always more than Excel keeps
      return NumberCell::DigitsLost;
    default:
      return NumberCell::Intact;
  }
}

}  // namespace qd
