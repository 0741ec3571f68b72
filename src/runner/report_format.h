// Prints store::Table results for people (aligned columns) or scripts (JSON).
#pragma once

#include <ostream>
#include <string>

#include "store/reports.h"

namespace runner {

enum class ReportFormat { kTable, kJson };

// An aligned table under a title line; "(none)" for no rows.
void print_table(std::ostream& out, const std::string& title, const store::Table& table);

// The table as a JSON array of objects (column -> text).
std::string table_json(const store::Table& table);

// `text` as a JSON string literal.
std::string json_string(const std::string& text);

}  // namespace runner
