#include "writers/forms/returns.h"

#include <memory>

#include "model/returns.h"
#include "writers/forms/returned_form.h"

namespace qd {

Result<std::vector<Part>> plan_returns(const Catalog& catalog, const OutputContext& ctx,
                                       const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  const auto paths = paths_of(ctx, catalog);
  for (const DepartmentReturn& r : department_returns(catalog)) {
    const DepartmentInfo* dept = r.department;
    // Laid out once: its digest is taken from what it prints, and the
    // worker that renders it (a fork of this process) uses it as it is.
    auto form = std::make_shared<const ReturnedForm>(returned_form(catalog, r));
    Part p;
    p.id = paths->returned_form(*dept);
    p.made_from = returned_form_digest(*form, *dept, digests.base, p.id);
    p.cost = 1 + static_cast<double>(form->content.items.size()) / 10;
    p.department = dept->name;
    p.render = [c, dept, form](const OutputContext& ctx, std::vector<std::string>* written) {
      return write_returned_form(*c, ctx, *dept, *form, written);
    };
    parts.push_back(std::move(p));
  }
  return parts;
}

Status write_returns(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  for (const DepartmentReturn& r : department_returns(catalog))
    QD_TRY(write_returned_form(catalog, ctx, *r.department, returned_form(catalog, r), written));
  return Ok{};
}

}  // namespace qd
