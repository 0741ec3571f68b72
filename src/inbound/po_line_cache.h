// The PO lines a 3PL file names, each PO read from the store once per file: avedi-route and
// avedi-ship check every row of a file against them in memory instead of asking the store
// per row. Only for the checks of one file: what the file itself writes is not reflected.
// It holds only what the checks and documents need (store::FulfilmentPo): a file's POs are
// tens of thousands of lines, and the cache lives as long as the file is processed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/shipments.h"

namespace inbound {

// A line found in the cache with its PO; both valid as long as the cache.
struct CachedLine {
  const store::FulfilmentPo* po = nullptr;
  const store::FulfilmentLine* line = nullptr;
};

class PoLineCache {
 public:
  explicit PoLineCache(store::Db& db) : db_(db) {}
  // A copy would keep `last_` pointing into the original's entries.
  PoLineCache(const PoLineCache&) = delete;
  PoLineCache& operator=(const PoLineCache&) = delete;

  // The first line (850 order) of `po_number` with `sku`; nullopt when there is none.
  std::optional<CachedLine> find(std::string_view po_number, std::string_view sku);
  // `po_number` with its lines in 850 order; nullptr when the PO is unknown.
  const store::FulfilmentPo* po(std::string_view po_number);

 private:
  struct Po {
    std::optional<store::FulfilmentPo> po;
    std::vector<std::uint32_t> by_sku;  // indexes of lines with a SKU, by (SKU, 850 order)
  };
  const Po& load(std::string_view po_number);

  store::Db& db_;
  std::map<std::string, Po, std::less<>> pos_;
  // The entry looked up last: a file's rows come PO by PO, so most look-ups ask for it again.
  const std::pair<const std::string, Po>* last_ = nullptr;
};

}  // namespace inbound
