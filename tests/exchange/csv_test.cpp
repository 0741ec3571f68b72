// The CSV reader (RFC 4180, every problem with its file row) and the writer (quoting and
// formula defusing).
#include "exchange/csv.h"

#include <doctest/doctest.h>

#include <ostream>
#include <span>
#include <string_view>

namespace {

using Cells = std::vector<std::string>;

// Problem texts; a failed check prints them one a line.
struct Lines {
  std::vector<std::string> lines;
  Lines() = default;
  Lines(std::initializer_list<std::string> list) : lines(list) {}
  bool operator==(const Lines&) const = default;
  friend std::ostream& operator<<(std::ostream& out, const Lines& printed) {
    out << "{";
    for (const std::string& line : printed.lines) out << "\n  " << line;
    return out << "}";
  }
};

const Cells kInventoryColumns = {"sku", "available"};

// Every problem of `text` as the jobs print it.
Lines problems_in(std::string_view text, const Cells& required = kInventoryColumns) {
  std::vector<exchange::CsvProblem> problems;
  exchange::parse_csv(text, required, problems);
  Lines out;
  for (const exchange::CsvProblem& problem : problems) {
    out.lines.push_back(exchange::format_csv_problem("inv.csv", problem));
  }
  return out;
}

// The table's rows as strings, to compare with what a test expects.
std::vector<Cells> rows_of(const exchange::CsvTable& table) {
  std::vector<Cells> rows;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    std::span<const std::string_view> row = table.row(r);
    rows.emplace_back(row.begin(), row.end());
  }
  return rows;
}

// Whether `cell` lies inside `text` (a view, not a copy).
bool views_into(std::string_view cell, std::string_view text) {
  return cell.data() >= text.data() && cell.data() + cell.size() <= text.data() + text.size();
}

}  // namespace

