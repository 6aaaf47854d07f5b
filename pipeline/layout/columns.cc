#include "layout/columns.h"

#include <algorithm>
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

namespace {

// The blocks [from, to) on one page with the columns shortened to the least
// height that holds them on it; pages = 2 when they do not fit one page.
ColumnFlow one_page(const std::vector<BlockSpec>& blocks, std::size_t from, std::size_t to,
                    const Columns& columns, double precision) {
  const std::vector<BlockSpec> part(blocks.begin() + static_cast<std::ptrdiff_t>(from),
                                    blocks.begin() + static_cast<std::ptrdiff_t>(to));
  ColumnFlow best = flow_columns(part, columns);
  if (best.overflow || best.pages != 1 || part.empty()) return best;
  // Bisection between the tallest block (no column can be shorter) and the
  // full height.
  double lo = 0, hi = columns.height();
  for (const BlockSpec& b : part) lo = std::max(lo, b.height);
  Columns c = columns;
  while (hi - lo > precision) {
    const double mid = (lo + hi) / 2;
    c.bottom = columns.top - mid;
    ColumnFlow f = flow_columns(part, c);
    if (!f.overflow && f.pages == 1) {
      hi = mid;
      best = std::move(f);
    } else {
      lo = mid;
    }
  }
  return best;
}

}  // namespace

ColumnFlow flow_balanced(const std::vector<BlockSpec>& blocks, const Columns& columns, double precision) {
  ColumnFlow full = flow_columns(blocks, columns);
  if (full.overflow || blocks.empty()) return full;
  if (full.pages == 1) return one_page(blocks, 0, blocks.size(), columns, precision);
  // Each page takes its share of what is left: blocks up to the one that
  // brings it nearest to (height left) / (pages left), fewer if they do not
  // fit the page; never split between a block and one it is kept with.
  auto height_of = [&](std::size_t i, std::size_t j) {
    double h = 0;
    for (std::size_t k = i; k < j; ++k) h += blocks[k].height + (k == i ? 0 : blocks[k].before);
    return h;
  };
  // A page may end before block i unless i is kept with the block before
  // it, or that block is the one line under a heading whose paragraph goes
  // on (as flow_columns keeps two lines with a heading).
  auto may_split = [&](std::size_t i) {
    if (i == 0 || i >= blocks.size()) return true;
    if (blocks[i - 1].keep_with_next) return false;
    return !(i >= 2 && blocks[i - 2].keep_with_next && blocks[i].before <= 0);
  };
  ColumnFlow out;
  out.placements.resize(blocks.size());
  std::size_t from = 0;
  for (int page = 0; from < blocks.size(); ++page) {
    if (page >= full.pages) return full;  // the shares did not work out: as flowed
    const double share = height_of(from, blocks.size()) / (full.pages - page);
    std::size_t to = blocks.size();
    if (page + 1 < full.pages) {
      to = from + 1;
      while (to < blocks.size()) {
        if (!may_split(to)) {
          ++to;
          continue;
        }
        const double here = height_of(from, to);
        if (here >= share) break;
        std::size_t after = to + 1;
        while (!may_split(after)) ++after;
        if (height_of(from, after) - share > share - here) break;  // nearer without it
        to = after;
      }
    }
    ColumnFlow f = one_page(blocks, from, to, columns, precision);
    while (f.pages > 1 && to > from + 1) {  // too much for a page: give some back
      --to;
      while (to > from + 1 && !may_split(to)) --to;
      f = one_page(blocks, from, to, columns, precision);
    }
    if (f.overflow || f.pages > 1) return full;
    for (std::size_t k = from; k < to; ++k) {
      out.placements[k] = f.placements[k - from];
      out.placements[k].page = page;
    }
    out.pages = page + 1;
    from = to;
  }
  return out.pages == full.pages ? out : full;
}

}  // namespace qd::layout
