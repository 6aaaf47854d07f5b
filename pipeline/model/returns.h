// What goes back to a department for correction (退回修改): the registered
// departments whose submission has an error or a warning that asks something
// of them, or an item that a review decision in force returns (退回); for
// each, what it submitted, every finding of its own and those decisions. The
// returned forms (writers/forms/returns.h) are made from it, and the build
// summary counts it ("退回修改：N 个部门").
#pragma once

#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace qd {

// A review decision that returns one of the department's items.
struct ReturnedDecision {
  const Item* item = nullptr;
  const Decision* decision = nullptr;
};

// One department's return.
struct DepartmentReturn {
  const DepartmentInfo* department = nullptr;
  // What it submitted tonight: the items read from its workbooks, in input
  // order, rejected and failing ones included (not only the published).
  // When none could be read (an unreadable file, no 实施清单 sheet): its
  // last published items (沿用上期), and `kept` is true.
  std::vector<const Item*> items;
  bool kept = false;
  // Its sub-table rows that name no item (ORPHAN-ROW), in input order.
  std::vector<const LooseRow*> loose_rows;
  // Its submissions (填报信息 and file), in input order.
  std::vector<const Submission*> submissions;
  // Every finding of the department, in catalog order.
  std::vector<const Finding*> findings;
  // The decisions in force that return its items, in item order.
  std::vector<ReturnedDecision> decisions;
};

// True when a finding asks the department to change something: an error or
// a warning, but not one that waits for the office (CONTENT-UNAPPROVED: a
// change awaiting approval; DECISION-ORPHAN: a decision naming no item).
bool asks_department(const Finding& finding);

// True when `name` (an item's, a finding's or a submission's department)
// names `dept`: its full or its short name.
bool names_department(std::string_view name, const DepartmentInfo& dept);

// The decisions in force that return an item: its latest decision when that
// is 退回, and 法制办's latest on it when that is 退回 (legality blocks the
// item whatever the others say; see merge/merge.h). Latest first.
std::vector<const Decision*> returning_decisions(const Catalog& catalog, const Item& item);

// The return of one registered department, whether or not it is returned.
DepartmentReturn department_return(const Catalog& catalog, const DepartmentInfo& dept);

// True when the department gets its form back: a finding that asks it to
// change something, or a decision that returns one of its items.
bool is_returned(const DepartmentReturn& r);

// The returns of the departments that get their form back, in settings
// order.
std::vector<DepartmentReturn> department_returns(const Catalog& catalog);

}  // namespace qd
