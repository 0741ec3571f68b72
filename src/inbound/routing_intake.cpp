// The 754 handler.
#include "inbound/routing_intake.h"

#include <fmt/format.h>

#include <algorithm>

#include "exchange/csv.h"
#include "runner/outbox.h"
#include "store/shipments.h"
#include "transactions/routing_instructions_754.h"

namespace inbound {
namespace {

std::string iso(const std::string& ccyymmdd) {
  if (ccyymmdd.size() != 8) return ccyymmdd;
  return ccyymmdd.substr(0, 4) + "-" + ccyymmdd.substr(4, 2) + "-" + ccyymmdd.substr(6, 2);
}

std::string clock_time(const std::string& hhmm) {
  return hhmm.size() >= 4 ? hhmm.substr(0, 2) + ":" + hhmm.substr(2, 2) : hhmm;
}

}  // namespace

void RoutingIntake::check(const runner::JobContext&, const x12::TransactionSet& set,
                          transactions::SetIssues& issues) {
  transactions::read_routing_instructions(set, issues);
}

SetOutcome RoutingIntake::store(runner::JobContext& context, const x12::TransactionSet& set,
                                std::int64_t, const store::FileRecord& file) {
  x12::Issues unused;
  transactions::SetLocation location;
  transactions::SetIssues issues(location, set, unused);
  std::optional<transactions::RoutingInstructions> routing =
      transactions::read_routing_instructions(set, issues);
  if (!routing) throw std::logic_error("754 passed check() but cannot be read");
  std::optional<store::ShipmentRecord> shipment =
      store::find_shipment(context.db, routing->supplier_reference);
  if (!shipment) {
    return {"routing_unmatched",
            fmt::format("754 with ARN {} answers supplier reference {}, which is no shipment of "
                        "ours; nothing was routed",
                        routing->arn, routing->supplier_reference),
            "754 unmatched"};
  }
  std::vector<std::string> carried = store::po_numbers_of(context.db, shipment->id);
  for (const std::string& po : routing->po_numbers) {
    if (std::find(carried.begin(), carried.end(), po) == carried.end()) {
      return {"routing_unmatched",
              fmt::format("754 for shipment {} names PO {}, which the shipment does not carry; "
                          "nothing was routed",
                          shipment->supplier_reference, po),
              "754 PO mismatch"};
    }
  }
  if (shipment->state != "routing_requested" && shipment->state != "routed") {
    return {"routing_unmatched",
            fmt::format("754 for shipment {} arrived in state {}; nothing was changed",
                        shipment->supplier_reference, shipment->state),
            "754 too late"};
  }
  store::ShipmentRecord routed = *shipment;
  routed.arn = routing->arn;
  routed.carrier_scac = routing->carrier_scac;
  routed.carrier_name = routing->carrier_name;
  routed.pickup_date = routing->pickup_date;
  routed.pickup_time = routing->pickup_time;
  store::record_routing(
      context.db, context.actor, routed, file.id,
      fmt::format("ARN {}, carrier {} {}, pickup {} {}", routed.arn, routed.carrier_scac,
                  routed.carrier_name, routed.pickup_date, routed.pickup_time));
  std::string csv = exchange::format_csv_row({"shipment_id", "po_number", "arn", "carrier_scac",
                                              "carrier_name", "pickup_date", "pickup_time"});
  for (const std::string& po : carried) {
    csv += exchange::format_csv_row({routed.supplier_reference, po, routed.arn, routed.carrier_scac,
                                     routed.carrier_name, iso(routed.pickup_date),
                                     clock_time(routed.pickup_time)});
  }
  runner::DocumentRequest request;
  request.type = "routing";
  // A second 754 for the same shipment (re-routing) is a new business event: its own file.
  request.business_key = fmt::format("routing:shipment:{}:arn:{}", shipment->id, routed.arn);
  request.partner = "3pl";
  request.outbox = runner::Outbox::kThirdParty;
  request.file_name = fmt::format("routing_{}.csv", routed.supplier_reference);
  if (store::document_file_name_taken(context.db, request.file_name)) {
    // The ARN is Amazon's text (X12 AN allows '/'): it must not make the name a path.
    request.file_name = fmt::format("routing_{}_{}.csv", routed.supplier_reference,
                                    runner::file_name_part(routed.arn));
  }
  request.source_file_id = file.id;
  request.build = [&](const runner::ControlNumbers&) { return csv; };
  runner::stage_document(context, request);
  return {"routing_matched", "",
          fmt::format("754: shipment {} routed (ARN {}, {})", routed.supplier_reference, routed.arn,
                      routed.carrier_scac)};
}

}  // namespace inbound
