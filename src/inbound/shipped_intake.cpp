// The shipment confirmation handler: the gate first (nothing written when a row fails), then
// per shipment its 856 (the file's 856s as the sets of a few interchanges) and the shipped
// quantities, in the file's one transaction.
#include "inbound/shipped_intake.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "exchange/csv.h"
#include "exchange/shipped_csv.h"
#include "inbound/po_line_cache.h"
#include "inbound/tpl_files.h"
#include "model/sscc.h"
#include "runner/amazon_sets.h"
#include "runner/outbox.h"
#include "store/orders.h"
#include "store/shipments.h"
#include "transactions/amazon_mapping.h"
#include "transactions/routing_request_753.h"
#include "transactions/ship_notice_856.h"
#include "util/merge_runs.h"

namespace inbound {
namespace {

// A row that passed the gate. Views and pointers into the parsed file and the file's lookups
// (a file has tens of thousands of rows, all held until the gate has seen the last).
struct Checked {
  const exchange::ShippedRow* row;
  CachedLine line;                     // in the file's PoLineCache
  const store::CartonRecord* carton;   // nullptr: a new SSCC, not from routing
  std::int64_t item_id;                // the carton's one item of the line, else 0
  std::string_view sscc, pallet_sscc;  // without application identifier, in `row`
};

struct ShipmentWork {
  store::ShipmentRecord shipment;
  const exchange::ShippedRow* first = nullptr;
  const exchange::ShippingFacts* facts = nullptr;     // the first row's
  const store::ShipmentContents* contents = nullptr;  // in the file's lookups
  std::vector<Checked> rows;
};

// `sscc` without its application identifier, as a view into it (the identifier is a prefix).
std::string_view without_identifier(std::string_view sscc) {
  std::size_t length = model::strip_application_identifier(sscc).size();
  return sscc.substr(sscc.size() - length);
}

// What the gate reads from the store for one file, each thing read once: the shipments and
// their contents, the POs' lines, the pallets. The gate runs before the file writes anything,
// so nothing read here goes stale while checking.
class FileLookups {
 public:
  explicit FileLookups(store::Db& db) : db_(db), lines_(db) {}
  // A copy would keep `last_shipment_` pointing into the original's entries.
  FileLookups(const FileLookups&) = delete;
  FileLookups& operator=(const FileLookups&) = delete;

  PoLineCache& lines() { return lines_; }

  const std::optional<store::ShipmentRecord>& shipment(std::string_view reference) {
    // A file's rows come shipment by shipment: most look-ups ask for the last one again.
    if (last_shipment_ != nullptr && last_shipment_->first == reference) {
      return last_shipment_->second;
    }
    auto found = shipments_.find(reference);
    if (found == shipments_.end()) {
      std::string key(reference);
      std::optional<store::ShipmentRecord> shipment = store::find_shipment(db_, key);
      found = shipments_.emplace(std::move(key), std::move(shipment)).first;
    }
    last_shipment_ = &*found;
    return found->second;
  }

  const store::ShipmentContents& contents(std::int64_t shipment_id) {
    auto [where, fresh] = contents_.try_emplace(shipment_id);
    if (fresh) where->second = store::contents_of(db_, shipment_id);
    return where->second;
  }

  // The PO numbers of a shipment's cartons. Only a carton labelled after routing asks: the
  // contents themselves are read without them (two joins per carton item).
  const std::set<std::string, std::less<>>& po_numbers(std::int64_t shipment_id) {
    auto [where, fresh] = po_numbers_.try_emplace(shipment_id);
    if (fresh) {
      for (std::string& number : store::po_numbers_of(db_, shipment_id)) {
        where->second.insert(std::move(number));
      }
    }
    return where->second;
  }

