// The 3PL's shipment confirmation (shipped*.csv): one row per carton content shipped, columns
// shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,
// pro_number,tracking_number,estimated_delivery. Cell checks here; the gate is avedi-ship's.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "exchange/csv.h"

namespace exchange {

// What the 3PL says about a whole shipment, repeated on each of its rows; a file keeps each
// distinct set once (a row of a 50,000-row file would otherwise hold six strings of its own).
struct ShippingFacts {
  std::string ship_date;  // CCYYMMDD
  std::string carrier_scac;
  std::string bol_number;
  std::string pro_number;
  std::string tracking_number;
  std::string estimated_delivery;  // CCYYMMDD or ""

  bool operator==(const ShippingFacts&) const = default;
};

// A row's text is a view into the file's text (or ShippedFile::decoded): the text must outlive
// the rows. A file has a million cells; a string for each cost more than checking them.
struct ShippedRow {
  int row = 0;
  std::uint32_t facts = 0;       // its ShippingFacts in ShippedFile::facts
  std::string_view shipment_id;  // our supplier reference (labels_<shipment>.csv)
  std::string_view po_number;
  std::string_view sku;
  std::int64_t quantity = 0;  // eaches
  std::string_view sscc;
  std::string_view pallet_sscc;
};

struct ShippedFile {
  std::vector<ShippedRow> rows;
  std::vector<ShippingFacts> facts;
  std::deque<std::string> decoded;  // cells whose quotes were undone (CsvTable::decoded)

  ShippedFile() = default;
  ShippedFile(ShippedFile&&) = default;
  ShippedFile& operator=(ShippedFile&&) = default;
  // A copy's rows would still view the original's `decoded`.
  ShippedFile(const ShippedFile&) = delete;
  ShippedFile& operator=(const ShippedFile&) = delete;

  const ShippingFacts& facts_of(const ShippedRow& row) const { return facts[row.facts]; }
};

// The rows of `text`, which must outlive them; nullopt (and every problem) when a cell is wrong.
std::optional<ShippedFile> parse_shipped(std::string_view text, std::vector<CsvProblem>& problems);
// A temporary string would be gone before its rows are read: refused at compile time.
template <class Text>
requires std::is_same_v<Text, std::string> std::optional<ShippedFile> parse_shipped(
    Text&& text, std::vector<CsvProblem>& problems)
= delete;

}  // namespace exchange
