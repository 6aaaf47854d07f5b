#include "writers/lists/lists.h"

#include "writers/lists/catalog_list.h"
#include "writers/lists/impl_list.h"

namespace qd {

Status write_lists(const Catalog& catalog, const OutputContext& ctx,
                   std::vector<std::string>* written) {
  if (Status s = write_catalog_list(catalog, ctx, written); !s) return s;
  return write_impl_list(catalog, ctx, written);
}

}  // namespace qd
