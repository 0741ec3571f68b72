// Catalog parsing and id resolution.
#include "exchange/catalog.h"

#include <fmt/format.h>

#include <set>
#include <span>
#include <string_view>

#include "transactions/amazon_mapping.h"

namespace exchange {
namespace {

const std::vector<std::string> kIdColumns = {"asin", "ean", "upc", "gtin", "isbn", "vendor_item"};

std::optional<bool> parse_flag(const std::string& value) {
  if (value.empty() || value == "0" || value == "false" || value == "no" || value == "n" ||
      value == "N") {
    return false;
  }
  if (value == "1" || value == "true" || value == "yes" || value == "y" || value == "Y")
    return true;
  return std::nullopt;
}

}  // namespace

std::string catalog_column_for(std::string_view qualifier) {
  // Amazon's PO1 qualifiers -> catalog columns. UA (case code) is a GTIN of the case.
  if (qualifier == amazon::kAsin) return "asin";
  if (qualifier == amazon::kEan) return "ean";
  if (qualifier == amazon::kUpc) return "upc";
  if (qualifier == amazon::kGtin || qualifier == amazon::kCaseCode) return "gtin";
  if (qualifier == amazon::kIsbn) return "isbn";
  if (qualifier == amazon::kVendorItem) return "vendor_item";
  return "";
}

std::optional<Catalog> Catalog::parse(std::string_view text, std::vector<CsvProblem>& problems) {
  std::size_t before = problems.size();
  CsvTable table = parse_csv(text, {"sku"}, problems);
  if (table.column("sku") < 0) return std::nullopt;  // the header problem says it all
  Catalog catalog;
  std::set<std::string> skus;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    std::span<const std::string_view> row = table.row(r);
    int row_number = table.row_numbers[r];
    auto cell = [&](const std::string& column) {
      int index = table.column(column);
      return index < 0 ? std::string() : trimmed(row[static_cast<std::size_t>(index)]);
    };
    CatalogItem item;
    item.sku = cell("sku");
    if (item.sku.empty()) {
      problems.push_back({row_number, "sku", "is empty"});
      continue;
    }
    if (!skus.insert(item.sku).second) {
      problems.push_back({row_number, "sku", fmt::format("\"{}\" appears twice", item.sku)});
    }
    for (const std::string& column : kIdColumns) {
      std::string value = cell(column);
      if (!value.empty()) item.ids[column] = value;
    }
    if (std::string pack = cell("case_pack"); !pack.empty()) {
      std::optional<model::Decimal> parsed = model::Decimal::parse(pack);
      if (!parsed || parsed->units() <= 0 || parsed->units() % model::Decimal::kUnit != 0) {
        problems.push_back(
            {row_number, "case_pack", fmt::format("\"{}\" is not a whole number above 0", pack)});
      } else {
        item.case_pack = parsed->units() / model::Decimal::kUnit;
      }
    }
    if (std::string cost = cell("cost"); !cost.empty()) {
      item.cost = model::Decimal::parse(cost);
      if (!item.cost || item.cost->units() < 0) {
        problems.push_back({row_number, "cost", fmt::format("\"{}\" is not a price", cost)});
      }
    }
    std::optional<bool> discontinued = parse_flag(cell("discontinued"));
    if (!discontinued) {
      problems.push_back(
          {row_number, "discontinued",
           fmt::format("\"{}\" is not yes/no (1/0, true/false, y/n)", cell("discontinued"))});
    } else {
      item.discontinued = *discontinued;
    }
    catalog.items_.push_back(std::move(item));
  }
  if (problems.size() > before) return std::nullopt;
  for (std::size_t index = 0; index < catalog.items_.size(); ++index) {
    const CatalogItem& item = catalog.items_[index];
    catalog.by_sku_.emplace(item.sku, index);
    for (const auto& [column, value] : item.ids) {
      auto [entry, first] = catalog.by_id_.try_emplace(id_key(column, value), index, kNone);
      if (!first && entry->second.second == kNone) entry->second.second = index;
    }
  }
  return catalog;
}

Resolution Catalog::resolve(const std::vector<model::ProductId>& ids) const {
  // Every line of a backlog comes through here: no allocation unless the line fails.
  // The two lowest distinct items the ids point to, in std::less order (as a set would list
  // them): one is the answer, two name the conflict.
  const CatalogItem* matched = nullptr;
  const CatalogItem* other = nullptr;
  std::less<const CatalogItem*> before;
  std::string key;  // one buffer for every id of the line
  for (const model::ProductId& id : ids) {
    std::string column = catalog_column_for(id.qualifier);
    if (column.empty()) continue;  // a qualifier the catalog has no column for
    key.assign(column).append(1, '\0').append(id.value);
    auto found = by_id_.find(key);
    if (found == by_id_.end()) continue;
    const CatalogItem* hit = &items_[found->second.first];
    if (found->second.second != kNone) {
      return {nullptr, fmt::format("{} {} matches SKUs {} and {} in the catalog", id.qualifier,
                                   id.value, hit->sku, items_[found->second.second].sku)};
    }
    if (hit == matched || hit == other) continue;
    if (matched == nullptr || before(hit, matched)) {
      other = matched;
      matched = hit;
    } else if (other == nullptr || before(hit, other)) {
      other = hit;
    }
  }
  if (other != nullptr) {
    return {nullptr, fmt::format("the line's ids point to different SKUs ({} and {})", matched->sku,
                                 other->sku)};
  }
  if (matched == nullptr) {
    std::string all;
    for (const model::ProductId& id : ids) {
      if (catalog_column_for(id.qualifier).empty()) continue;
      all += fmt::format("{}{} {}", all.empty() ? "" : ", ", id.qualifier, id.value);
    }
    return {nullptr, fmt::format("no catalog SKU has {}", all.empty() ? "any of its ids" : all)};
  }
  return {matched, ""};
}

const CatalogItem* Catalog::find(const std::string& sku) const {
  auto found = by_sku_.find(sku);
  return found == by_sku_.end() ? nullptr : &items_[found->second];
}

}  // namespace exchange
