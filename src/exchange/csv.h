// A strict RFC 4180 CSV reader and a safe writer for the files exchanged with the 3PL.
// The reader hands out each cell as a view into the text (a copy only for a cell whose quotes
// had to be undone) and reports every problem with its row and column (it never throws on bad
// input); the writer quotes what needs quoting and defuses cells a spreadsheet would run as a
// formula.
#pragma once

#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace exchange {

struct CsvProblem {
  int row = 0;         // 1-based line of the file (the header is row 1)
  std::string column;  // header name, or "" when the problem is the row itself
  std::string message;
};

struct CsvTable {
  std::vector<std::string> header;  // trimmed, lower-case column names
  std::vector<int> row_numbers;     // file row of each data row
  // Every data row's cells, header.size() to a row, one row after another: views into the
  // text parse_csv read, or into `decoded`. A 3PL file has a million cells: a string (and a
  // vector per row) for each cost more than the rest of reading it.
  std::vector<std::string_view> cells;
  // The cells that are not a stretch of the text as they stand (a doubled quote undone, a
  // broken cell kept for its problem). A deque: its strings never move while it grows.
  std::deque<std::string> decoded;

  CsvTable() = default;
  CsvTable(CsvTable&&) = default;
  CsvTable& operator=(CsvTable&&) = default;
  // A copy's cells would still view the original's `decoded`.
  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;

  std::size_t row_count() const { return row_numbers.size(); }
  // Data row `r`'s cells, one per header column.
  std::span<const std::string_view> row(std::size_t r) const {
    return std::span<const std::string_view>(cells).subspan(r * header.size(), header.size());
  }

  // Index of `column` in the header, or -1.
  int column(std::string_view name) const;
  // The index of each of `columns`, found once for all rows; nullopt when one is missing.
  std::optional<std::vector<std::size_t>> columns(const std::vector<std::string>& names) const;
};

// `text` without leading and trailing spaces and tabs.
std::string_view trimmed_view(std::string_view text);
// The same, copied.
std::string trimmed(std::string_view text);

// "" when `value` can travel in an X12 element as it is; else why not (a delimiter avedi
// writes with, * ~ > ^, or a control character).
std::string check_x12_text(std::string_view value);

// Parses `text` (a UTF-8 BOM and CRLF or LF line ends allowed; quoted cells may hold commas,
// quotes and line breaks). Checks that `required` columns exist and that every row has as
// many cells as the header. Empty lines are skipped. Problems go to `problems`. The table's
// cells view `text`: it must outlive the table.
CsvTable parse_csv(std::string_view text, const std::vector<std::string>& required,
                   std::vector<CsvProblem>& problems);
// A temporary string would be gone before its table is read: refused at compile time.
template <class Text>
requires std::is_same_v<Text, std::string> CsvTable
parse_csv(Text&& text, const std::vector<std::string>& required, std::vector<CsvProblem>& problems)
= delete;

// "<file>: row 3, column available: "-4" is negative" — the format every CSV error uses.
std::string format_csv_problem(std::string_view file, const CsvProblem& problem);

// Writes one CSV line (CRLF-free: LF) from `cells`. A cell starting with = + - @ (or a tab or
// CR) that is not a plain number is prefixed with a single quote, so a spreadsheet shows it
// as text instead of running it.
std::string format_csv_row(const std::vector<std::string>& cells);
// The same line appended to `out` (a file of many lines without a string per cell).
void append_csv_row(std::string& out, std::span<const std::string_view> cells);

}  // namespace exchange
