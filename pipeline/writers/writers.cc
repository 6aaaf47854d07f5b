// The output table: every writer with its name and summary.
#include "writers/writer.h"

#include "writers/forms/forms.h"
#include "writers/lists/lists.h"
#include "writers/review/review.h"

namespace qd {

namespace {

const WriterInfo kWriters[] = {
    {"lists", "公布的目录清单和实施清单（.xlsx）", write_lists, true},
    {"review", "审核报告、问题清单和报送情况", write_review, true},
    {"forms", "各部门预填的填报表格（.xlsx）", write_forms, true},
};

}  // namespace

std::span<const WriterInfo> writers() { return kWriters; }

const WriterInfo* find_writer(std::string_view name) {
  for (const WriterInfo& w : kWriters)
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace qd
