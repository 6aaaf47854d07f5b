// The "lists" output: the published 目录清单 and 实施清单 workbooks.
#pragma once

#include "writers/writer.h"

namespace qd {

// Writes lists/目录清单.xlsx and lists/实施清单.xlsx from the published items.
Status write_lists(const Catalog& catalog, const OutputContext& ctx,
                   std::vector<std::string>* written);

}  // namespace qd
