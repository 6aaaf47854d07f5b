#include "layout/columns.h"

#include <cstddef>

namespace qd::layout {

namespace {

// Height of blocks [i, end) set together at the top of a column (the first
// one's space above dropped) or after other blocks (kept).
double run_height(const std::vector<BlockSpec>& blocks, std::size_t i, std::size_t end, bool at_top) {
  double h = 0;
  for (std::size_t k = i; k < end; ++k) h += blocks[k].height + (k == i && at_top ? 0 : blocks[k].before);
  return h;
}

}  // namespace

ColumnFlow flow_columns(const std::vector<BlockSpec>& blocks, const Columns& columns) {
  ColumnFlow out;
  out.placements.resize(blocks.size());
  if (blocks.empty()) return out;
  const double tolerance = 1e-6;
  int page = 0, column = 0;
  double used = 0;  // from the columns' top in the current column
  bool at_top = true;
  out.pages = 1;
  auto next_column = [&] {
    if (++column >= columns.count) {
      column = 0;
      ++page;
      out.pages = page + 1;
    }
    used = 0;
    at_top = true;
  };
  std::size_t i = 0;
  while (i < blocks.size()) {
    // The run: this block and the ones it is kept with, up to the first
    // block not kept with its successor.
    auto run_end = [&](std::size_t from) {
      std::size_t e = from;
      while (e + 1 < blocks.size() && blocks[e].keep_with_next) ++e;
      return e + 1;
    };
    std::size_t end = run_end(i);
    // A heading with a single line after it takes the paragraph's next line
    // too (and whatever that line is kept with).
    while (blocks[i].keep_with_next && end - i < 3 && end < blocks.size() &&
           blocks[end].before <= 0)
      end = run_end(end);
    if (!at_top && used + run_height(blocks, i, end, false) > columns.height() + tolerance) {
      next_column();
    }
    // Place the run block by block; a run taller than a column breaks
    // where it must (between blocks), a single block taller than a column
    // overflows.
    for (std::size_t k = i; k < end; ++k) {
      double before = at_top ? 0 : blocks[k].before;
      if (!at_top && used + before + blocks[k].height > columns.height() + tolerance) {
        next_column();
        before = 0;
      }
      used += before;
      out.placements[k] = {page, column, columns.column_x(column), columns.top - used};
      used += blocks[k].height;
      if (used > columns.height() + tolerance) out.overflow = true;
      at_top = false;
    }
    i = end;
  }
  return out;
}

}  // namespace qd::layout
