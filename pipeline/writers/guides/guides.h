// The 办事指南 (layout.md "办事指南 booklet"), printed and editable:
//   guides/<部门全称>.pdf                for every registered department with
//                                      published items;
//   guides/<县>政务服务事项办事指南汇编.pdf the county's compilation;
//   guides/docx/<部门>办事指南.docx       each department's booklet content as
//                                      an editable document (halls adapt it).
// OutputPaths decides every path.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "docx/docx.h"
#include "model/catalog.h"
#include "office/report_settings.h"
#include "print/guide_template.h"
#include "writers/writer.h"

namespace qd {

// One part per department booklet, one for the compilation and one per
// department's editable guide; each carries the list version of its items
// (Catalog::version_of).
Result<std::vector<Part>> plan_guides(const Catalog& catalog, const OutputContext& ctx,
                                      const Digests& digests);

Status write_guides(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written);

// One department's editable guide; `fields` are the field table's rows in
// the order of the booklet template (templates/guide.xml, elements.md §8).
docx::Document guide_document(const Catalog& catalog, const DepartmentInfo& dept,
                              const std::vector<GuideField>& fields, Date date,
                              const ReportSettings& rs);

}  // namespace qd
