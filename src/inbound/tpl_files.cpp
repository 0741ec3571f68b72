// Shared pieces of the 3PL CSV handlers.
#include "inbound/tpl_files.h"

#include <fmt/format.h>

namespace inbound {

runner::FileJobSpec tpl_csv_spec(const runner::Config& config, std::string prefix) {
  runner::FileJobSpec spec;
  spec.inbox = config.folders.tpl_inbox;
  spec.kind = "csv";
  spec.rules.wants = [prefix](std::string_view name) {
    return name.size() >= prefix.size() + 4 && name.substr(0, prefix.size()) == prefix &&
           name.substr(name.size() - 4) == ".csv";
  };
  spec.rules.readiness = [](const std::string&) { return runner::Readiness::kReady; };
  return spec;
}

std::optional<runner::FileOutcome> same_bytes_again(runner::JobContext& context,
                                                    const store::FileRecord& file,
                                                    const std::string& not_again) {
  std::optional<store::FileRecord> same =
      store::find_processed_file_by_sha256(context.db, file.sha256, file.id);
  if (!same) return std::nullopt;
  std::string what =
      fmt::format("same bytes as file #{} ({}); {}", same->id, same->original_name, not_again);
  return runner::FileOutcome{runner::FileOutcome::Kind::kDuplicate, what, what};
}

runner::FileOutcome refused_whole(const store::FileRecord& file,
                                  const std::vector<exchange::CsvProblem>& problems,
                                  const std::string& nothing) {
  std::string reason;
  for (const exchange::CsvProblem& problem : problems) {
    reason += exchange::format_csv_problem(file.original_name, problem) + "\n";
  }
  reason += nothing + ": a file with a bad row is refused whole";
  return {runner::FileOutcome::Kind::kError, reason,
          fmt::format("{} problem(s), first: {}", problems.size(),
                      exchange::format_csv_problem(file.original_name, problems.front()))};
}

}  // namespace inbound
