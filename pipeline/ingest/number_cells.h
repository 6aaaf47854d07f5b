// Numbers typed into the columns the forms keep as text (codes, phones,
// counts): which of them may have lost digits. Excel keeps a number with 15
// significant digits and no leading zero, so a 实施主体编码 or a phone with
// its area code typed as a number has lost something; a count (到办事现场次数)
// or a code whose digits are all there has not.
#pragma once

#include "codes/code_scheme.h"
#include "model/elements.h"

namespace qd {

// What a number cell in a text column means.
enum class NumberCell {
  Fine,        // a count, or a value other rules judge: taken as it is
  Intact,      // a code or phone whose digits are all there: a warning
  DigitsLost,  // leading zeros, digits past the 15th, or exponent form: an error
};

// Judges the number `text` (the canonical decimal text of a number cell,
// see format_number) found in the column of element `e`; `scheme` gives the
// fewest characters a code has.
NumberCell judge_number_cell(El e, std::string_view text, const CodeScheme& scheme);

}  // namespace qd