  // The carton with `sscc` in any shipment; nullptr when none. Valid as long as this.
  const store::CartonRecord* carton(std::string_view sscc, std::int64_t shipment_id) {
    const store::ShipmentContents& own = contents(shipment_id);
    if (auto found = own.cartons.find(sscc); found != own.cartons.end()) return &found->second;
    auto found = other_cartons_.find(sscc);
    if (found == other_cartons_.end()) {
      std::string key(sscc);
      std::optional<store::CartonRecord> carton = store::find_carton_by_sscc(db_, key);
      found = other_cartons_.emplace(std::move(key), std::move(carton)).first;
    }
    return found->second ? &*found->second : nullptr;
  }

  struct Pallet {
    bool is_carton = false;  // a carton's SSCC in the store
    bool shipped = false;    // a shipped carton stood on it
  };
  const Pallet& pallet(const std::string& sscc) {
    auto [where, fresh] = pallets_.try_emplace(sscc);
    if (fresh) {
      where->second.is_carton = store::find_carton_by_sscc(db_, sscc).has_value();
      where->second.shipped = store::pallet_shipped(db_, sscc);
    }
    return where->second;
  }

 private:
  store::Db& db_;
  PoLineCache lines_;
  std::map<std::string, std::optional<store::ShipmentRecord>, std::less<>> shipments_;
  const std::pair<const std::string, std::optional<store::ShipmentRecord>>* last_shipment_ =
      nullptr;
  std::map<std::int64_t, store::ShipmentContents> contents_;
  std::map<std::int64_t, std::set<std::string, std::less<>>> po_numbers_;
  std::map<std::string, std::optional<store::CartonRecord>, std::less<>> other_cartons_;
  std::map<std::string, Pallet> pallets_;
};

// The routed carton of the last row that passed the gate. A carton's rows come together in a
// file, and each looked its SSCC up in three maps again (hashing or comparing 18 digits).
struct LastCarton {
  std::string_view cell;  // the row's sscc cell as written
  std::int64_t shipment_id = 0;
  std::string_view sscc;  // without identifier
  const store::CartonRecord* carton = nullptr;
  std::span<const store::PackedLine> packed;  // its lines, in the shipment's contents
};

// Every check of one row; nullopt (and a problem) when one fails. `shipped_now` counts
// eaches earlier rows add.
std::optional<Checked> check_row(runner::JobContext& context, FileLookups& lookups,
                                 const exchange::ShippedRow& row,
                                 const store::ShipmentRecord& shipment,
                                 std::unordered_map<std::int64_t, std::int64_t>& shipped_now,
                                 std::unordered_map<std::string_view, std::int64_t>& ssccs_in_file,
                                 LastCarton& last, std::vector<exchange::CsvProblem>& problems) {
  auto fail = [&](const char* column, std::string message) {
    problems.push_back({row.row, column, std::move(message)});
    return std::nullopt;
  };
  std::optional<CachedLine> found = lookups.lines().find(row.po_number, row.sku);
  if (!found) {
    const store::FulfilmentPo* po = lookups.lines().po(row.po_number);
    return (po && !po->lines.empty()) || store::find_order(context.db, std::string(row.po_number))
               ? fail("sku", fmt::format("\"{}\" is not on PO {}", row.sku, row.po_number))
               : fail("po_number", fmt::format("PO \"{}\" is unknown", row.po_number));
  }
  if (found->po->state == "received") {
    return fail("po_number", fmt::format("PO {} is not acknowledged", row.po_number));
  }
  const store::FulfilmentLine* line = found->line;
  std::int64_t& now = shipped_now[line->id];
  std::int64_t open = line->accepted_units - line->shipped_units - now;
  if (row.quantity > open) {
    return fail("quantity",
                fmt::format("{} exceeds the {} units of {} on PO {} accepted and not "
                            "yet shipped",
                            row.quantity, std::max<std::int64_t>(open, 0), row.sku, row.po_number));
  }
  std::string_view sscc;
  const store::CartonRecord* carton = nullptr;
  std::span<const store::PackedLine> packed;  // the carton's lines
  const bool same_carton =
      last.carton != nullptr && row.sscc == last.cell && shipment.id == last.shipment_id;
  if (same_carton) {
    // The same routed carton as the row before, whose checks of the carton itself passed and
    // gave the same answers; only what depends on the row's line is checked again below.
    sscc = last.sscc;
    carton = last.carton;
    packed = last.packed;
  } else {
    std::string why = model::check_sscc(row.sscc);
    if (!why.empty()) return fail("sscc", why);
    // A view into the file's text (or its decoded cells), which outlives the gate and the
    // writes: no string per row.
    sscc = without_identifier(row.sscc);
    carton = lookups.carton(sscc, shipment.id);
    if (carton && carton->shipped) {
      return fail("sscc",
                  fmt::format("{} was already shipped; an SSCC is never shipped twice", sscc));
    }
    if (carton && carton->shipment_id != shipment.id) {
      return fail("sscc", fmt::format("{} belongs to another shipment", sscc));
    }
    auto seen = ssccs_in_file.find(sscc);
    if (seen != ssccs_in_file.end() && seen->second != shipment.id) {
      return fail("sscc", fmt::format("{} appears in two shipments of this file", sscc));
    }
    if (!carton && lookups.po_numbers(shipment.id).count(row.po_number) == 0) {
      // A carton the 3PL labelled after routing: it must still belong to this shipment's POs.
      return fail("po_number", fmt::format("PO {} is not in shipment {}", row.po_number,
                                           shipment.supplier_reference));
    }
    if (!carton && store::sscc_known(context.db, std::string(sscc))) {
      return fail("sscc", fmt::format("{} is already used as a pallet SSCC", sscc));
    }
    if (carton) packed = lookups.contents(shipment.id).packed_in(carton->id);
  }
  std::int64_t item_id = 0;
  if (carton) {
    auto held = std::find_if(packed.begin(), packed.end(), [line](const store::PackedLine& p) {
      return p.po_line_id == line->id;
    });
    if (held == packed.end()) {
      return fail("sscc", fmt::format("carton {} was not packed with {} of PO {}", sscc, row.sku,
                                      row.po_number));
    }
    item_id = held->item_id;
  }
  std::string_view pallet;
  if (!row.pallet_sscc.empty()) {
    if (std::string pallet_why = model::check_sscc(row.pallet_sscc); !pallet_why.empty()) {
      return fail("pallet_sscc", pallet_why);
    }
    pallet = without_identifier(row.pallet_sscc);
    const FileLookups::Pallet& known = lookups.pallet(std::string(pallet));
    if (known.is_carton || ssccs_in_file.count(pallet) > 0 || pallet == sscc) {
      return fail("pallet_sscc", fmt::format("{} is a carton's SSCC, not a pallet's", pallet));
    }
    if (known.shipped) {
      return fail("pallet_sscc",
                  fmt::format("{} was already shipped; a pallet is never in two ASNs", pallet));
    }
  }
  if (!same_carton) ssccs_in_file[sscc] = shipment.id;  // else the row before put it there
  now += row.quantity;
  last = carton ? LastCarton{row.sscc, shipment.id, sscc, carton, packed} : LastCarton{};
  return Checked{&row, *found, carton, item_id, sscc, pallet};
}

// What is wrong with shipping `row` as part of `shipment`, and in which column: a problem
// must name the cell the 3PL has to fix (a wrong carrier is not a wrong shipment id).
struct ShipmentProblem {
  std::string column;
  std::string message;  // empty when there is none
};

ShipmentProblem shipment_problem(const store::ShipmentRecord& shipment,
                                 const exchange::ShippingFacts& row,
                                 const exchange::ShippingFacts& first, int first_row) {
  if (shipment.state == "shipped") {
    return {"shipment_id",
            fmt::format("shipment {} was already shipped", shipment.supplier_reference)};
  }
  if (shipment.freight_terms == "collect") {
    if (shipment.state != "routed" || shipment.arn.empty()) {
      return {"shipment_id",
              fmt::format("shipment {} is collect freight and has no routing from Amazon yet "
                          "(no 754, no ARN): it must not leave",
                          shipment.supplier_reference)};
    }
    if (row.carrier_scac != shipment.carrier_scac) {
      return {"carrier_scac",
              fmt::format("carrier {} is not the carrier Amazon routed shipment {} to ({})",
                          row.carrier_scac, shipment.supplier_reference, shipment.carrier_scac)};
    }
  }
  if (&row == &first) return {};  // the rows of a shipment share their facts when all agree
  using Pair = std::tuple<const char*, std::string_view, std::string_view>;
  for (auto [column, a, b] : {Pair{"ship_date", row.ship_date, first.ship_date},
                              Pair{"carrier_scac", row.carrier_scac, first.carrier_scac},
                              Pair{"bol_number", row.bol_number, first.bol_number},
                              Pair{"pro_number", row.pro_number, first.pro_number}}) {
    if (a != b) {
      return {column, fmt::format("{} \"{}\" differs from row {} (\"{}\") of the same shipment",
                                  column, a, first_row, b)};
    }
  }
  return {};
}

// The eaches a file adds, aggregated per shipment so each carton, carton item and PO line is
// written once: a carton has one row per item in the file, a PO line may be in many cartons.
struct ShippedTotals {
  struct Carton {
    std::int64_t id = 0;
    std::string pallet_sscc;         // its last row's
    std::string stored_pallet_sscc;  // what its row holds now ("" for a carton recorded now)
  };
  std::vector<Carton> cartons;  // in file order
  struct Item {
    std::int64_t carton_id = 0;
    std::int64_t po_line_id = 0;
    std::int64_t id = 0;  // the carton item's row, 0 when not known by one
    std::int64_t eaches = 0;
  };
  // One per row while the shipment's rows are read; sum() leaves one per (carton, line), and
  // `lines` one per line, each in id order (the order their rows are written in). Sorting
  // once cost less than a map node per row.
  std::vector<Item> items;
  std::vector<std::pair<std::int64_t, std::int64_t>> lines;  // (po_line_id, eaches)

