// `avedi metrics`: the figures of `avedi status` as Prometheus text exposition, for
// node_exporter's textfile collector (write it to <dir>/avedi.prom from cron).
#pragma once

#include <ostream>

#include "runner/config.h"

namespace runner {

int run_metrics(const Config& config, std::ostream& out);

}  // namespace runner
