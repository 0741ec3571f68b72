// CSV reading and writing. Hand-written rather than libfccp: that library needs the column
// count at compile time and stops at the first error, and a 3PL file must be refused with
// every bad row and column named.
#include "exchange/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace exchange {
namespace {

std::string lower_trimmed(std::string_view text) {
  std::string out = trimmed(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Bytes no 3PL file has a reason to hold, reported once per record and kind: they are a sign
// of a wrong encoding (UTF-16, a BOM pasted mid-file), a binary file, or an attempt to smuggle
// something past a later reader. A tab is allowed (it is trimmed like a space), and line breaks
// are allowed inside quoted cells.
class OddBytes {
 public:
  OddBytes(int record_row, std::vector<CsvProblem>& problems)
      : record_row_(record_row), problems_(problems) {}

  // Checks text[at]; `cell` is the 1-based cell it belongs to.
  void check(std::string_view text, std::size_t at, std::size_t cell, bool quoted) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c == 0xEF && text.substr(at, 3) == "\xEF\xBB\xBF") {
      report(bom_, cell, "a byte-order mark (U+FEFF) inside the file");
    } else if (c == '\r' && !quoted && (at + 1 >= text.size() || text[at + 1] != '\n')) {
      report(lone_cr_, cell,
             "a carriage return without a line feed (line ends must be LF or CRLF)");
    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      report(control_, cell, fmt::format("contains the control character 0x{:02X}", c));
    }
  }

 private:
  void report(bool& done, std::size_t cell, const std::string& what) {
    if (done) return;
    done = true;
    problems_.push_back({record_row_, "", fmt::format("cell {}: {}", cell, what)});
  }

  int record_row_;
  std::vector<CsvProblem>& problems_;
  bool bom_ = false;
  bool lone_cr_ = false;
  bool control_ = false;
};

// The bytes next_record() must look at one by one: separators, quotes, line ends, and those
// OddBytes reports (control characters, DEL, the first byte of a byte-order mark).
constexpr std::array<bool, 256> kSpecialBytes = [] {
  std::array<bool, 256> special{};
  for (int c = 0; c < 0x20; ++c) special[c] = c != '\t';
  for (unsigned char c : {',', '"', '\x7F', '\xEF'}) special[c] = true;
  return special;
}();

// How many bytes from `at` on are none of kSpecialBytes.
std::size_t plain_run(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && !kSpecialBytes[static_cast<unsigned char>(text[end])]) ++end;
  return end - at;
}

// One cell being read: a stretch of the text for as long as it is one (a plain cell, a quoted
// cell without a doubled quote), a string of its own from the first byte that breaks the
// stretch (a doubled quote undone, the bytes around a stray quote).
class CellReader {
 public:
  explicit CellReader(std::string_view text) : text_(text) {}

  // Adds text[at, at + count) to the cell.
  void append(std::size_t at, std::size_t count) {
    if (!owned_) {
      if (begin_ == end_) begin_ = end_ = at;
      if (end_ == at) {
        end_ += count;
        return;
      }
      own_.assign(text_.substr(begin_, end_ - begin_));
      owned_ = true;
    }
    own_.append(text_.substr(at, count));
  }

  bool empty() const { return owned_ ? own_.empty() : begin_ == end_; }

  // The cell read, as a view into the text or into `decoded`; starts the next one.
  std::string_view finish(std::deque<std::string>& decoded) {
    std::string_view cell = text_.substr(begin_, end_ - begin_);
    if (owned_) {
      decoded.push_back(std::move(own_));
      cell = decoded.back();
      own_.clear();
      owned_ = false;
    }
    begin_ = end_ = 0;
    return cell;
  }

 private:
  std::string_view text_;
  std::size_t begin_ = 0, end_ = 0;  // the stretch, while not owned_
  bool owned_ = false;
  std::string own_;
};

// Splits the next record starting at `at` into `cells`; returns false at end of text. `row`
// counts physical lines so quoted line breaks keep row numbers true to the file.
bool next_record(std::string_view text, std::size_t& at, int& row, int& record_row,
                 std::vector<std::string_view>& cells, std::deque<std::string>& decoded,
                 std::vector<CsvProblem>& problems) {
  cells.clear();
  if (at >= text.size()) return false;
  record_row = row;
  OddBytes odd(record_row, problems);
  CellReader cell(text);
  bool quoted = false;
  bool was_quoted = false;
  while (at < text.size()) {
    // A run of bytes that need no decision is taken at once (a shipped file is millions
    // of bytes); the byte that ends it takes the one-byte path below.
    std::size_t run = plain_run(text, at);
    if (run > 0) {
      if (!quoted && was_quoted) {
        problems.push_back(
            {record_row, "",
             fmt::format("cell {}: text after the closing quote", cells.size() + 1)});
        was_quoted = false;
      }
      cell.append(at, run);
      at += run;
      continue;
    }
    char c = text[at];
    odd.check(text, at, cells.size() + 1, quoted);
    if (quoted) {
      if (c == '"') {
        if (at + 1 < text.size() && text[at + 1] == '"') {
          cell.append(at, 1);  // one quote of the two
          at += 2;
          continue;
        }
        quoted = false;
        ++at;
        continue;
      }
      if (c == '\n') ++row;
      cell.append(at, 1);
      ++at;
      continue;
    }
    if (c == '"') {
      if (!cell.empty() || was_quoted) {
        problems.push_back({record_row, "",
                            fmt::format("cell {}: a quote inside an unquoted "
                                        "cell (quote the whole cell)",
                                        cells.size() + 1)});
      }
      quoted = true;
      was_quoted = true;
      ++at;
      continue;
    }
    if (c == ',') {
      cells.push_back(cell.finish(decoded));
      was_quoted = false;
      ++at;
      continue;
    }
    if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
      ++at;
      continue;
    }
    if (c == '\n') {
      ++at;
      ++row;
      break;
    }
    if (was_quoted) {
      problems.push_back(
          {record_row, "", fmt::format("cell {}: text after the closing quote", cells.size() + 1)});
      was_quoted = false;
    }
    cell.append(at, 1);
    ++at;
  }
  if (quoted) {
    problems.push_back({record_row, "", "a quoted cell is never closed (the file ends inside it)"});
  }
  cells.push_back(cell.finish(decoded));
  return true;
}

