// Table and JSON output.
#include "runner/report_format.h"

#include <fmt/format.h>

#include <algorithm>

namespace runner {

void print_table(std::ostream& out, const std::string& title, const store::Table& table) {
  out << title << "\n";
  if (table.rows.empty()) {
    out << "  (none)\n";
    return;
  }
  std::vector<std::size_t> widths;
  for (const std::string& column : table.columns) widths.push_back(column.size());
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text = " ";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += " " + cells[i];
      if (i + 1 < cells.size()) text += std::string(widths[i] - cells[i].size(), ' ');
    }
    out << text << "\n";
  };
  line(table.columns);
  for (const auto& row : table.rows) line(row);
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string table_json(const store::Table& table) {
  std::string out = "[";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out += r ? ",{" : "{";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c) out += ",";
      out += json_string(table.columns[c]) + ":" + json_string(table.rows[r][c]);
    }
    out += "}";
  }
  return out + "]";
}

}  // namespace runner
