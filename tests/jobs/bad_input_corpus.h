// The hostile-input corpus of tests/data/bad/: its manifest (EXPECTED.tsv) and the recipes that
// build the inputs too big to commit (100 MB segments, a million empty elements).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace testing_jobs {

// One row of EXPECTED.tsv.
struct BadCase {
  std::string file;                  // under tests/data/bad/: x12/NN.edi, csv/x.csv, or a .recipe
  std::string job;                   // the job that takes it: avedi-receive, avedi-stock, ...
  int exit_code = 0;                 // of the run that takes it (with one good file beside it)
  std::vector<std::string> reasons;  // each is in the file's error/<name>.reason.txt
  // X12: each is in the 997/TA1 the run sent for it; empty when nothing may be sent.
  std::vector<std::string> answer;

  bool generated() const;
  // The name the file has in the inbox: a recipe's input gets .edi or .csv.
  std::string inbox_name() const;
};

// Every case of tests/data/bad/EXPECTED.tsv. Throws std::runtime_error on a malformed line.
std::vector<BadCase> load_bad_cases();

// Writes the input of `c` to `target` (a copy, or the recipe's output). Returns its size.
std::uintmax_t write_bad_input(const BadCase& c, const std::filesystem::path& target);

// Builds a recipe: one instruction a line, '#' comments.
//   text <escaped>                   appends the text (\n \r \t \\ \xHH)
//   repeat <count> <escaped>         appends the text count times
//   include-range <file> <from> <to|end>   appends bytes [from, to) of a file (relative to the
//                                    recipe's folder)
// Streams to `target`, so a 100 MB input never sits in memory.
std::uintmax_t build_recipe(const std::filesystem::path& recipe,
                            const std::filesystem::path& target);

}  // namespace testing_jobs