bool blank(const std::vector<std::string_view>& cells) {
  return cells.size() == 1 && trimmed_view(cells[0]).empty();
}

bool is_plain_number(std::string_view cell) {
  std::size_t at = (cell.size() > 1 && (cell[0] == '-' || cell[0] == '+')) ? 1 : 0;
  bool digits = false;
  bool point = false;
  for (; at < cell.size(); ++at) {
    if (cell[at] >= '0' && cell[at] <= '9') {
      digits = true;
    } else if (cell[at] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::string_view trimmed_view(std::string_view text) {
  // Plain loops: find_first_not_of(" \t") searches its set once per byte.
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::string trimmed(std::string_view text) { return std::string(trimmed_view(text)); }

std::string check_x12_text(std::string_view value) {
  for (unsigned char c : value) {
    // The X12 writer takes printable ASCII only: a byte it would refuse must be refused here,
    // with the row and column, or the 753/856 build fails on every run (exit 74).
    if (c < 0x20 || c > 0x7E || c == '*' || c == '~' || c == '>' || c == '^') {
      return fmt::format(
          "\"{}\" holds a character that cannot go into X12 (* ~ > ^, a control "
          "character or one outside printable ASCII)",
          value);
    }
  }
  return "";
}

int CsvTable::column(std::string_view name) const {
  auto found = std::find(header.begin(), header.end(), name);
  return found == header.end() ? -1 : static_cast<int>(found - header.begin());
}

std::optional<std::vector<std::size_t>> CsvTable::columns(
    const std::vector<std::string>& names) const {
  std::vector<std::size_t> places;
  places.reserve(names.size());
  for (const std::string& name : names) {
    int place = column(name);
    if (place < 0) return std::nullopt;
    places.push_back(static_cast<std::size_t>(place));
  }
  return places;
}

CsvTable parse_csv(std::string_view text, const std::vector<std::string>& required,
                   std::vector<CsvProblem>& problems) {
  CsvTable table;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t at = 0;
  int row = 1;
  int record_row = 1;
  std::vector<std::string_view> cells;
  while (next_record(text, at, row, record_row, cells, table.decoded, problems)) {
    if (blank(cells)) continue;
    if (table.header.empty()) {
      for (std::string_view cell : cells) table.header.push_back(lower_trimmed(cell));
      for (std::size_t i = 0; i < table.header.size(); ++i) {
        if (table.header[i].empty()) {
          problems.push_back({record_row, "", fmt::format("header cell {} is empty", i + 1)});
        } else if (std::find(table.header.begin(), table.header.begin() + i, table.header[i]) !=
                   table.header.begin() + i) {
          problems.push_back({record_row, table.header[i], "column appears twice in the header"});
        }
      }
      for (const std::string& name : required) {
        if (table.column(name) < 0) {
          problems.push_back({record_row, name, "required column is missing from the header"});
        }
      }
      // Room for every row left (growing a table of a million cells copies it and touches
      // fresh memory each time), but never for more cells than the text has separators: a
      // wide header over a file of blank lines must not ask for gigabytes.
      std::size_t lines = 1, separators = 1;
      for (std::size_t i = at; i < text.size(); ++i) {
        lines += text[i] == '\n';
        separators += text[i] == '\n' || text[i] == ',';
      }
      table.cells.reserve(std::min(lines * table.header.size(), separators));
      table.row_numbers.reserve(std::min(lines, separators));
      continue;
    }
    if (cells.size() != table.header.size()) {
      problems.push_back(
          {record_row, "",
           fmt::format("has {} cells, the header has {}", cells.size(), table.header.size())});
      continue;
    }
    table.cells.insert(table.cells.end(), cells.begin(), cells.end());
    table.row_numbers.push_back(record_row);
  }
  if (table.header.empty()) problems.push_back({1, "", "the file is empty (no header row)"});
  return table;
}

std::string format_csv_problem(std::string_view file, const CsvProblem& problem) {
  if (problem.column.empty()) {
    return fmt::format("{}: row {}: {}", file, problem.row, problem.message);
  }
  return fmt::format("{}: row {}, column {}: {}", file, problem.row, problem.column,
                     problem.message);
}

namespace {

// Whether a cell holds a byte that only a quoted cell can carry. One test per byte: a
// release CSV is a million cells, and string_view::find_first_of searches its set per byte.
bool needs_quotes(std::string_view cell) {
  for (char c : cell) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

void append_csv_row(std::string& out, std::span<const std::string_view> cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    std::string_view cell = cells[i];
    bool as_text = !cell.empty() &&
                   std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos &&
                   !is_plain_number(cell);
    bool quoted = needs_quotes(cell);
    if (quoted) out += '"';
    if (as_text) out += '\'';
    if (!quoted) {
      out += cell;
    } else {
      for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
      }
    }
    if (quoted) out += '"';
  }
  out += '\n';
}

std::string format_csv_row(const std::vector<std::string>& cells) {
  std::vector<std::string_view> views(cells.begin(), cells.end());
  std::string line;
  append_csv_row(line, views);
  return line;
}

}  // namespace exchange
