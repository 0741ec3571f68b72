// `avedi doctor`: checks an installation and says, one line per problem, what to do: the
// config, every folder (exists, writable), the folders a rename crosses (one filesystem),
// the database (integrity, schema version), the catalog, the clock.
#pragma once

#include <ostream>
#include <string>

namespace runner {

// Returns 0 when all is well, 1 when any problem was printed, 78 for an unreadable config.
int run_doctor(const std::string& config_path, std::ostream& out);

}  // namespace runner
