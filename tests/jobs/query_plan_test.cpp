// The query plan of every statement the jobs run: with a backlog in the store, a lookup that
// scans a whole table makes each run slower than the last. The sample story runs with
// AVEDI_SQL_TRACE, which records the text of every statement; each is then explained on the
// resulting store, and none may scan a table (an index scan or a scan of a CTE is fine).
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include "job_fixture.h"
#include "util/file.h"

using testing_jobs::JobTree;

namespace {

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

std::set<std::string> traced_statements(const std::string& path) {
  std::set<std::string> statements;
  std::istringstream in(util::read_file(path));
  std::string statement;
  for (std::string line; std::getline(in, line);) {
    if (line == ";;") {
      statements.insert(statement);
      statement.clear();
    } else {
      statement += (statement.empty() ? "" : "\n") + line;
    }
  }
  return statements;
}

bool starts_with_any(const std::string& text, std::initializer_list<const char*> prefixes) {
  for (const char* prefix : prefixes) {
    if (text.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// "SCAN x" steps of the plan where x is a table (not a CTE of the statement); with
// `also_index_scans`, a walk of a whole index ("SCAN x USING INDEX i") counts too.
std::vector<std::string> table_scans(SQLite::Database& db, const std::string& sql,
                                     bool also_index_scans = false) {
  std::set<std::string> ctes;
  std::regex cte(R"((?:WITH|,)\s+(\w+)\s+AS\s*\()", std::regex::icase);
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), cte); it != std::sregex_iterator();
       ++it) {
    ctes.insert((*it)[1]);
  }
  // A CTE scanned under an alias ("FROM its_documents d") is still the CTE.
  std::set<std::string> aliases;
  for (const std::string& name : ctes) {
    std::regex alias("\\b" + name + R"(\s+(?:AS\s+)?(\w+))", std::regex::icase);
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), alias);
         it != std::sregex_iterator(); ++it) {
      aliases.insert((*it)[1]);
    }
  }
  ctes.insert(aliases.begin(), aliases.end());
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> scans;
  std::regex bare_scan(R"(^SCAN (\w+)$)");
  std::regex index_scan(R"(^SCAN (\w+) USING (?:COVERING )?INDEX \w+$)");
  while (plan.executeStep()) {
    std::string detail = plan.getColumn(3).getString();
    std::smatch match;
    bool scan = std::regex_match(detail, match, bare_scan) ||
                (also_index_scans && std::regex_match(detail, match, index_scan));
    if (scan && ctes.count(match[1]) == 0) {
      scans.push_back(detail);
    }
  }
  return scans;
}

}  // namespace

TEST_SUITE("store query plans") {
  TEST_CASE("no statement of the sample story scans a whole table") {
    JobTree tree;
    std::string trace = (tree.root() / "statements.sql").string();
    auto day = [&](const char* now) {
      return std::map<std::string, std::string>{{"AVEDI_NOW", now}, {"AVEDI_SQL_TRACE", trace}};
    };
    auto day1 = day("2026-11-26T08:30:00Z"), day2 = day("2026-11-27T10:00:00Z"),
         day3 = day("2026-11-28T16:00:00Z");
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    tree.drop("po-file", repo_file("sample-inbox/as2/amazon-850-two-orders.edi"));
    tree.drop_3pl("inventory_20261126.csv", repo_file("sample-inbox/3pl/inventory_20261126.csv"));
    REQUIRE(tree.run("avedi-receive", {}, day1).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, day1).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, day1).exit_code == 0);
    tree.drop_3pl("ready_20261127.csv", repo_file("sample-inbox/3pl/ready_20261127.csv"));
    REQUIRE(tree.run("avedi-route", {}, day2).exit_code == 0);
    tree.drop("routing", repo_file("sample-inbox/as2/amazon-754-routing-two-shipments.edi"));
    REQUIRE(tree.run("avedi-receive", {}, day2).exit_code == 0);
    tree.drop_3pl("shipped_20261128.csv", repo_file("sample-inbox/3pl/shipped_20261128.csv"));
    REQUIRE(tree.run("avedi-ship", {}, day3).exit_code == 0);
    REQUIRE(tree.run("avedi-invoice", {}, day3).exit_code == 0);
    tree.drop("ack", repo_file("sample-inbox/as2/amazon-997-accepting-our-855.edi"));
    REQUIRE(tree.run("avedi-receive", {}, day3).exit_code == 0);
    // The same PO again (a duplicate), then every job on nothing new: the paths of cron runs.
    tree.drop("po-again", repo_file("sample-inbox/as2/amazon-850-two-orders.edi"));
    for (const char* job : {"avedi-receive", "avedi-stock", "avedi-acknowledge", "avedi-route",
                            "avedi-ship", "avedi-invoice"}) {
      REQUIRE(tree.run(job, {}, day3).exit_code == 0);
    }
    tree.run_avedi({"status"}, day3);
    REQUIRE(tree.run_avedi({"order", "2XK4FDJ3"}, day3).exit_code == 0);

    std::set<std::string> statements = traced_statements(trace);
    // The trace saw the work itself, so an empty or broken trace cannot pass.
    int stores = 0;
    for (const std::string& sql : statements) stores += sql.find("INSERT INTO po_lines") == 0;
    REQUIRE(stores == 1);
    REQUIRE(statements.size() > 50);
    SQLite::Database db(tree.database().string(), SQLite::OPEN_READONLY);
    for (const std::string& sql : statements) {
      if (starts_with_any(sql, {"PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "CREATE", "ALTER", "--",
                                "SAVEPOINT", "RELEASE"})) {
        continue;
      }
      CAPTURE(sql);
      // `avedi order PO` looks up one PO's entities: walking a whole index (all documents,
      // all transitions) there grows with the store, so it is a scan too.
      bool one_order = sql.rfind("WITH po AS", 0) == 0;
      CHECK(table_scans(db, sql, one_order) == std::vector<std::string>{});
    }
  }
}
