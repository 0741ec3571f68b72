// The `avedi` operator command: parses the subcommand and its options and runs it.
#pragma once

namespace runner {

// Runs `avedi <subcommand> ...`; returns the process exit code (see exit_codes.h).
int run_operator_cli(int argc, char** argv);

}  // namespace runner