  void sum() {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.carton_id != b.carton_id ? a.carton_id < b.carton_id : a.po_line_id < b.po_line_id;
    });
    util::merge_runs(
        items,
        [](const Item& a, const Item& b) {
          return a.carton_id == b.carton_id && a.po_line_id == b.po_line_id;
        },
        [](Item& first, const Item& later) {
          first.eaches += later.eaches;
          first.id = std::max(first.id, later.id);  // a carton's rows of a line share their item
        });
    lines.clear();
    for (const Item& item : items) lines.emplace_back(item.po_line_id, item.eaches);
    std::sort(lines.begin(), lines.end());
    util::merge_runs(
        lines, [](const auto& a, const auto& b) { return a.first == b.first; },
        [](auto& first, const auto& later) { first.second += later.second; });
  }
};

// A shipment's facts as its rows give them (the first row's: the gate checked they agree).
store::ShipmentRecord shipped_as(const ShipmentWork& item) {
  store::ShipmentRecord shipment = item.shipment;
  const exchange::ShippingFacts& first = *item.facts;
  shipment.ship_date = first.ship_date;
  shipment.carrier_scac = first.carrier_scac;
  shipment.bol_number = first.bol_number;
  shipment.pro_number = first.pro_number;
  shipment.tracking_number = first.tracking_number;
  shipment.estimated_delivery = first.estimated_delivery;
  return shipment;
}

