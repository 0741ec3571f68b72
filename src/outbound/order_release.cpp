// The order release. The CSV's name and business key are fixed by the run and the part, so a
// run re-done after a crash names and keys the same CSVs.
#include "outbound/order_release.h"

#include <fmt/format.h>

#include "exchange/order_release_csv.h"
#include "runner/outbox.h"
#include "store/database.h"
#include "util/crash_point.h"

namespace outbound {

std::string stage_release(runner::JobContext& context,
                          const std::vector<store::StoredOrder>& orders, int part) {
  std::vector<exchange::ReleaseLine> lines;  // views into `orders`
  std::size_t line_count = 0;
  for (const store::StoredOrder& order : orders) line_count += order.lines.size();
  lines.reserve(line_count);
  for (const store::StoredOrder& order : orders) {
    for (const store::StoredLine& line : order.lines) {
      if (line.accepted <= 0) continue;
      lines.push_back({order.po_number, line.line_id, line.sku, line.accepted * line.units_per_uom,
                       order.ship_to_fc, order.deliver_not_before, order.deliver_not_after,
                       order.freight_terms});
    }
  }
  std::string file_name;
  if (!lines.empty()) {
    std::string stamp = util::format_time(context.now, "%Y%m%dT%H%M%S");
    file_name = "orders_" + stamp + ".csv";
    for (int n = 2; store::document_file_name_taken(context.db, file_name); ++n) {
      file_name = fmt::format("orders_{}_{}.csv", stamp, n);
    }
    runner::DocumentRequest request;
    request.type = "release";
    request.business_key = part == 0 ? fmt::format("release:run:{}", context.actor.run_id)
                                     : fmt::format("release:run:{}:{}", context.actor.run_id, part);
    request.partner = "3pl";
    request.outbox = runner::Outbox::kThirdParty;
    request.file_name = file_name;
    std::string content = exchange::order_release_csv(lines);
    request.build = [&](const runner::ControlNumbers&) { return content; };
    runner::stage_document(context, request);
  }
  for (const store::StoredOrder& order : orders) {
    std::int64_t accepted = 0, backordered = 0;
    for (const store::StoredLine& line : order.lines) {
      accepted += line.accepted;
      backordered += line.backordered;
    }
    std::string state = accepted > 0 ? "released" : (backordered > 0 ? "backordered" : "rejected");
    std::string detail = accepted > 0 ? "released to the 3PL in " + file_name
                                      : "nothing to release: no line accepted";
    store::set_order_state(context.db, context.actor, order, state, detail);
  }
  if (file_name.empty()) return "";
  return fmt::format("released {} line(s) of {} PO(s) to the 3PL in {}", lines.size(),
                     orders.size(), file_name);
}

void release_acknowledged(runner::JobContext& context, int first_part, int batch) {
  std::int64_t after = 0;
  for (int part = first_part;; ++part) {
    std::vector<store::StoredOrder> orders =
        store::orders_in_state(context.db, "acknowledged", after, batch);
    if (orders.empty()) return;
    after = orders.back().id;
    store::Transaction transaction(context.db);
    std::string released = stage_release(context, orders, part);
    util::crash_point("before_release_commit");
    runner::commit_staged(context, transaction);
    util::crash_point("after_release_commit");
    if (!released.empty()) runner::log_info(context, released);
  }
}

}  // namespace outbound
