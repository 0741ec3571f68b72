// The stock snapshot handler.
#include "inbound/inventory_intake.h"

#include <fmt/format.h>

#include "exchange/inventory_csv.h"
#include "store/orders.h"

namespace inbound {

runner::FileOutcome InventoryIntake::process(runner::JobContext& context,
                                             const store::FileRecord& file,
                                             std::string_view content) {
  using Kind = runner::FileOutcome::Kind;
  if (std::optional<store::FileRecord> same =
          store::find_processed_file_by_sha256(context.db, file.sha256, file.id)) {
    std::string what = fmt::format("same bytes as file #{} ({}); stock not reloaded", same->id,
                                   same->original_name);
    return {Kind::kDuplicate, what, what};
  }
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::InventorySnapshot> snapshot =
      exchange::parse_inventory(content, problems);
  if (!snapshot) {
    std::string reason;
    for (const exchange::CsvProblem& problem : problems) {
      reason += exchange::format_csv_problem(file.original_name, problem) + "\n";
    }
    reason += "nothing was loaded: a file with a bad row is refused whole";
    return {Kind::kError, reason,
            fmt::format("{} problem(s), first: {}", problems.size(),
                        exchange::format_csv_problem(file.original_name, problems.front()))};
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
  runner::FileJobSpec spec;
  spec.inbox = config.folders.tpl_inbox;
  spec.kind = "csv";
  spec.rules.wants = [](std::string_view name) {
    return name.substr(0, 9) == "inventory" && name.size() > 4 &&
           name.substr(name.size() - 4) == ".csv";
  };
  // A CSV has no trailer to prove it complete: intake.min_age_seconds is what guards it.
  spec.rules.readiness = [](const std::string&) { return runner::Readiness::kReady; };
  return spec;
}

}  // namespace inbound
