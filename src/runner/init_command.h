// `avedi init`: creates avedi's own folders (work, archive, error, staging, and the folders of
// the database and the log) and the database with its schema. The AS2 and 3PL folders belong
// to the gateway and the 3PL and are only checked.
#pragma once

#include <ostream>
#include <string>

namespace runner {

// Returns an exit code (0, 74, 78); reports to `out` and `err`.
int run_init(const std::string& config_path, std::ostream& out, std::ostream& err);

}  // namespace runner
