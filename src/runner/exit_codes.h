// The exit codes of every avedi executable (sysexits.h values, so cron mail and monitoring can
// tell "ran, some input rejected" from "could not run").
#pragma once

namespace runner {

enum ExitCode : int {
  kExitOk = 0,            // ran; nothing to do or everything processed
  kExitUsage = 64,        // bad command line
  kExitDataError = 65,    // ran; at least one input was rejected (moved to error/)
  kExitIoError = 74,      // a file or folder could not be read or written
  kExitLocked = 75,       // another run of the same job holds the lock; try later
  kExitConfigError = 78,  // the configuration is invalid; nothing was touched
};

}  // namespace runner
