// Number formats: how a numeric cell's value becomes text, and which
// number formats make a number a date.
#pragma once

#include <string>
#include <string_view>

namespace qd {

// Canonical decimal text of a number: integers without ".0" ("130731",
// "130731000000"), other values as the shortest text that reads back to the
// same double ("0.5", "0.1"), exponent form only for very large or small.
std::string format_number(double v);

// True if the built-in number format `id` shows a date (ids 14-22, 27-36,
// 45-47, 50-58).
bool is_builtin_date_format(int id);

// True if a custom format code shows a date: it has y, m or d tokens outside
// quotes and brackets, and is not a pure time format (h:mm, mm:ss, [h]:mm).
bool is_date_format_code(std::string_view code);

}  // namespace qd
