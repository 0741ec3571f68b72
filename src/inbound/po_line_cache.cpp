// Loading a PO's lines once.
#include "inbound/po_line_cache.h"

#include <algorithm>

namespace inbound {

std::optional<CachedLine> PoLineCache::find(std::string_view po_number, std::string_view sku) {
  const Po& po = load(po_number);
  if (!po.po) return std::nullopt;
  const std::vector<store::FulfilmentLine>& lines = po.po->lines;
  auto first = std::lower_bound(
      po.by_sku.begin(), po.by_sku.end(), sku,
      [&](std::uint32_t index, std::string_view wanted) { return lines[index].sku < wanted; });
  if (first == po.by_sku.end() || lines[*first].sku != sku) return std::nullopt;
  return CachedLine{&*po.po, &lines[*first]};
}

const store::FulfilmentPo* PoLineCache::po(std::string_view po_number) {
  const Po& po = load(po_number);
  return po.po ? &*po.po : nullptr;
}

const PoLineCache::Po& PoLineCache::load(std::string_view po_number) {
  if (last_ != nullptr && last_->first == po_number) return last_->second;
  auto found = pos_.find(po_number);
  if (found != pos_.end()) {
    last_ = &*found;
    return found->second;
  }
  auto entry = pos_.emplace(std::string(po_number), Po{}).first;
  last_ = &*entry;
  Po& po = entry->second;
  po.po = store::fulfilment_po(db_, std::string(po_number));
  if (po.po) {
    const std::vector<store::FulfilmentLine>& lines = po.po->lines;
    for (std::uint32_t i = 0; i < lines.size(); ++i) {
      // A line without a SKU (not resolved by the catalog) matches no row. Rows always name
      // a SKU.
      if (!lines[i].sku.empty()) po.by_sku.push_back(i);
    }
    // Stable: of several lines with one SKU, the first in 850 order comes first.
    std::stable_sort(po.by_sku.begin(), po.by_sku.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return lines[a].sku < lines[b].sku; });
    po.by_sku.shrink_to_fit();
  }
  return po;
}

}  // namespace inbound
