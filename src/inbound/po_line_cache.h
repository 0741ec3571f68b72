// The PO lines a 3PL file names, each PO read from the store once per file: avedi-route and
// avedi-ship check every row of a file against them in memory instead of asking the store
// per row. Only for the checks of one file: what the file itself writes is not reflected.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/shipments.h"

namespace inbound {

class PoLineCache {
 public:
  explicit PoLineCache(store::Db& db) : db_(db) {}

  // The first line (850 order) of `po_number` with `sku`, as find_po_line_by_sku; nullptr
  // when there is none. Valid as long as the cache.
  const store::LineRef* find(const std::string& po_number, const std::string& sku);
  // Every line of `po_number` in 850 order; empty when the PO is unknown.
  const std::vector<store::LineRef>& lines(const std::string& po_number);

 private:
  struct Po {
    std::vector<store::LineRef> lines;
    std::map<std::string, std::size_t> by_sku;  // first line of each SKU
  };
  const Po& load(const std::string& po_number);

  store::Db& db_;
  std::map<std::string, Po> pos_;
};

}  // namespace inbound
