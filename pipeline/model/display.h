// The display module: how an element of an item reads wherever people read
// it — the lists and forms (coded values by their label, the sub-tables as
// numbered text or rows of cells) and the booklets, notices, posters, .docx
// and portal (guide_value). One place, so that no two outputs disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace qd {

// The value of element `e` for display: a coded value by its label (each
// part of a multi-valued cell, joined by "、"); text the code table does not
// know is shown as typed.
std::string display_value(const Item& item, El e);
// The same for one value of a code table (nullptr: the text unchanged).
std::string display_code(const CodeTable* table, bool multi, std::string_view text);

// The value shown for an element in a 办事指南's field table and wherever
// the public reads an item (notices, posters, the portal); "" hides the row:
// code labels, "不收费" when free, "1次" for 到现场次数, fee items and their
// bases when the element is empty.
std::string guide_value(const Item& item, El e);

// The note printed with a material (its 填报须知), labelled so that it does
// not read as part of the material's name: "注：申请人签字（单位加盖公章）";
// "" when there is none. Every output that shows a material's name sets
// this apart from it (smaller, on a line of its own).
std::string material_note(const Material& m);

// "1. 申请书（原件1份，纸质，申请人自备）\n2. …"
std::string materials_text(const Item& item);
// "1. 受理（窗口受理人员，1个工作日）\n2. …"
std::string steps_text(const Item& item);

// The value of sub-table column `key` (ColumnInfo::key) of one row;
// "name" is the item's name.
std::string material_value(const Item& item, const Material& m, std::string_view key);
std::string step_value(const Item& item, const Step& s, std::string_view key);
std::string fee_value(const Item& item, const FeeItem& f, std::string_view key);
std::string faq_value(const Item& item, const Faq& f, std::string_view key);

// One row of each sub-table, in the order of its SubTableInfo columns.
std::vector<std::vector<std::string>> material_rows(const Item& item);
std::vector<std::vector<std::string>> step_rows(const Item& item);
std::vector<std::vector<std::string>> fee_rows(const Item& item);
std::vector<std::vector<std::string>> faq_rows(const Item& item);

}  // namespace qd