TEST_SUITE("exchange::parse_csv") {
  TEST_CASE("reads LF and CRLF files, with or without a UTF-8 BOM") {
    struct Case {
      const char* name;
      const char* text;
    };
    const Case cases[] = {
        {"LF", "sku,available\nA,5\nB,6\n"},
        {"CRLF", "sku,available\r\nA,5\r\nB,6\r\n"},
        {"BOM and CRLF", "\xEF\xBB\xBFsku,available\r\nA,5\r\nB,6\r\n"},
        {"BOM and LF, no final line end", "\xEF\xBB\xBFsku,available\nA,5\nB,6"},
    };
    for (const Case& c : cases) {
      SUBCASE(c.name) {
        std::vector<exchange::CsvProblem> problems;
        exchange::CsvTable table = exchange::parse_csv(c.text, kInventoryColumns, problems);
        CHECK(problems.empty());
        CHECK(table.header == Cells{"sku", "available"});
        CHECK(rows_of(table) == std::vector<Cells>{{"A", "5"}, {"B", "6"}});
        CHECK(table.row_numbers == std::vector<int>{2, 3});
      }
    }
  }

  TEST_CASE("cells are views into the text and only a cell with a doubled quote is a copy") {
    std::string text = "sku,note,available\n A ,\"x,y\",5\nB,\"say \"\"hi\"\"\",6\n";
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table = exchange::parse_csv(text, kInventoryColumns, problems);
    CHECK(problems.empty());
    REQUIRE(table.row_count() == 2);
    CHECK(rows_of(table) == std::vector<Cells>{{" A ", "x,y", "5"}, {"B", "say \"hi\"", "6"}});
    CHECK(views_into(table.row(0)[0], text));
    CHECK(views_into(table.row(0)[1], text));  // quoted, but the stretch between the quotes
    CHECK(views_into(table.row(1)[2], text));
    CHECK_FALSE(views_into(table.row(1)[1], text));
    REQUIRE(table.decoded.size() == 1);
    CHECK(table.row(1)[1].data() == table.decoded.front().data());
    // A moved table keeps its cells: the decoded strings do not move with the deque.
    exchange::CsvTable moved = std::move(table);
    CHECK(std::string(moved.row(1)[1]) == "say \"hi\"");
  }

  TEST_CASE("a wide header over a million blank lines reserves no more than the text holds") {
    // The reader reserves room for the rows ahead; by lines times columns alone this file
    // would ask for 20,000 x 1,000,000 cells (320 GB) and throw.
    std::string text = "sku";
    for (int column = 1; column < 20000; ++column) text += ",c" + std::to_string(column);
    text += std::string(1000000, '\n');
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table;
    CHECK_NOTHROW(table = exchange::parse_csv(text, {"sku"}, problems));
    CHECK(problems.empty());
    CHECK(table.header.size() == 20000);
    CHECK(table.row_count() == 0);
    CHECK(table.cells.capacity() <= 1000000 + 1);
  }

  TEST_CASE("quoted cells hold commas, doubled quotes and line breaks, rows keep file numbers") {
    std::string text =
        "sku,note,available\n"
        "\"A,1\",\"say \"\"hi\"\"\n"
        "and bye\",5\n"
        "B,\"\",6\n"
        "C,x\n";
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table = exchange::parse_csv(text, kInventoryColumns, problems);
    REQUIRE(table.row_count() == 2);
    CHECK(rows_of(table)[0] == Cells{"A,1", "say \"hi\"\nand bye", "5"});
    CHECK(rows_of(table)[1] == Cells{"B", "", "6"});
    CHECK(table.row_numbers == std::vector<int>{2, 4});
    REQUIRE(problems.size() == 1);
    CHECK(exchange::format_csv_problem("inv.csv", problems[0]) ==
          "inv.csv: row 5: has 2 cells, the header has 3");
  }

  TEST_CASE("a CRLF inside a quoted cell is kept and counted as a line") {
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table = exchange::parse_csv("sku,available\r\n\"A\r\nB\",5\r\nC,6\r\n",
                                                   kInventoryColumns, problems);
    CHECK(problems.empty());
    CHECK(rows_of(table) == std::vector<Cells>{{"A\r\nB", "5"}, {"C", "6"}});
    CHECK(table.row_numbers == std::vector<int>{2, 4});
  }

  TEST_CASE("skips empty lines but counts them") {
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table = exchange::parse_csv("\nsku,available\n\nA,5\n  \n\r\n\nB,6\n\n",
                                                   kInventoryColumns, problems);
    CHECK(problems.empty());
    CHECK(rows_of(table) == std::vector<Cells>{{"A", "5"}, {"B", "6"}});
    CHECK(table.row_numbers == std::vector<int>{4, 8});
    CHECK(problems_in("\nsku,available\n\nA,5,1\n") ==
          Lines{"inv.csv: row 4: has 3 cells, the header has 2"});
  }

  TEST_CASE("lower-cases and trims the header, not the cells") {
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table =
        exchange::parse_csv(" SKU ,\tAvailable \n A ,5\n", kInventoryColumns, problems);
    CHECK(problems.empty());
    CHECK(table.header == Cells{"sku", "available"});
    CHECK(table.column("sku") == 0);
    CHECK(table.column("available") == 1);
    CHECK(table.column("warehouse") == -1);
    CHECK(rows_of(table) == std::vector<Cells>{{" A ", "5"}});
  }

  TEST_CASE("names each missing required column") {
    CHECK(problems_in("sku,qty\nA,5\n") ==
          Lines{"inv.csv: row 1, column available: required column is missing from the header"});
    CHECK(problems_in("item,qty\nA,5\n") ==
          Lines{"inv.csv: row 1, column sku: required column is missing from the header",
                "inv.csv: row 1, column available: required column is missing from the header"});
    CHECK(problems_in("\n\nsku\n") ==
          Lines{"inv.csv: row 3, column available: required column is missing from the header"});
  }

  TEST_CASE("refuses a column named twice and an empty header cell") {
    CHECK(problems_in("sku,available, SKU\nA,5,B\n") ==
          Lines{"inv.csv: row 1, column sku: column appears twice in the header"});
    CHECK(problems_in("sku,,available\nA,x,5\n") ==
          Lines{"inv.csv: row 1: header cell 2 is empty"});
  }

  TEST_CASE("refuses rows with more or fewer cells than the header") {
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table =
        exchange::parse_csv("sku,available\nA,5,7\nB\nC,6\n,\n", kInventoryColumns, problems);
    CHECK(rows_of(table) == std::vector<Cells>{{"C", "6"}, {"", ""}});
    CHECK(table.row_numbers == std::vector<int>{4, 5});
    CHECK(problems_in("sku,available\nA,5,7\nB\nC,6\n,\n") ==
          Lines{"inv.csv: row 2: has 3 cells, the header has 2",
                "inv.csv: row 3: has 1 cells, the header has 2"});
  }

  TEST_CASE("refuses a quoted cell that is never closed") {
    CHECK(problems_in("sku,available\nA,\"5\nB,6\n") ==
          Lines{"inv.csv: row 2: a quoted cell is never closed (the file ends inside it)"});
  }

  TEST_CASE("refuses text after a closing quote and a quote inside an unquoted cell") {
    CHECK(problems_in("sku,available\n\"A\"x,5\n") ==
          Lines{"inv.csv: row 2: cell 1: text after the closing quote"});
    CHECK(problems_in("sku,available\nA,\"5\" \n") ==
          Lines{"inv.csv: row 2: cell 2: text after the closing quote"});
    CHECK(problems_in("sku,available\nA\"B\",5\n") ==
          Lines{"inv.csv: row 2: cell 1: a quote inside an unquoted cell (quote the whole cell)"});
  }

  TEST_CASE("refuses a BOM after the start, a lone CR and control bytes, once per row and kind") {
    using namespace std::string_literals;
    CHECK(problems_in("sku,available\nA,5\n\xEF\xBB\xBF"
                      "B,6\n") ==
          Lines{"inv.csv: row 3: cell 1: a byte-order mark (U+FEFF) inside the file"});
    CHECK(problems_in("sku,available\r\nA,5\rB,6\r\n") ==
          Lines{"inv.csv: row 2: cell 2: a carriage return without a line feed (line ends must "
                "be LF or CRLF)",
                "inv.csv: row 2: has 3 cells, the header has 2"});
    CHECK(problems_in("sku,available\nA\0\0B,5\nC,\x7F\n"s) ==
          Lines{"inv.csv: row 2: cell 1: contains the control character 0x00",
                "inv.csv: row 3: cell 2: contains the control character 0x7F"});
    // Inside quotes a line break is data; a tab is trimmed like a space anywhere.
    CHECK(problems_in("sku,available\n\"A\r\nB\",\t5\n") == Lines{});
  }

  // The reader appends runs of plain bytes at once: the byte ending a run, wherever it falls
  // in a long cell, quoted or not, must still be seen.
  TEST_CASE("a special byte after a long run of plain ones is still seen") {
    const std::string run(40, 'x');
    CHECK(problems_in("sku,available\n" + run + "\x01" + run + ",5\n") ==
          Lines{"inv.csv: row 2: cell 1: contains the control character 0x01"});
    CHECK(problems_in("sku,available\n\"" + run + "\x7F" + run + "\",5\n") ==
          Lines{"inv.csv: row 2: cell 1: contains the control character 0x7F"});
    CHECK(problems_in("sku,available\n\"" + run + "\"" + run + ",5\n") ==
          Lines{"inv.csv: row 2: cell 1: text after the closing quote"});
    CHECK(problems_in("sku,available\n" + run + "\xEF\xBB\xBF" + run + ",5\n") ==
          Lines{"inv.csv: row 2: cell 1: a byte-order mark (U+FEFF) inside the file"});
    std::vector<exchange::CsvProblem> problems;
    std::string text =
        "sku,available\n" + run + "\xEF" + run + ",\"" + run + ",\"\"\n" + run + "\"\n";
    exchange::CsvTable table = exchange::parse_csv(text, kInventoryColumns, problems);
    CHECK(problems.empty());
    REQUIRE(table.row_count() == 1);
    CHECK(rows_of(table)[0] == Cells{run + "\xEF" + run, run + ",\"\n" + run});
  }

  TEST_CASE("refuses an empty file") {
    const char* const cases[] = {"", "\xEF\xBB\xBF", "\n\n", "\r\n"};
    for (const char* text : cases) {
      CAPTURE(text);
      CHECK(problems_in(text) == Lines{"inv.csv: row 1: the file is empty (no header row)"});
    }
  }

  TEST_CASE("a header-only file is a table without rows") {
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table = exchange::parse_csv("sku,available\n", kInventoryColumns, problems);
    CHECK(problems.empty());
    CHECK(table.header == Cells{"sku", "available"});
    CHECK(table.row_count() == 0);
    CHECK(table.cells.empty());
  }
}

