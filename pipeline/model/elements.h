// The item data model of elements.md as data: every element of the
// implementation list with its key, Chinese label, whether it is required,
// and the code table its values come from. Readers, validators and writers
// all iterate this table, so an element is added in one place.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qd {

// Every element of an item, in the order of elements.md §2 (1–36), then the
// catalog-only elements and the optional extensions.
enum class El {
  Name, BasicCode, ImplCode, Type, Basis, Level, Division, Content, Agency,
  AgencyNature, AgencyCode, PowerSource, EntrustingDept, HandlingUnit,
  CoAgencies, Audience, CaseType, LegalLimit, PromisedLimit, Conditions,
  Materials, Process, Channels, Visits, OnlineDepth, OnlineUrl, Charged,
  FeeStandard, FeeBasis, Intermediary, QuantityLimit, Result, Place, Hours,
  ConsultPhone, ComplaintPhone,
  // Catalog list elements not among the 36.
  Parent, PublicDomain, Status,
  // Optional extensions (columns accepted when present).
  SpecialProcedure, VisitReason, Appointment, OnlinePayment, Delivery,
  ServiceScope, Window,
  kCount
};
inline constexpr int kElementCount = static_cast<int>(El::kCount);

// How an element must be filled in.
enum class Need {
  Required,     // must not be empty (REQ-MISSING)
  Conditional,  // required in some cases, checked by a specific rule
  Optional,
  Assigned,     // filled in by the pipeline when empty (codes)
  SubTable,     // comes from a sub-table sheet, not a column
};

// One value of a code table with every form accepted on input.
struct CodeValue {
  std::string_view code;    // "01"
  std::string_view label;   // "行政许可"
  std::vector<std::string_view> aliases;  // "XK", "Ⅰ", …
};

// A code table such as A.1 事项类型.
struct CodeTable {
  std::string_view name;  // "A.1 事项类型"
  std::vector<CodeValue> values;

  // Finds the value whose code, label or alias equals `text` (after
  // trimming and width folding); nullptr if none.
  const CodeValue* find(std::string_view text) const;
  // All labels joined by "、" (for messages and instructions).
  std::string labels() const;
};

// Static description of one element.
struct ElementInfo {
  El id;
  std::string_view key;    // "basic_code"
  std::string_view label;  // "基本编码" — the column header in forms
  Need need;
  const CodeTable* table;  // nullptr for free text
  bool multi;              // may hold several values separated by 、 , ； etc.
  bool text_column;        // codes and phones: stored as text, never numbers
  int width;               // column width in the forms, in characters
  std::string_view help;   // what to fill in, shown in the forms' instructions
};

// The element table, indexed by El.
std::span<const ElementInfo> elements();
const ElementInfo& element(El id);
// Finds an element by its label after normalize_header(); nullptr if none.
const ElementInfo* element_by_label(std::string_view header);

// Code tables of elements.md §7 and the value lists of §2–§4.
const CodeTable& item_types();         // A.1
const CodeTable& levels();             // A.2
const CodeTable& agency_natures();     // A.3
const CodeTable& audiences();          // A.4
const CodeTable& channel_kinds();      // A.5
const CodeTable& case_types();         // A.6
const CodeTable& online_depths();      // Ⅰ–Ⅳ
const CodeTable& power_sources();
const CodeTable& yes_no();
const CodeTable& visit_counts();       // 0–3
const CodeTable& public_domains();     // the nine public-service domains
const CodeTable& item_statuses();      // 在用 / 暂停 / 取消
const CodeTable& material_kinds();     // 原件 / 复印件 / 原件和复印件
const CodeTable& material_forms();     // 纸质 / 电子 / 纸质和电子
const CodeTable& material_sources();   // 申请人自备 / 政府部门核发 / 其他
const CodeTable& material_needs();     // 必需 / 非必需 / 容缺

// True for the power item types (everything but 20 公共服务).
bool is_power_type(std::string_view type_code);

// Splits a multi-valued cell on 、 , ， ; ； / and line breaks.
std::vector<std::string> split_values(std::string_view text);

// ---- Sub-table sheets -------------------------------------------------------

// A column of a sub-table sheet.
struct ColumnInfo {
  std::string_view key;
  std::string_view label;
  bool required;
  const CodeTable* table;
  int width;
};

// A sub-table sheet of the department workbook (申请材料, 办理流程 …).
struct SubTableInfo {
  std::string_view sheet;             // sheet name
  std::vector<ColumnInfo> columns;    // first column is always 事项名称
};

const SubTableInfo& materials_table();
const SubTableInfo& process_table();
const SubTableInfo& fees_table();
const SubTableInfo& faq_table();

// The name of the implementation-list sheet and of the header-block sheet.
inline constexpr std::string_view kItemSheet = "实施清单";
inline constexpr std::string_view kInfoSheet = "填报信息";
inline constexpr std::string_view kNameLabel = "事项名称";

}  // namespace qd
