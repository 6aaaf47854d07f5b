// The "review" output: findings.csv, 审核报告.xlsx and 报送情况.xlsx.
#pragma once

#include "writers/writer.h"

namespace qd {

// Writes review/findings.csv, review/审核报告.xlsx and review/报送情况.xlsx.
Status write_review(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written);

}  // namespace qd
