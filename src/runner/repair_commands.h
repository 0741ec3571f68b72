// `avedi retry FILE_ID` and `avedi resend DOC_ID`: the operator's two repairs, each taken under
// the lock of the job that owns the file or document (so it never races a running job) and
// recorded as a transition.
#pragma once

#include <ostream>

#include "runner/config.h"

namespace runner {

// Moves a file from error/ back to the inbox it came from; the job's next run takes it as new.
// Returns 0, 65 (not a file in error/, or its place in the inbox is taken), 75 (the job runs).
int run_retry(const Config& config, long long file_id, std::ostream& out, std::ostream& err);

// Delivers a sent document again, same bytes and control numbers. 0, 65 (unknown or not yet
// delivered), 75 (the job that owns it runs).
int run_resend(const Config& config, long long document_id, std::ostream& out, std::ostream& err);

}  // namespace runner
