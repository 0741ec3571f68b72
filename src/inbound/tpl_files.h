// What the three 3PL CSV handlers (stock, route, ship) share: their inbox rules, the answer
// to a file whose bytes were already processed, and the refusal of a file with bad rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exchange/csv.h"
#include "runner/file_job.h"

namespace inbound {

// tpl.inbox, names <prefix>*.csv. A CSV has no trailer to prove it complete:
// intake.min_age_seconds is what guards it.
runner::FileJobSpec tpl_csv_spec(const runner::Config& config, std::string prefix);

// The duplicate outcome when the same bytes were processed before, saying `not_again`
// ("stock not reloaded"); nullopt for new bytes.
std::optional<runner::FileOutcome> same_bytes_again(runner::JobContext& context,
                                                    const store::FileRecord& file,
                                                    const std::string& not_again);

// The error outcome of a file refused whole: every problem with row and column, then `nothing`
// ("nothing was loaded").
runner::FileOutcome refused_whole(const store::FileRecord& file,
                                  const std::vector<exchange::CsvProblem>& problems,
                                  const std::string& nothing);

}  // namespace inbound
