// The hidden 代码表 sheet of the fill-in forms: every code table's labels
// in its own column, and the drop-down validations that refer to it (never
// inline lists: Excel caps those at 255 characters).
#pragma once

#include <string>
#include <vector>

#include "model/elements.h"
#include "xlsx_writer/book.h"

namespace qd {

inline constexpr std::string_view kCodeSheet = "代码表";

// The code tables of the form, in order of first use, and where they sit.
class CodeSheet {
 public:
  // Collects the code tables of the elements and the sub-tables.
  CodeSheet();

  // The range formula of `table`'s labels, "=代码表!$A$2:$A$12" ("" if
  // the table is not on the sheet).
  std::string range(const CodeTable* table) const;

  // Writes the (hidden) sheet.
  void write(xlsx::Book& book) const;

  const std::vector<const CodeTable*>& tables() const { return tables_; }

 private:
  std::vector<const CodeTable*> tables_;
};

// The short name of a code table for headers: "A.1 事项类型" -> "事项类型".
std::string code_table_title(const CodeTable& table);

// Adds a drop-down list validation on rows first..last of column `col`
// taking its values from `formula`. Multi-valued columns accept any text
// with an information message; the others stop a value off the list.
void add_list_validation(xlsx::Book& book, lxw_worksheet* ws, int col, int first_row,
                         int last_row, const std::string& formula, bool multi,
                         std::string_view title, std::string_view help);

// Adds an input message (no restriction) on rows first..last of `col`.
void add_input_message(xlsx::Book& book, lxw_worksheet* ws, int col, int first_row,
                       int last_row, std::string_view title, std::string_view help);

}  // namespace qd
