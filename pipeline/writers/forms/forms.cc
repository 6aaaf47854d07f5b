#include "writers/forms/forms.h"

#include "writers/forms/department_form.h"

namespace qd {

Result<std::vector<Part>> plan_forms(const Catalog& catalog, const OutputContext& ctx,
                                     const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  const auto paths = paths_of(ctx, catalog);
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    Part p;
    p.id = paths->form(dept);
    // Dated by its items' version (document properties).
    const std::vector<const Item*> items = form_items(catalog, dept.name);
    p.made_from = digests.of("forms", p.id, items,
                             dept.name + "\t" + dept.number + "\t" + form_date(catalog, items).iso());
    p.cost = 1 + static_cast<double>(items.size()) / 10;
    p.department = dept.name;
    const DepartmentInfo* d = &dept;
    p.render = [c, d](const OutputContext& ctx, std::vector<std::string>* written) {
      return write_department_form(*c, ctx, *d, written);
    };
    parts.push_back(std::move(p));
  }
  return parts;
}

Status write_forms(const Catalog& catalog, const OutputContext& ctx,
                   std::vector<std::string>* written) {
  for (const DepartmentInfo& d : catalog.settings.departments)
    if (Status s = write_department_form(catalog, ctx, d, written); !s) return s;
  return Ok{};
}

}  // namespace qd
