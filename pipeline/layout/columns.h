// Column flow: blocks whose height is already known (a poster's item cards,
// the lines and checklist entries of a notice) placed one after another down
// the columns of a page, then onto the next page. Only positions come out;
// the caller draws each block at its place. A block never straddles a column
// or page break, so nothing is clipped and nothing overlaps.
#pragma once

#include <vector>

namespace qd::layout {

// The columns of every page: side by side, equal width, between top and
// bottom (PDF points, origin bottom left).
struct Columns {
  double x0 = 0;     // left edge of the first column
  double width = 0;  // all columns and the gaps between them
  int count = 1;
  double gap = 0;    // between two columns
  double top = 0;    // PDF y of the columns' top
  double bottom = 0; // PDF y of their bottom

  double column_width() const { return (width - gap * (count - 1)) / count; }
  double column_x(int i) const { return x0 + i * (column_width() + gap); }
  double height() const { return top - bottom; }
};

// A block to place: its height and the space above it.
struct BlockSpec {
  double height = 0;
  // Space above; dropped at the top of a column. A block with none
  // continues the block before it (the next line of its paragraph: a
  // notice sets its paragraphs one block per line).
  double before = 0;
  // In the same column as the next block (headings). A heading is kept
  // with two blocks when the one after it continues on the next (two lines
  // of a paragraph), so no column ends with a heading and one line.
  bool keep_with_next = false;
};

// Where a block went.
struct Placement {
  int page = 0;    // 0-based
  int column = 0;
  double x = 0;    // the column's left edge
  double top = 0;  // PDF y of the block's top edge
};

struct ColumnFlow {
  std::vector<Placement> placements;  // parallel to the blocks
  int pages = 0;
  // Some block is taller than a column: it was placed at the top of a column
  // and runs past the bottom. Callers treat this as "does not fit".
  bool overflow = false;
};

// Places the blocks in order: down a column, then the next column to the
// right, then the first column of a new page. A run of keep_with_next blocks
// moves to the next column with the block that follows it (two blocks of
// one paragraph) when they do not fit together (unless the run starts a
// column already).
ColumnFlow flow_columns(const std::vector<BlockSpec>& blocks, const Columns& columns);

// The blocks placed on as many pages as flow_columns() needs, but spread
// evenly: each page takes its share of the blocks' height (split only where
// a block is not kept with the next), and on each page the columns are
// shortened from the bottom, to within `precision` pt, to the least height
// that still holds that page's blocks, so the columns come out even. No
// last page holding one item, no last column holding one block.
ColumnFlow flow_balanced(const std::vector<BlockSpec>& blocks, const Columns& columns,
                         double precision = 1);

}  // namespace qd::layout
