// `avedi orders`, `avedi order PO`, `avedi files`, `avedi file ID`: read-only views of the store.
#pragma once

#include <ostream>
#include <string>

#include "runner/config.h"
#include "runner/report_format.h"

namespace runner {

int run_orders(const Config& config, ReportFormat format, const std::string& state,
               const std::string& since, std::ostream& out);
// The whole life of one PO; exit 65 when the PO is unknown.
int run_order(const Config& config, ReportFormat format, const std::string& po_number,
              std::ostream& out, std::ostream& err);
int run_files(const Config& config, ReportFormat format, const std::string& state,
              std::ostream& out);
int run_file(const Config& config, ReportFormat format, long long file_id, std::ostream& out,
             std::ostream& err);

}  // namespace runner