// A checked shipment's 856: its facts, and per PO its cartons (by SSCC, in file order) with
// what each holds. Only what the gate read: the build thread runs this while the job's thread
// writes the shipment.
transactions::ShipNotice notice_of(const runner::JobContext& context, const ShipmentWork& item) {
  store::ShipmentRecord shipment = shipped_as(item);
  transactions::ShipNotice notice;
  notice.shipment_id = shipment.supplier_reference;
  notice.date = util::format_time(context.now, "%Y%m%d");
  notice.time = util::format_time(context.now, "%H%M");
  notice.carrier_scac = shipment.carrier_scac;
  notice.bol_number = shipment.bol_number;
  notice.pro_number = shipment.pro_number;
  if (shipment.freight_terms == "collect") {
    notice.arn_qualifier = context.config.shipping.arn_qualifier;
    notice.arn = shipment.arn;
  }
  notice.ship_date = shipment.ship_date;
  notice.estimated_delivery = shipment.estimated_delivery;
  notice.ship_from_name = context.config.shipping.ship_from_name;
  notice.ship_from_code = shipment.ship_from;
  notice.ship_to_fc = shipment.ship_to_fc;
  model::Decimal weight;
  std::set<std::string_view> cartons_seen;
  std::map<std::string_view, std::size_t> order_of_po;                        // -> notice.orders
  std::map<std::pair<std::size_t, std::string_view>, std::size_t> carton_of;  // (order, sscc)
  for (const Checked& checked : item.rows) {
    if (cartons_seen.insert(checked.sscc).second) {
      notice.cartons += 1;
      // A carton the 3PL labelled after routing weighs nothing known (0).
      if (checked.carton) {
        weight =
            weight + model::Decimal::parse(checked.carton->weight_kg).value_or(model::Decimal());
      }
    }
    const store::FulfilmentLine& line = *checked.line.line;
    auto [order, new_order] =
        order_of_po.try_emplace(checked.line.po->po_number, notice.orders.size());
    if (new_order) notice.orders.push_back({checked.line.po->po_number, {}});
    std::vector<transactions::AsnCarton>& cartons = notice.orders[order->second].cartons;
    auto [carton, new_carton] =
        carton_of.try_emplace({order->second, checked.sscc}, cartons.size());
    if (new_carton) {
      cartons.push_back({std::string(checked.sscc), std::string(checked.pallet_sscc), {}});
    }
    cartons[carton->second].items.push_back(
        {line.line_id, model::decode_product_ids(line.product_ids), checked.row->quantity});
  }
  notice.weight_lb = transactions::pounds(weight);
  return notice;
}

