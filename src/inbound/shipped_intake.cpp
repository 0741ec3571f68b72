// The shipment confirmation handler: the gate first (nothing written when a row fails), then
// per shipment its 856 and the shipped quantities, in the file's one transaction.
#include "inbound/shipped_intake.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "exchange/csv.h"
#include "exchange/shipped_csv.h"
#include "inbound/tpl_files.h"
#include "model/sscc.h"
#include "runner/outbox.h"
#include "store/orders.h"
#include "store/shipments.h"
#include "transactions/routing_request_753.h"
#include "transactions/ship_notice_856.h"

namespace inbound {
namespace {

struct Checked {
  const exchange::ShippedRow* row;
  store::LineRef line;
  std::optional<store::CartonRecord> carton;  // nullopt: a new SSCC, not from routing
  std::string sscc, pallet_sscc;
};

struct ShipmentWork {
  store::ShipmentRecord shipment;
  const exchange::ShippedRow* first = nullptr;
  std::vector<Checked> rows;
};

// Every check of one row; "" when it passes. `shipped_now` counts eaches earlier rows add.
std::optional<Checked> check_row(runner::JobContext& context, const exchange::ShippedRow& row,
                                 const store::ShipmentRecord& shipment,
                                 std::map<std::int64_t, std::int64_t>& shipped_now,
                                 std::map<std::string, std::int64_t>& ssccs_in_file,
                                 std::vector<exchange::CsvProblem>& problems) {
  auto fail = [&](const char* column, std::string message) {
    problems.push_back({row.row, column, std::move(message)});
    return std::nullopt;
  };
  std::optional<store::LineRef> line =
      store::find_po_line_by_sku(context.db, row.po_number, row.sku);
  if (!line) {
    return store::find_order(context.db, row.po_number)
               ? fail("sku", fmt::format("\"{}\" is not on PO {}", row.sku, row.po_number))
               : fail("po_number", fmt::format("PO \"{}\" is unknown", row.po_number));
  }
  if (line->po_state == "received") {
    return fail("po_number", fmt::format("PO {} is not acknowledged", row.po_number));
  }
  std::int64_t& now = shipped_now[line->po_line_id];
  std::int64_t open = line->accepted_units - line->shipped_units - now;
  if (row.quantity > open) {
    return fail("quantity",
                fmt::format("{} exceeds the {} units of {} on PO {} accepted and not "
                            "yet shipped",
                            row.quantity, std::max<std::int64_t>(open, 0), row.sku, row.po_number));
  }
  std::string why = model::check_sscc(row.sscc);
  if (!why.empty()) return fail("sscc", why);
  std::string sscc = model::strip_application_identifier(row.sscc);
  std::optional<store::CartonRecord> carton = store::find_carton_by_sscc(context.db, sscc);
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
  if (!carton) {
    // A carton the 3PL labelled after routing: it must still belong to this shipment's POs.
    std::vector<std::string> pos = store::po_numbers_of(context.db, shipment.id);
    if (std::find(pos.begin(), pos.end(), row.po_number) == pos.end()) {
      return fail("po_number", fmt::format("PO {} is not in shipment {}", row.po_number,
                                           shipment.supplier_reference));
    }
  }
  if (!carton && store::sscc_known(context.db, sscc)) {
    return fail("sscc", fmt::format("{} is already used as a pallet SSCC", sscc));
  }
  if (carton && !store::carton_holds(context.db, carton->id, line->po_line_id)) {
    return fail("sscc", fmt::format("carton {} was not packed with {} of PO {}", sscc, row.sku,
                                    row.po_number));
  }
  std::string pallet;
  if (!row.pallet_sscc.empty()) {
    if (std::string pallet_why = model::check_sscc(row.pallet_sscc); !pallet_why.empty()) {
      return fail("pallet_sscc", pallet_why);
    }
    pallet = model::strip_application_identifier(row.pallet_sscc);
    if (store::find_carton_by_sscc(context.db, pallet) || ssccs_in_file.count(pallet) > 0 ||
        pallet == sscc) {
      return fail("pallet_sscc", fmt::format("{} is a carton's SSCC, not a pallet's", pallet));
    }
    if (store::pallet_shipped(context.db, pallet)) {
      return fail("pallet_sscc",
                  fmt::format("{} was already shipped; a pallet is never in two ASNs", pallet));
    }
  }
  ssccs_in_file[sscc] = shipment.id;
  now += row.quantity;
  return Checked{&row, *line, carton, sscc, pallet};
}

// What is wrong with shipping `row` as part of `shipment`, and in which column: a problem
// must name the cell the 3PL has to fix (a wrong carrier is not a wrong shipment id).
struct ShipmentProblem {
  std::string column;
  std::string message;  // empty when there is none
};

ShipmentProblem shipment_problem(const store::ShipmentRecord& shipment,
                                 const exchange::ShippedRow& row,
                                 const exchange::ShippedRow& first) {
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
  for (auto [column, a, b] : {std::tuple{"ship_date", row.ship_date, first.ship_date},
                              std::tuple{"carrier_scac", row.carrier_scac, first.carrier_scac},
                              std::tuple{"bol_number", row.bol_number, first.bol_number},
                              std::tuple{"pro_number", row.pro_number, first.pro_number}}) {
    if (a != b) {
      return {column, fmt::format("{} \"{}\" differs from row {} (\"{}\") of the same shipment",
                                  column, a, first.row, b)};
    }
  }
  return {};
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
  std::optional<std::vector<exchange::ShippedRow>> rows =
      exchange::parse_shipped(content, problems);
  std::vector<ShipmentWork> work;
  if (rows) {
    std::map<std::int64_t, std::int64_t> shipped_now;
    std::map<std::string, std::int64_t> ssccs;
    for (const exchange::ShippedRow& row : *rows) {
      std::optional<store::ShipmentRecord> shipment =
          store::find_shipment(context.db, row.shipment_id);
      if (!shipment) {
        problems.push_back({row.row, "shipment_id",
                            fmt::format("\"{}\" is no shipment of ours", row.shipment_id)});
        continue;
      }
      auto entry = std::find_if(work.begin(), work.end(), [&](const ShipmentWork& w) {
        return w.shipment.id == shipment->id;
      });
      if (entry == work.end()) {
        work.push_back({*shipment, &row, {}});
        entry = std::prev(work.end());
      }
      if (ShipmentProblem why = shipment_problem(entry->shipment, row, *entry->first);
          !why.message.empty()) {
        problems.push_back({row.row, why.column, why.message});
        continue;
      }
      if (std::optional<Checked> checked =
              check_row(context, row, entry->shipment, shipped_now, ssccs, problems)) {
        entry->rows.push_back(*checked);
      }
    }
  }
  if (!problems.empty()) {
    return refused_whole(file, problems, "nothing was shipped and no ASN was sent");
  }

  std::vector<std::string> made;
  for (ShipmentWork& item : work) {
    store::ShipmentRecord shipment = item.shipment;
    const exchange::ShippedRow& first = *item.first;
    shipment.ship_date = first.ship_date;
    shipment.carrier_scac = first.carrier_scac;
    shipment.bol_number = first.bol_number;
    shipment.pro_number = first.pro_number;
    shipment.tracking_number = first.tracking_number;
    shipment.estimated_delivery = first.estimated_delivery;
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
    std::map<std::string, std::int64_t> carton_ids;  // sscc -> carton row
    std::set<std::int64_t> touched_pos;
    for (const Checked& checked : item.rows) {
      std::int64_t carton_id;
      auto known = carton_ids.find(checked.sscc);
      if (known != carton_ids.end()) {
        carton_id = known->second;
      } else if (checked.carton) {
        carton_id = checked.carton->id;
        weight =
            weight + model::Decimal::parse(checked.carton->weight_kg).value_or(model::Decimal());
      } else {
        // A carton the 3PL labelled after routing: recorded now, its weight unknown (0).
        store::CartonRecord carton;
        carton.shipment_id = shipment.id;
        carton.carton_ref = "sscc:" + checked.sscc;
        carton.sscc = checked.sscc;
        carton.weight_kg = carton.length_cm = carton.width_cm = carton.height_cm = "0";
        carton_id = store::insert_carton(context.db, carton);
      }
      if (!store::carton_holds(context.db, carton_id, checked.line.po_line_id)) {
        // Every line of a carton labelled after routing gets its item, so its shipped units
        // are counted (and invoiced).
        store::insert_carton_item(context.db, carton_id, checked.line.po_line_id, 0);
      }
      if (known == carton_ids.end()) {
        carton_ids[checked.sscc] = carton_id;
        notice.cartons += 1;
      }
      store::mark_carton_shipped(context.db, carton_id, checked.pallet_sscc);
      store::add_shipped_units(context.db, carton_id, checked.line.po_line_id,
                               checked.row->quantity);
      touched_pos.insert(checked.line.po_id);
      auto order = std::find_if(notice.orders.begin(), notice.orders.end(), [&](const auto& o) {
        return o.po_number == checked.line.po_number;
      });
      if (order == notice.orders.end()) {
        notice.orders.push_back({checked.line.po_number, {}});
        order = std::prev(notice.orders.end());
      }
      auto carton = std::find_if(order->cartons.begin(), order->cartons.end(),
                                 [&](const auto& c) { return c.sscc == checked.sscc; });
      if (carton == order->cartons.end()) {
        order->cartons.push_back({checked.sscc, checked.pallet_sscc, {}});
        carton = std::prev(order->cartons.end());
      }
      carton->items.push_back({checked.line.line_id,
                               model::decode_product_ids(checked.line.product_ids),
                               checked.row->quantity});
    }
    notice.weight_lb = transactions::pounds(weight);
    int left = store::leave_behind_unshipped(context.db, context.actor, shipment, file.id);
    if (left > 0) {
      runner::log_warning(context, fmt::format("shipment {} left {} packed carton(s) behind",
                                               shipment.supplier_reference, left));
    }
    store::record_shipping(context.db, context.actor, shipment, file.id,
                           fmt::format("{} carton(s), BOL {}, carrier {}", notice.cartons,
                                       shipment.bol_number, shipment.carrier_scac));
    for (std::int64_t po_id : touched_pos) {
      bool complete = true;
      std::string po_number;
      for (const store::LineRef& line : store::lines_of_po(context.db, po_id)) {
        complete = complete && line.shipped_units >= line.accepted_units;
        po_number = line.po_number;
      }
      std::optional<store::StoredOrder> order = store::find_order(context.db, po_number);
      std::string state = complete ? "shipped" : "partially_shipped";
      if (order && order->state != state) {
        store::set_order_state(context.db, context.actor, *order, state,
                               fmt::format("shipment {}", shipment.supplier_reference));
      }
    }
    runner::DocumentRequest request;
    request.type = "856";
    request.functional_id = "SH";
    request.business_key = fmt::format("856:shipment:{}", shipment.id);
    request.partner = runner::amazon_partner(context.config);
    request.outbox = runner::Outbox::kAs2;
    request.source_file_id = file.id;
    request.build = [&](const runner::ControlNumbers& numbers) {
      return runner::amazon_interchange(context, numbers, "SH", "856", runner::X12Version::k5010,
                                        transactions::ship_notice_856(notice));
    };
    made.push_back(runner::stage_document(context, request).file_name + " for shipment " +
                   shipment.supplier_reference);
  }
  std::string summary;
  for (const std::string& item : made) summary += (summary.empty() ? "" : ", ") + item;
  return {Kind::kArchive, "", summary};
}

runner::FileJobSpec shipped_intake_spec(const runner::Config& config) {
  return tpl_csv_spec(config, "shipped");
}

}  // namespace inbound
