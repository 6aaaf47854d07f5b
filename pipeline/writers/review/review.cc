#include "writers/review/review.h"

#include "writers/review/findings_csv.h"
#include "writers/review/review_report.h"

namespace qd {

Status write_review(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written) {
  QD_TRY(write_findings_csv(catalog, ctx, written));
  QD_TRY(write_review_report(catalog, ctx, written));
  return office::save(review_document(catalog, catalog.as_of(), ReportSettings::defaults(catalog)),
                      ctx.output_dir, kReviewDocxPath, written);
}

}  // namespace qd