// Writes one checked shipment: new cartons, shipped units, cartons left behind, the shipment
// and PO states. `shipped_in_file` holds what earlier shipments of the file added to each PO
// line; `po_states` the state each PO has now.
void ship_one(runner::JobContext& context, const store::FileRecord& file, const ShipmentWork& item,
              std::unordered_map<std::int64_t, std::int64_t>& shipped_in_file,
              std::map<std::int64_t, std::string>& po_states) {
  store::ShipmentRecord shipment = shipped_as(item);
  std::map<std::string_view, std::size_t> carton_at;  // sscc -> its entry in totals.cartons
  std::set<std::pair<std::int64_t, std::int64_t>> new_items;
  std::map<std::int64_t, const store::FulfilmentPo*> touched_pos;  // by po_id
  ShippedTotals totals;
  std::size_t known_cartons_shipped = 0;  // cartons of item.contents (the gate's) in the file
  for (const Checked& checked : item.rows) {
    const store::FulfilmentLine& line = *checked.line.line;
    const store::FulfilmentPo& po = *checked.line.po;
    std::int64_t carton_id;
    auto known = carton_at.find(checked.sscc);
    if (known != carton_at.end()) {
      carton_id = totals.cartons[known->second].id;
    } else if (checked.carton) {
      carton_id = checked.carton->id;
    } else {
      // A carton the 3PL labelled after routing: recorded now, its weight unknown (0).
      store::CartonRecord carton;
      carton.shipment_id = shipment.id;
      carton.sscc = checked.sscc;
      carton.carton_ref = "sscc:" + carton.sscc;
      carton.weight_kg = carton.length_cm = carton.width_cm = carton.height_cm = "0";
      carton_id = store::insert_carton(context.db, carton);
    }
    bool packed = checked.carton && checked.carton->id == carton_id;  // gate: holds the line
    if (!packed && new_items.emplace(carton_id, line.id).second) {
      // Every line of a carton labelled after routing gets its item, so its shipped units
      // are counted (and invoiced).
      store::insert_carton_item(context.db, carton_id, line.id, 0);
    }
    if (known == carton_at.end()) {
      known_cartons_shipped += checked.carton ? 1 : 0;
      known = carton_at.emplace(checked.sscc, totals.cartons.size()).first;
      totals.cartons.push_back(
          {carton_id, "", checked.carton ? checked.carton->pallet_sscc : std::string()});
    }
    totals.cartons[known->second].pallet_sscc = checked.pallet_sscc;
    totals.items.push_back(
        {carton_id, line.id, packed ? checked.item_id : 0, checked.row->quantity});
    touched_pos.try_emplace(po.id, &po);
  }
  totals.sum();
  for (const ShippedTotals::Carton& carton : totals.cartons) {
    store::mark_carton_shipped(context.db, carton.id, carton.pallet_sscc,
                               carton.stored_pallet_sscc);
  }
  for (const ShippedTotals::Item& shipped_item : totals.items) {
    if (shipped_item.id != 0) {
      store::add_item_shipped_units(context.db, shipped_item.id, shipped_item.eaches);
    } else {
      store::add_item_shipped_units(context.db, shipped_item.carton_id, shipped_item.po_line_id,
                                    shipped_item.eaches);
    }
  }
  for (const auto& [po_line_id, eaches] : totals.lines) {
    store::add_line_shipped_units(context.db, po_line_id, eaches);
    shipped_in_file[po_line_id] += eaches;
  }
  // Cartons left behind are looked for only when some of the shipment's were not in the file.
  // Most shipments ship every carton: the look-up was two statements over its cartons each.
  std::size_t packed_unshipped = static_cast<std::size_t>(
      std::count_if(item.contents->cartons.begin(), item.contents->cartons.end(),
                    [](const auto& entry) { return !entry.second.shipped; }));
  int left = known_cartons_shipped == packed_unshipped
                 ? 0
                 : store::leave_behind_unshipped(context.db, context.actor, shipment, file.id);
  if (left > 0) {
    runner::log_warning(context, fmt::format("shipment {} left {} packed carton(s) behind",
                                             shipment.supplier_reference, left));
  }
  store::record_shipping(context.db, context.actor, shipment, file.id,
                         fmt::format("{} carton(s), BOL {}, carrier {}", totals.cartons.size(),
                                     shipment.bol_number, shipment.carrier_scac));
  for (const auto& [po_id, po] : touched_pos) {
    store::add_invoice_due(context.db, shipment.id, po_id);
    bool complete = true;
    for (const store::FulfilmentLine& line : po->lines) {
      auto added = shipped_in_file.find(line.id);
      std::int64_t shipped =
          line.shipped_units + (added == shipped_in_file.end() ? 0 : added->second);
      complete = complete && shipped >= line.accepted_units;
    }
    std::string state = complete ? "shipped" : "partially_shipped";
    std::string& now = po_states.try_emplace(po_id, po->state).first->second;
    if (now != state) {
      store::StoredOrder order;
      order.id = po_id;
      order.po_number = po->po_number;
      order.state = now;
      order.file_id = po->file_id;
      store::set_order_state(context.db, context.actor, order, state,
                             fmt::format("shipment {}", shipment.supplier_reference));
      now = state;
    }
  }
}