TEST_SUITE("exchange::format_csv_problem") {
  TEST_CASE("names the file, the row and the column when there is one") {
    CHECK(exchange::format_csv_problem("inv.csv", {3, "available", "\"-4\" is negative"}) ==
          "inv.csv: row 3, column available: \"-4\" is negative");
    CHECK(exchange::format_csv_problem("inv.csv", {2, "", "has 3 cells, the header has 2"}) ==
          "inv.csv: row 2: has 3 cells, the header has 2");
  }
}

TEST_SUITE("exchange::format_csv_row") {
  TEST_CASE("writes plain cells as they are, one LF-terminated line") {
    CHECK(exchange::format_csv_row({"A", "5", "", "x y"}) == "A,5,,x y\n");
    CHECK(exchange::format_csv_row({"only"}) == "only\n");
  }

  TEST_CASE("quotes cells with commas, quotes and line breaks") {
    CHECK(exchange::format_csv_row({"a,b", "say \"hi\"", "two\nlines", "cr\rhere", "ok"}) ==
          "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",ok\n");
  }

  TEST_CASE("defuses cells a spreadsheet would run as a formula") {
    struct Case {
      const char* cell;
      const char* written;
    };
    const Case cases[] = {
        {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0\n"},
        {"@SUM(1)", "'@SUM(1)\n"},
        {"-2+3", "'-2+3\n"},
        {"+A1", "'+A1\n"},
        {"=1", "'=1\n"},
        {"-", "'-\n"},
        {"+", "'+\n"},
        {"\t=1", "'\t=1\n"},
        {"=A1,B1", "\"'=A1,B1\"\n"},
        {"=\"x\"", "\"'=\"\"x\"\"\"\n"},
    };
    for (const Case& c : cases) {
      SUBCASE(c.cell) { CHECK(exchange::format_csv_row({c.cell}) == c.written); }
    }
  }

  TEST_CASE("leaves plain numbers and harmless text alone") {
    const char* const cases[] = {"-5", "+3.5", "-0.25", "12", "3.", "a=b", "x-1", "SKU@1"};
    for (const char* cell : cases) {
      SUBCASE(cell) { CHECK(exchange::format_csv_row({cell}) == std::string(cell) + "\n"); }
    }
  }

  TEST_CASE("what it writes reads back as the same cells") {
    const Cells cells = {"a,b", "say \"hi\"", "two\nlines", "", " padded ", "-5"};
    std::string text =
        exchange::format_csv_row({"a", "b", "c", "d", "e", "f"}) + exchange::format_csv_row(cells);
    std::vector<exchange::CsvProblem> problems;
    exchange::CsvTable table = exchange::parse_csv(text, {}, problems);
    CHECK(problems.empty());
    CHECK(rows_of(table) == std::vector<Cells>{cells});
  }
}

TEST_SUITE("exchange::trimmed_view") {
  TEST_CASE("the cell without its outer spaces and tabs, as trimmed() copies it") {
    const char* const cases[] = {"", " ", "\t \t", "A", " A", "A\t", " \tA B\t ", "A  B"};
    for (const char* text : cases) {
      CAPTURE(text);
      CHECK(exchange::trimmed_view(text) == exchange::trimmed(text));
    }
    std::string_view text = "  AB ";
    CHECK(exchange::trimmed_view(text).data() == text.data() + 2);  // a view, not a copy
  }
}
