// config/catalog.csv: which of our SKUs an Amazon product id means. Columns
// sku,asin,ean,upc,gtin,isbn,vendor_item,case_pack,cost,discontinued (empty cells allowed
// except sku). A PO line resolves to exactly one SKU by its ids, or is rejected with the reason.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "exchange/csv.h"
#include "model/decimal.h"
#include "model/purchase_order.h"

namespace exchange {

struct CatalogItem {
  std::string sku;
  std::map<std::string, std::string> ids;  // column (asin, ean, ...) -> value
  std::int64_t case_pack = 0;              // eaches per case; 0 when unknown
  std::optional<model::Decimal> cost;
  bool discontinued = false;
};

struct Resolution {
  const CatalogItem* item = nullptr;  // set when exactly one SKU matches
  std::string reason;                 // why not, otherwise
};

class Catalog {
 public:
  // Parses the catalog; every problem names the row and column. Returns nullopt when any.
  static std::optional<Catalog> parse(std::string_view text, std::vector<CsvProblem>& problems);

  // The one SKU all of the line's ids point to, or why there is none.
  Resolution resolve(const std::vector<model::ProductId>& ids) const;
  const CatalogItem* find(const std::string& sku) const;
  std::size_t size() const { return items_.size(); }
  // The position of one of this catalog's items (0 to size() - 1): a key for per-item tables.
  std::size_t position_of(const CatalogItem& item) const {
    return static_cast<std::size_t>(&item - items_.data());
  }

 private:
  std::vector<CatalogItem> items_;
  // Indexes into items_ (positions, so a copied Catalog stays valid): every line of a backlog
  // is resolved by lookups, not by a scan of the whole catalog.
  // id_key(column, value) -> the first two items (by position) carrying that id; the second
  // is kNone unless the id is ambiguous.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static std::string id_key(const std::string& column, const std::string& value) {
    return column + '\0' + value;
  }
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> by_id_;
  std::unordered_map<std::string, std::size_t> by_sku_;
};

// The catalog column an Amazon id qualifier is looked up in ("BP" -> "asin"), or "".
std::string catalog_column_for(std::string_view qualifier);

}  // namespace exchange
