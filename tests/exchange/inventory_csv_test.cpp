// The 3PL inventory snapshot: what a good file loads, and that a file with any bad row loads
// nothing and names every problem.
#include "exchange/inventory_csv.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <ostream>

namespace {

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

using Stock = std::map<std::string, std::int64_t>;

// Parses `text` and requires that it is refused; returns the problems as the jobs print them.
Lines refusal_of(std::string_view text) {
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::InventorySnapshot> snapshot = exchange::parse_inventory(text, problems);
  CHECK_FALSE(snapshot.has_value());
  Lines out;
  for (const exchange::CsvProblem& problem : problems) {
    out.lines.push_back(exchange::format_csv_problem("inv.csv", problem));
  }
  return out;
}

// refusal_of in a child process, for files that have crashed parse_inventory (a missing
// required column with data rows was indexed as row[-1]): a crash comes back as a problem line,
// so it fails the calling check instead of ending the whole test run.
Lines isolated_refusal_of(std::string_view text) {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(pipe_ends[0]);
    std::signal(SIGSEGV, SIG_DFL);  // not doctest's handler: the parent reports the crash
    std::signal(SIGBUS, SIG_DFL);
    std::signal(SIGABRT, SIG_DFL);
    std::vector<exchange::CsvProblem> problems;
    std::string out = exchange::parse_inventory(text, problems) ? "loaded" : "refused";
    for (const exchange::CsvProblem& problem : problems) {
      out += '\0' + exchange::format_csv_problem("inv.csv", problem);
    }
    for (std::size_t at = 0; at < out.size();) {
      ssize_t written = ::write(pipe_ends[1], out.data() + at, out.size() - at);
      if (written <= 0) ::_exit(2);
      at += static_cast<std::size_t>(written);
    }
    ::_exit(0);
  }
  ::close(pipe_ends[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t got; (got = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) {
    return {"parse_inventory crashed: signal " + std::to_string(WTERMSIG(status))};
  }
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t end = out.find('\0', start);
    parts.push_back(out.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  CHECK(parts.front() == "refused");
  Lines problems;
  problems.lines.assign(parts.begin() + 1, parts.end());
  return problems;
}

// Parses `text` and requires that it loads without a problem.
exchange::InventorySnapshot snapshot_of(std::string_view text) {
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::InventorySnapshot> snapshot = exchange::parse_inventory(text, problems);
  for (const exchange::CsvProblem& problem : problems) {
    FAIL_CHECK(exchange::format_csv_problem("inv.csv", problem));
  }
  REQUIRE(snapshot.has_value());
  return *snapshot;
}

}  // namespace

TEST_SUITE("exchange::parse_inventory") {
  TEST_CASE("loads sku and available without warehouse or as_of") {
    exchange::InventorySnapshot snapshot = snapshot_of("sku,available\nA,5\nB,0\n C , 12 \n");
    CHECK(snapshot.available == Stock{{"A", 5}, {"B", 0}, {"C", 12}});
    CHECK(snapshot.warehouse == "");
    CHECK(snapshot.as_of == "");
  }

  TEST_CASE("loads the warehouse and the as_of time, a date meaning midnight UTC") {
    exchange::InventorySnapshot snapshot = snapshot_of(
        "sku,available,warehouse,as_of\n"
        "A,5,WH1,2026-11-26\n"
        "B,7,WH1,2026-11-26T00:00:00Z\n");
    CHECK(snapshot.available == Stock{{"A", 5}, {"B", 7}});
    CHECK(snapshot.warehouse == "WH1");
    CHECK(snapshot.as_of == "2026-11-26T00:00:00Z");

    exchange::InventorySnapshot timed =
        snapshot_of("SKU,Available,As_Of\nA,5,2026-11-26T08:30:00Z\n");
    CHECK(timed.as_of == "2026-11-26T08:30:00Z");
    CHECK(timed.warehouse == "");
  }

  TEST_CASE("reads a file with a BOM and CRLF line ends") {
    exchange::InventorySnapshot snapshot =
        snapshot_of("\xEF\xBB\xBFsku,available,warehouse\r\nA,5,WH1\r\nB,6,WH1\r\n");
    CHECK(snapshot.available == Stock{{"A", 5}, {"B", 6}});
    CHECK(snapshot.warehouse == "WH1");
  }

  TEST_CASE("reads a quoted SKU holding a comma") {
    exchange::InventorySnapshot snapshot = snapshot_of("sku,available\n\"A,1\",5\n\"B\",\"6\"\n");
    CHECK(snapshot.available == Stock{{"A,1", 5}, {"B", 6}});
  }

  TEST_CASE("refuses a file without the available column") {
    CHECK(refusal_of("sku,qty\n") ==
          Lines{"inv.csv: row 1, column available: required column is missing from the header"});
    CHECK(isolated_refusal_of("sku,qty\nA,5\n") ==
          Lines{"inv.csv: row 1, column available: required column is missing from the header"});
  }

  TEST_CASE("refuses a file without the sku column") {
    CHECK(refusal_of("item,available\n") ==
          Lines{"inv.csv: row 1, column sku: required column is missing from the header"});
    CHECK(isolated_refusal_of("item,available\nA,5\n") ==
          Lines{"inv.csv: row 1, column sku: required column is missing from the header"});
  }

  TEST_CASE("refuses a quantity that is not a whole number") {
    CHECK(refusal_of("sku,available\nA,five\nB,1.5\nC,\nD,+3\nE,-\n") ==
          Lines{"inv.csv: row 2, column available: \"five\" is not a whole number",
                "inv.csv: row 3, column available: \"1.5\" is not a whole number",
                "inv.csv: row 4, column available: \"\" is not a whole number",
                "inv.csv: row 5, column available: \"+3\" is not a whole number",
                "inv.csv: row 6, column available: \"-\" is not a whole number"});
  }

  TEST_CASE("refuses a negative quantity") {
    CHECK(refusal_of("sku,available\nA,5\nB,-4\n") ==
          Lines{"inv.csv: row 3, column available: \"-4\" is negative"});
  }

  TEST_CASE("refuses a SKU listed twice, naming its first row") {
    CHECK(refusal_of("sku,available\nA,5\nB,6\nA,7\n") ==
          Lines{"inv.csv: row 4, column sku: \"A\" is listed again (first on row 2)"});
    CHECK(refusal_of("sku,available\nA,5\n\n A ,5\n") ==
          Lines{"inv.csv: row 4, column sku: \"A\" is listed again (first on row 2)"});
  }

  TEST_CASE("refuses an empty sku") {
    CHECK(refusal_of("sku,available\nA,5\n,6\n  ,7\n") ==
          Lines{"inv.csv: row 3, column sku: is empty", "inv.csv: row 4, column sku: is empty"});
  }

  TEST_CASE("refuses an empty file and a file without stock rows") {
    CHECK(refusal_of("") == Lines{"inv.csv: row 1: the file is empty (no header row)"});
    CHECK(refusal_of("sku,available\n") == Lines{"inv.csv: row 1: the file has no stock rows"});
    CHECK(refusal_of("sku,available\r\n\r\n") ==
          Lines{"inv.csv: row 1: the file has no stock rows"});
  }

  TEST_CASE("refuses two different as_of moments and an as_of that is no time") {
    CHECK(refusal_of("sku,available,as_of\n"
                     "A,5,2026-11-26\n"
                     "B,6,2026-11-27T08:00:00Z\n") ==
          Lines{"inv.csv: row 3, column as_of: \"2026-11-27T08:00:00Z\" differs from "
                "\"2026-11-26T00:00:00Z\": one file is one moment"});
    CHECK(refusal_of("sku,available,as_of\nA,5,26/11/2026\n") ==
          Lines{"inv.csv: row 2, column as_of: \"26/11/2026\" is not a date YYYY-MM-DD or a UTC "
                "time YYYY-MM-DDTHH:MM:SSZ"});
    CHECK(refusal_of("sku,available,as_of\nA,5,2026-02-30\n") ==
          Lines{"inv.csv: row 2, column as_of: \"2026-02-30\" is not a date YYYY-MM-DD or a UTC "
                "time YYYY-MM-DDTHH:MM:SSZ"});
  }

  TEST_CASE("refuses two different warehouses") {
    CHECK(refusal_of("sku,available,warehouse\nA,5,WH1\nB,6,WH2\n") ==
          Lines{"inv.csv: row 3, column warehouse: \"WH2\" differs from \"WH1\": one file is one "
                "warehouse"});
  }

  TEST_CASE("names every problem of a file, CSV and stock problems alike") {
    // The CSV reader's problems come first, then those of the stock rows.
    CHECK(refusal_of("sku,available\nA,5\nB,-1\nC\nA,x\n") ==
          Lines{"inv.csv: row 4: has 1 cells, the header has 2",
                "inv.csv: row 3, column available: \"-1\" is negative",
                "inv.csv: row 5, column available: \"x\" is not a whole number",
                "inv.csv: row 5, column sku: \"A\" is listed again (first on row 2)"});
  }

  TEST_CASE("appends to the problems already collected and judges only its own") {
    std::vector<exchange::CsvProblem> problems = {{7, "", "an earlier file's problem"}};
    std::optional<exchange::InventorySnapshot> snapshot =
        exchange::parse_inventory("sku,available\nA,5\n", problems);
    CHECK(snapshot.has_value());
    CHECK(problems.size() == 1);
  }
}
