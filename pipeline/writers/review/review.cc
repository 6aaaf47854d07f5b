#include "writers/review/review.h"

#include "writers/review/findings_csv.h"
#include "writers/review/review_report.h"
#include "writers/review/submissions.h"

namespace qd {

Status write_review(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written) {
  if (Status s = write_findings_csv(catalog, ctx, written); !s) return s;
  if (Status s = write_review_report(catalog, ctx, written); !s) return s;
  return write_submissions(catalog, ctx, written);
}

}  // namespace qd
