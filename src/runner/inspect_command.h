// `avedi inspect FILE...`: reads X12 files with the engine and prints what was found, every
// problem with its position, and the TA1/997 avedi would answer with. Touches nothing.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace runner {

// Inspects each file in turn and writes the reports to `out`, errors to `err`. Returns
// kExitOk when every file is clean, kExitDataError when any has problems, kExitIoError when a
// file cannot be read (the other files are still inspected).
int run_inspect(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);

}  // namespace runner
