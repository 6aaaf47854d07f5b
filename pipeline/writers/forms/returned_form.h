// One department's form sent back for correction (退回修改), as a reviewer
// with a red pen would: the fill-in form (the same sheets, drop-downs and
// protection as forms/<部门>.xlsx) prefilled with what the department
// submitted, its rows in submitted order, every finding as a comment at the
// cell it concerns in the colour of its severity, every decision that
// returns an item as a comment on the item's name, and a first sheet
// 审核意见 that lists them all with a link to each cell and what to do.
//
// Findings name cells of the submitted workbook, whose columns may be in
// any order and whose header may sit below a title: each value's place
// (Field::at) says where it came from, and the returned form puts the
// value, and so its findings, at the cell of the form's own layout.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/returns.h"
#include "writers/forms/department_form.h"

namespace qd {

// The first sheet of a returned form.
inline constexpr std::string_view kReturnSheet = "审核意见";

// The fill colours of the marked cells.
inline constexpr uint32_t kErrorFill = 0xFFC7CE;    // an error: must be corrected
inline constexpr uint32_t kWarningFill = 0xFFEB9C;  // a warning: to be checked
inline constexpr uint32_t kReturnFill = 0xF8CBAD;   // a decision returns the item

// One line of the 审核意见 sheet: a finding or a returning decision.
struct ReturnNote {
  std::string kind;              // 错误 / 警告 / 建议 / 通报 / 退回
  std::string source;            // the rule id, or the unit and date of a decision
  std::string item;              // the item's name, "" when about none
  std::optional<FormCell> cell;  // where it is marked in the returned form
  std::string origin;            // where the finding was in the input ("" for none)
  std::string message;           // the finding's message or the decision's opinion
  std::string todo;              // what to do, in Chinese
};

// A department's returned form, laid out.
struct ReturnedForm {
  FormContent content;            // the form's rows and marks
  std::vector<ReturnNote> notes;  // the 审核意见 sheet's lines, in order
  int errors = 0, warnings = 0, hints = 0, reports = 0, decisions = 0;
  bool kept = false;              // prefilled with the last published items
  Date date;                      // the data's date (document properties), if any
};

// Lays out the return of one department.
ReturnedForm returned_form(const Catalog& catalog, const DepartmentReturn& r);

// A SHA-256 of everything a returned form prints, with `base` (the program,
// templates and settings: Digests::base) and the part's path.
std::string returned_form_digest(const ReturnedForm& form, const DepartmentInfo& dept,
                                 std::string_view base, std::string_view path);

// Writes the returned form of `dept` to returns/<部门>.xlsx.
Status write_returned_form(const Catalog& catalog, const OutputContext& ctx, const DepartmentInfo& dept,
                           const ReturnedForm& form, std::vector<std::string>* written);

}  // namespace qd
