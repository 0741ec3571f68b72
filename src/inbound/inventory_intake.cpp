// The stock snapshot handler.
#include "inbound/inventory_intake.h"

#include <fmt/format.h>

#include "exchange/inventory_csv.h"
#include "inbound/tpl_files.h"
#include "store/orders.h"

namespace inbound {

runner::FileOutcome InventoryIntake::process(runner::JobContext& context,
                                             const store::FileRecord& file,
                                             std::string_view content) {
  using Kind = runner::FileOutcome::Kind;
  if (std::optional<runner::FileOutcome> again =
          same_bytes_again(context, file, "stock not reloaded")) {
    return *again;
  }
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::InventorySnapshot> snapshot =
      exchange::parse_inventory(content, problems);
  if (!snapshot) {
    return refused_whole(file, problems, "nothing was loaded");
  }
  std::string as_of = snapshot->as_of.empty() ? context.actor.now : snapshot->as_of;
  std::optional<store::Snapshot> current = store::latest_snapshot(context.db);
  if (current && as_of < current->as_of) {
    std::string reason = fmt::format(
        "{}: stale: as of {}, older than the current stock snapshot #{} (as of {}); "
        "nothing was loaded",
        file.original_name, as_of, current->id, current->as_of);
    return {Kind::kError, reason, "stale snapshot"};
  }
  std::int64_t id = store::insert_snapshot(context.db, context.actor, file.id, as_of,
                                           snapshot->warehouse, snapshot->available);
  if (current) {
    store::record_transition(context.db, context.actor, "stock_snapshot", current->id, "current",
                             "superseded", file.id, fmt::format("by snapshot #{}", id));
  }
  return {
      Kind::kArchive, "",
      fmt::format("stock snapshot #{}: {} SKU(s) as of {}", id, snapshot->available.size(), as_of)};
}

runner::FileJobSpec inventory_intake_spec(const runner::Config& config) {
  return tpl_csv_spec(config, "inventory");
}

}  // namespace inbound
