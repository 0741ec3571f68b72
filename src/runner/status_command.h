// `avedi status`: everything an operator must look at, in one screen (or JSON): orders and
// shipments by state, files in error with their first reason, files stuck in a work folder,
// each job's last run, 855s near or past Amazon's deadline, documents not yet delivered,
// groups without Amazon's 997 past their limit, and documents Amazon rejected.
#pragma once

#include <ostream>

#include "runner/config.h"
#include "runner/report_format.h"

namespace runner {

enum class StatusMode { kShow, kCheck };

// Prints the status; returns 0, or with kCheck 1 when anything needs attention.
int run_status(const Config& config, ReportFormat format, StatusMode mode, std::ostream& out);

}  // namespace runner
