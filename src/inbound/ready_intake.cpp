// The ready handler: checks first (nothing is written when a row is bad), then shipments,
// cartons, SSCCs, 753s (the file's 753s as the sets of a few interchanges) and label files in
// the file's one transaction.
#include "inbound/ready_intake.h"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <tuple>

#include "exchange/csv.h"
#include "exchange/ready_csv.h"
#include "inbound/po_line_cache.h"
#include "inbound/tpl_files.h"
#include "model/sscc.h"
#include "runner/amazon_sets.h"
#include "runner/outbox.h"
#include "store/orders.h"
#include "store/shipments.h"
#include "transactions/amazon_mapping.h"
#include "transactions/routing_request_753.h"
#include "x12/writer.h"

namespace inbound {
namespace {

struct Carton {
  const exchange::ReadyRow* first = nullptr;  // the row that defined its attributes
  std::string sscc;                           // given (validated) or "" to issue
  std::string ship_to_fc;
  std::string freight_terms;
  std::vector<std::pair<const exchange::ReadyRow*, const store::FulfilmentLine*>> items;
};

struct Group {
  std::string ship_from, ship_to_fc, ready_date, freight_terms;
  std::vector<std::string> cartons;  // carton ids in file order
};

std::string same_or_problem(const exchange::ReadyRow& row, const exchange::ReadyRow& first) {
  auto differs = [&](const char* column, const std::string& a, const std::string& b) {
    return a == b ? std::string()
                  : fmt::format("{}: \"{}\" differs from row {} (\"{}\") for carton {}", column, a,
                                first.row, b, row.carton_id);
  };
  for (std::string why :
       {differs("sscc", row.sscc, first.sscc), differs("pallet_id", row.pallet_id, first.pallet_id),
        differs("weight_kg", row.weight_kg.to_string(), first.weight_kg.to_string()),
        differs("length_cm", row.length_cm.to_string(), first.length_cm.to_string()),
        differs("width_cm", row.width_cm.to_string(), first.width_cm.to_string()),
        differs("height_cm", row.height_cm.to_string(), first.height_cm.to_string()),
        differs("ready_date", row.ready_date, first.ready_date),
        differs("ship_from", row.ship_from, first.ship_from)}) {
    if (!why.empty()) return why;
  }
  return "";
}

model::Decimal volume_cm3(const exchange::ReadyRow& row) {
  __int128 units = static_cast<__int128>(row.length_cm.units()) * row.width_cm.units() /
                   model::Decimal::kUnit * row.height_cm.units() / model::Decimal::kUnit;
  return model::Decimal::from_units(static_cast<std::int64_t>(units));
}

// `count` new SSCCs from the GS1 serial sequence, in order. A serial whose SSCC a carton or
// pallet already has (the 3PL used it on its own labels), or a carton of this file gives, is
// skipped: never twice. The serials are reserved in blocks and checked with one look-up per
// block; the sequence ends where one-by-one issuing would have left it.
std::vector<std::string> issue_ssccs(runner::JobContext& context, std::size_t count,
                                     const std::set<std::string>& given) {
  std::vector<std::string> issued;
  issued.reserve(count);
  auto make = [&](std::int64_t serial) {
    std::optional<std::string> sscc = model::make_sscc(
        context.config.shipping.sscc_extension, context.config.shipping.gs1_company_prefix, serial);
    if (!sscc) throw std::runtime_error("the GS1 serial range of the company prefix is used up");
    return *sscc;
  };
  while (issued.size() < count) {
    std::int64_t block = static_cast<std::int64_t>(count - issued.size());
    std::int64_t first = store::reserve_numbers(context.db, "gs1", "SSCC", block);
    std::set<std::string> known =
        store::ssccs_known_between(context.db, make(first), make(first + block - 1));
    for (std::int64_t serial = first; serial < first + block; ++serial) {
      std::string sscc = make(serial);
      if (known.count(sscc) == 0 && given.count(sscc) == 0) issued.push_back(std::move(sscc));
    }
  }
  return issued;
}

}  // namespace

runner::FileOutcome ReadyIntake::process(runner::JobContext& context, const store::FileRecord& file,
                                         std::string_view content) {
  using Kind = runner::FileOutcome::Kind;
  if (std::optional<runner::FileOutcome> again =
          same_bytes_again(context, file, "nothing packed twice")) {
    return *again;
  }
  std::vector<exchange::CsvProblem> problems;
  std::optional<std::vector<exchange::ReadyRow>> rows = exchange::parse_ready(content, problems);
  std::map<std::string, Carton> cartons;
  std::vector<std::string> carton_order;
  // The checks read each PO once; nothing is written before they all pass.
  PoLineCache po_lines(context.db);
  if (rows) {
    std::map<std::int64_t, std::int64_t> packing;   // po_line_id -> eaches in this file
    std::map<std::string, std::string> sscc_owner;  // sscc -> carton id in this file
    for (const exchange::ReadyRow& row : *rows) {
      std::optional<CachedLine> found = po_lines.find(row.po_number, row.sku);
      if (!found) {
        const store::FulfilmentPo* po = po_lines.po(row.po_number);
        bool po_known =
            (po && !po->lines.empty()) || store::find_order(context.db, row.po_number).has_value();
        problems.push_back(
            po_known ? exchange::CsvProblem{row.row, "sku",
                                            fmt::format("\"{}\" is not on PO {}", row.sku,
                                                        row.po_number)}
                     : exchange::CsvProblem{row.row, "po_number",
                                            fmt::format("PO \"{}\" is unknown", row.po_number)});
        continue;
      }
      const store::FulfilmentPo* po = found->po;
      const store::FulfilmentLine* line = found->line;
      if (po->state == "received") {
        problems.push_back(
            {row.row, "po_number", fmt::format("PO {} is not acknowledged yet", row.po_number)});
        continue;
      }
      std::int64_t& in_file = packing[line->id];
      std::int64_t open = line->accepted_units - line->packed_units - in_file;
      if (row.quantity > open) {
        problems.push_back(
            {row.row, "quantity",
             fmt::format("{} exceeds the {} units of {} on PO {} accepted and not "
                         "yet packed",
                         row.quantity, std::max<std::int64_t>(open, 0), row.sku, row.po_number)});
        continue;
      }
      in_file += row.quantity;
      auto [where, inserted] = cartons.try_emplace(row.carton_id);
      Carton& carton = where->second;
      if (inserted) {
        carton.first = &row;
        carton.ship_to_fc = po->ship_to_fc;
        carton.freight_terms = po->freight_terms;
        carton_order.push_back(row.carton_id);
        if (!row.sscc.empty()) {
          std::string why = model::check_sscc(row.sscc);
          std::string sscc = model::strip_application_identifier(row.sscc);
          if (!why.empty()) {
            problems.push_back({row.row, "sscc", why});
          } else if (store::sscc_known(context.db, sscc)) {
            problems.push_back({row.row, "sscc",
                                fmt::format("{} is already used by another "
                                            "carton; an SSCC is never reused",
                                            sscc)});
          } else if (auto [owner, fresh] = sscc_owner.emplace(sscc, row.carton_id); !fresh) {
            problems.push_back(
                {row.row, "sscc", fmt::format("{} is also carton {}'s", sscc, owner->second)});
          } else {
            carton.sscc = sscc;
          }
        }
      } else if (std::string why = same_or_problem(row, *carton.first); !why.empty()) {
        problems.push_back({row.row, why.substr(0, why.find(':')), why.substr(why.find(':') + 2)});
      } else if (row.po_number != carton.first->po_number) {
        // The 856 lists each carton under exactly one PO (HL O -> P): one carton, one PO.
        problems.push_back({row.row, "po_number",
                            fmt::format("carton {} already holds PO {}; a carton carries one PO",
                                        row.carton_id, carton.first->po_number)});
      } else if (po->ship_to_fc != carton.ship_to_fc) {
        problems.push_back(
            {row.row, "po_number",
             fmt::format("PO {} ships to {}, carton {} to {}: one carton, one FC", row.po_number,
                         po->ship_to_fc, row.carton_id, carton.ship_to_fc)});
      }
      carton.items.emplace_back(&row, line);
    }
  }
  // The 856 lists a pallet under one PO (HL O -> T): a pallet carries one PO's cartons.
  std::map<std::string, std::pair<std::string, std::string>> pallet_po;  // pallet -> (PO, carton)
  for (const std::string& id : carton_order) {
    const Carton& carton = cartons[id];
    if (carton.first->pallet_id.empty()) continue;
    auto [where, fresh] =
        pallet_po.try_emplace(carton.first->pallet_id, carton.first->po_number, id);
    if (!fresh && where->second.first != carton.first->po_number) {
      problems.push_back(
          {carton.first->row, "pallet_id",
           fmt::format("pallet {} already holds carton {} of PO {}; a pallet "
                       "carries one PO",
                       carton.first->pallet_id, where->second.second, where->second.first)});
    }
  }
  // Group into shipments; a shipment cannot mix freight terms.
  std::vector<Group> groups;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> group_of;
  for (const std::string& id : carton_order) {
    const Carton& carton = cartons[id];
    auto [where, fresh] = group_of.try_emplace(
        {carton.first->ship_from, carton.ship_to_fc, carton.first->ready_date}, groups.size());
    if (fresh) {
      groups.push_back({carton.first->ship_from,
                        carton.ship_to_fc,
                        carton.first->ready_date,
                        carton.freight_terms,
                        {}});
    }
    Group* group = &groups[where->second];
    if (!fresh && group->freight_terms != carton.freight_terms) {
      problems.push_back(
          {carton.first->row, "po_number",
           fmt::format("carton {} is {} freight but ships with {} cartons to {}; "
                       "collect and prepaid never share a shipment",
                       id, carton.freight_terms, group->freight_terms, group->ship_to_fc)});
    }
    group->cartons.push_back(id);
  }
  if (!problems.empty()) {
    return refused_whole(file, problems, "nothing was packed, routed or labelled");
  }

  std::set<std::string> given_ssccs;
  std::size_t to_issue = 0;
  for (const auto& [id, carton] : cartons) {
    if (!carton.sscc.empty()) given_ssccs.insert(carton.sscc);
    to_issue += carton.sscc.empty() ? 1 : 0;
  }
  std::int64_t number =
      groups.empty() ? 0
                     : store::reserve_numbers(context.db, "avedi", "SHIPMENT", std::ssize(groups));
  std::vector<std::string> issued = issue_ssccs(context, to_issue, given_ssccs);
  std::size_t next_issued = 0;
  std::map<std::int64_t, std::int64_t> packed;  // po_line_id -> eaches this file packs
  std::vector<std::string> made;
  // The file's 753s, with their shipment ids, go out amazon::kSetsPerInterchange to an
  // interchange. Shared with the 753s' bodies, which the build thread runs after `requests` is
  // cleared.
  std::vector<std::pair<std::shared_ptr<const transactions::RoutingRequest>, std::int64_t>>
      requests;
  auto send_requests = [&] {
    std::vector<runner::BatchSet> sets;
    sets.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
      sets.push_back(
          {fmt::format("753:shipment:{}", requests[i].second), file.id,
           [request = requests[i].first] { return transactions::routing_request_753(*request); }});
    }
    std::vector<runner::PlacedSet> placed =
        runner::stage_amazon_sets(context, "753", runner::X12Version::k5010, sets);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      made.push_back(fmt::format("{} set {} for shipment {}", placed[i].file_name,
                                 placed[i].set_control, requests[i].first->supplier_reference));
    }
    requests.clear();
  };
  for (const Group& group : groups) {
    store::ShipmentRecord shipment;
    shipment.supplier_reference = fmt::format("AVD{:08}", number++);
    shipment.ship_from = group.ship_from;
    shipment.ship_to_fc = group.ship_to_fc;
    shipment.ready_date = group.ready_date;
    shipment.freight_terms = group.freight_terms;
    bool collect = group.freight_terms == "collect";
    shipment.state = collect ? "routing_requested" : "ready";
    shipment.file_id = file.id;
    shipment.id = store::insert_shipment(context.db, context.actor, shipment);
    std::map<std::string, transactions::RoutingPo> by_po;
    std::map<std::string, std::set<std::string>> pallets_by_po;
    std::vector<std::vector<std::string>> labels{
        {"shipment_id", "carton_id", "sscc", "pallet_id", "po_number", "sku", "quantity"}};
    for (const std::string& id : group.cartons) {
      Carton& carton = cartons[id];
      store::CartonRecord record;
      record.shipment_id = shipment.id;
      record.carton_ref = id;
      record.sscc = carton.sscc;
      if (record.sscc.empty()) {
        record.sscc = issued.at(next_issued++);
        record.sscc_issued = true;
      }
      const exchange::ReadyRow& first = *carton.first;
      record.pallet_ref = first.pallet_id;
      record.weight_kg = first.weight_kg.to_string();
      record.length_cm = first.length_cm.to_string();
      record.width_cm = first.width_cm.to_string();
      record.height_cm = first.height_cm.to_string();
      std::int64_t carton_id = store::insert_carton(context.db, record);
      std::set<std::string> carton_pos;
      for (const auto& [row, line] : carton.items) {
        store::insert_carton_content(context.db, carton_id, line->id, row->quantity);
        packed[line->id] += row->quantity;
        labels.push_back({shipment.supplier_reference, id, record.sscc, first.pallet_id,
                          row->po_number, row->sku, std::to_string(row->quantity)});
        carton_pos.insert(row->po_number);
      }
      // A carton's weight and volume count once, for the first PO it carries.
      const std::string& po = *carton_pos.begin();
      transactions::RoutingPo& totals = by_po[po];
      totals.po_number = po;
      totals.cartons += 1;
      totals.weight_kg = totals.weight_kg + first.weight_kg;
      totals.volume_cm3 = totals.volume_cm3 + volume_cm3(first);
      if (!first.pallet_id.empty()) pallets_by_po[po].insert(first.pallet_id);
    }
    if (collect) {
      transactions::RoutingRequest request;
      request.supplier_reference = shipment.supplier_reference;
      request.request_date = util::format_time(context.now, "%Y%m%d");
      request.request_time = util::format_time(context.now, "%H%M");
      request.ship_from_name = context.config.shipping.ship_from_name;
      request.ship_from_code = shipment.ship_from;
      request.ship_to_fc = shipment.ship_to_fc;
      request.ready_date = shipment.ready_date;
      for (auto& [po, totals] : by_po) {
        totals.pallets = static_cast<std::int64_t>(pallets_by_po[po].size());
        request.pos.push_back(totals);
      }
      requests.push_back(
          {std::make_shared<const transactions::RoutingRequest>(std::move(request)), shipment.id});
      if (requests.size() == static_cast<std::size_t>(amazon::kSetsPerInterchange)) {
        send_requests();
      }
    }
    std::string label_text;
    for (const std::vector<std::string>& row : labels) label_text += exchange::format_csv_row(row);
    runner::DocumentRequest label_file;
    label_file.type = "labels";
    label_file.business_key = fmt::format("labels:shipment:{}", shipment.id);
    label_file.partner = "3pl";
    label_file.outbox = runner::Outbox::kThirdParty;
    label_file.file_name = "labels_" + shipment.supplier_reference + ".csv";
    label_file.source_file_id = file.id;
    label_file.build = [&](const runner::ControlNumbers&) { return label_text; };
    made.push_back(runner::stage_document(context, label_file).file_name);
    made.push_back(fmt::format("shipment {} ({}, {} carton(s))", shipment.supplier_reference,
                               shipment.state, group.cartons.size()));
  }
  if (!requests.empty()) send_requests();
  for (const auto& [po_line_id, eaches] : packed) {
    store::add_packed_units(context.db, po_line_id, eaches);
  }
  std::string summary;
  for (const std::string& item : made) summary += (summary.empty() ? "" : ", ") + item;
  return {Kind::kArchive, "", summary};
}

runner::FileJobSpec ready_intake_spec(const runner::Config& config) {
  return tpl_csv_spec(config, "ready");
}

}  // namespace inbound