// Stages the 856s of `shipments` as the sets of one interchange (runner::stage_amazon_sets)
// and names where each went in `made`. Their bytes are built on the build thread from the
// checked rows, which the file's process() keeps until the builds are done.
void send_notices(runner::JobContext& context, const store::FileRecord& file,
                  std::span<const ShipmentWork> shipments, std::vector<std::string>& made) {
  std::vector<runner::BatchSet> sets;
  sets.reserve(shipments.size());
  for (const ShipmentWork& item : shipments) {
    sets.push_back({fmt::format("856:shipment:{}", item.shipment.id), file.id, [&context, &item] {
                      return transactions::ship_notice_856(notice_of(context, item));
                    }});
  }
  std::vector<runner::PlacedSet> placed =
      runner::stage_amazon_sets(context, "856", runner::X12Version::k5010, sets);
  for (std::size_t i = 0; i < shipments.size(); ++i) {
    made.push_back(fmt::format("{} set {} for shipment {}", placed[i].file_name,
                               placed[i].set_control, shipments[i].shipment.supplier_reference));
  }
}

}  // namespace

runner::FileOutcome ShippedIntake::process(runner::JobContext& context,
                                           const store::FileRecord& file,
                                           std::string_view content) {
  using Kind = runner::FileOutcome::Kind;
  if (std::optional<runner::FileOutcome> again =
          same_bytes_again(context, file, "nothing shipped twice")) {
    return *again;
  }
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::ShippedFile> parsed = exchange::parse_shipped(content, problems);
  std::vector<ShipmentWork> work;
  FileLookups lookups(context.db);
  // The 856s' bodies read `parsed`, `work` and `lookups`: built before they go.
  runner::BuildsFinished builds_finished(context.builds);
  if (parsed) {
    std::unordered_map<std::int64_t, std::int64_t> shipped_now;  // po_line_id -> eaches
    // Views into the parsed file, hashed: SSCCs share their first dozen digits, which an
    // ordered map compares again at every level.
    std::unordered_map<std::string_view, std::int64_t> ssccs;
    std::map<std::int64_t, std::size_t> work_of;  // shipment id -> its entry in `work`
    LastCarton last_carton;
    for (const exchange::ShippedRow& row : parsed->rows) {
      const std::optional<store::ShipmentRecord>& shipment = lookups.shipment(row.shipment_id);
      if (!shipment) {
        problems.push_back({row.row, "shipment_id",
                            fmt::format("\"{}\" is no shipment of ours", row.shipment_id)});
        continue;
      }
      auto [where, fresh] = work_of.try_emplace(shipment->id, work.size());
      if (fresh) {
        work.push_back(
            {*shipment, &row, &parsed->facts_of(row), &lookups.contents(shipment->id), {}});
      }
      ShipmentWork& entry = work[where->second];
      if (ShipmentProblem why = shipment_problem(entry.shipment, parsed->facts_of(row),
                                                 *entry.facts, entry.first->row);
          !why.message.empty()) {
        problems.push_back({row.row, why.column, why.message});
        continue;
      }
      if (std::optional<Checked> checked = check_row(context, lookups, row, entry.shipment,
                                                     shipped_now, ssccs, last_carton, problems)) {
        entry.rows.push_back(*checked);
      }
    }
  }
  if (!problems.empty()) {
    return refused_whole(file, problems, "nothing was shipped and no ASN was sent");
  }

  std::vector<std::string> made;
  std::unordered_map<std::int64_t, std::int64_t> shipped_in_file;  // po_line_id -> eaches
  std::map<std::int64_t, std::string> po_states;
  // The file's 856s go out amazon::kSetsPerInterchange to an interchange. Each interchange is
  // staged before its shipments are written, so the build thread makes its bytes meanwhile.
  const std::size_t per_interchange =
      static_cast<std::size_t>(std::max(1, amazon::kSetsPerInterchange));
  for (std::size_t begin = 0; begin < work.size(); begin += per_interchange) {
    std::span<const ShipmentWork> shipments(work.data() + begin,
                                            std::min(per_interchange, work.size() - begin));
    send_notices(context, file, shipments, made);
    for (const ShipmentWork& item : shipments) {
      ship_one(context, file, item, shipped_in_file, po_states);
    }
  }
  std::string summary;
  for (const std::string& item : made) summary += (summary.empty() ? "" : ", ") + item;
  return {Kind::kArchive, "", summary};
}

runner::FileJobSpec shipped_intake_spec(const runner::Config& config) {
  runner::FileJobSpec spec = tpl_csv_spec(config, "shipped");
  // A backlog is many CSVs of a few MB each: what one frees serves the next (93k page faults
  // for 20 files of 5 MB when it went back, 15k kept; the same peak).
  spec.memory = runner::MemoryBetweenFiles::kKeep;
  return spec;
}

}  // namespace inbound
