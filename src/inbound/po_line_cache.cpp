// Loading a PO's lines once.
#include "inbound/po_line_cache.h"

namespace inbound {

const store::LineRef* PoLineCache::find(const std::string& po_number, const std::string& sku) {
  const Po& po = load(po_number);
  auto found = po.by_sku.find(sku);
  return found == po.by_sku.end() ? nullptr : &po.lines[found->second];
}

const std::vector<store::LineRef>& PoLineCache::lines(const std::string& po_number) {
  return load(po_number).lines;
}

const PoLineCache::Po& PoLineCache::load(const std::string& po_number) {
  auto [where, fresh] = pos_.try_emplace(po_number);
  Po& po = where->second;
  if (fresh) {
    po.lines = store::lines_of_po_number(db_, po_number);
    for (std::size_t i = 0; i < po.lines.size(); ++i) {
      // A line without a SKU (not resolved by the catalog) matches no row: find_po_line_by_sku
      // compares with NULL. Rows always name a SKU.
      if (!po.lines[i].sku.empty()) po.by_sku.try_emplace(po.lines[i].sku, i);
    }
  }
  return po;
}

}  // namespace inbound
