#include "writers/forms/forms.h"

#include "writers/forms/department_form.h"

namespace qd {

Status write_forms(const Catalog& catalog, const OutputContext& ctx,
                   std::vector<std::string>* written) {
  for (const DepartmentInfo& d : catalog.settings.departments)
    if (Status s = write_department_form(catalog, ctx, d, written); !s) return s;
  return Ok{};
}

}  // namespace qd
