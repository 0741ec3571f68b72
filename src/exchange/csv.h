// A strict RFC 4180 CSV reader and a safe writer for the files exchanged with the 3PL.
// The reader copies every cell out of the text (quotes undone) and reports every problem with
// its row and column (it never throws on bad input); the writer quotes what needs quoting and
// defuses cells a spreadsheet would run as a formula.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace exchange {

struct CsvProblem {
  int row = 0;         // 1-based line of the file (the header is row 1)
  std::string column;  // header name, or "" when the problem is the row itself
  std::string message;
};

struct CsvTable {
  std::vector<std::string> header;             // trimmed, lower-case column names
  std::vector<std::vector<std::string>> rows;  // data rows, one cell per header column
  std::vector<int> row_numbers;                // file row of each data row

  // Index of `column` in the header, or -1.
  int column(std::string_view name) const;
  // The index of each of `columns`, found once for all rows; nullopt when one is missing.
  std::optional<std::vector<std::size_t>> columns(const std::vector<std::string>& names) const;
};

// `text` without leading and trailing spaces and tabs.
std::string trimmed(std::string_view text);
// `cell` without its leading and trailing spaces and tabs, moved out of the table: a parser
// that reads each cell once takes it without a copy.
std::string take_trimmed(std::string& cell);

// "" when `value` can travel in an X12 element as it is; else why not (a delimiter avedi
// writes with, * ~ > ^, or a control character).
std::string check_x12_text(const std::string& value);

// Parses `text` (a UTF-8 BOM and CRLF or LF line ends allowed; quoted cells may hold commas,
// quotes and line breaks). Checks that `required` columns exist and that every row has as
// many cells as the header. Empty lines are skipped. Problems go to `problems`.
CsvTable parse_csv(std::string_view text, const std::vector<std::string>& required,
                   std::vector<CsvProblem>& problems);

// "<file>: row 3, column available: "-4" is negative" — the format every CSV error uses.
std::string format_csv_problem(std::string_view file, const CsvProblem& problem);

// Writes one CSV line (CRLF-free: LF) from `cells`. A cell starting with = + - @ (or a tab or
// CR) that is not a plain number is prefixed with a single quote, so a spreadsheet shows it
// as text instead of running it.
std::string format_csv_row(const std::vector<std::string>& cells);
// The same line appended to `out` (a file of many lines without a string per cell).
void append_csv_row(std::string& out, std::span<const std::string_view> cells);

}  // namespace exchange
