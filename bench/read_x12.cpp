// avedi-bench-read FILE [REPEATS]: the X12 reader alone on one file, as avedi-receive runs it
// (full envelope, segment and element validation; no storage). Prints one JSON line with the
// median, min and max throughput in MB/s over REPEATS reads of the in-memory buffer, and fails
// (exit 1) when the file has any problem or no transaction set, so a broken input cannot pass
// for a fast one.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "util/file.h"
#include "x12/reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: avedi-bench-read FILE [REPEATS]\n");
    return 64;
  }
  std::string content = util::read_file(argv[1]);
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<double> seconds;
  std::size_t sets = 0, segments = 0, issues_found = 0;
  for (int run = 0; run < repeats; ++run) {
    x12::Issues issues;
    auto start = std::chrono::steady_clock::now();
    x12::Document document = x12::read_document(content, argv[1], issues);
    auto end = std::chrono::steady_clock::now();
    seconds.push_back(std::chrono::duration<double>(end - start).count());
    sets = segments = 0;
    for (const x12::Interchange& interchange : document.interchanges) {
      for (const x12::FunctionalGroup& group : interchange.groups) {
        for (const x12::TransactionSet& set : group.sets) {
          ++sets;
          segments += set.segments.size();
        }
      }
    }
    issues_found = issues.size();
  }
  std::sort(seconds.begin(), seconds.end());
  double mb = static_cast<double>(content.size()) / 1e6;
  std::printf(
      "{\"bytes\": %zu, \"sets\": %zu, \"segments\": %zu, \"issues\": %zu, \"repeats\": %d, "
      "\"median_mb_s\": %.1f, \"min_mb_s\": %.1f, \"max_mb_s\": %.1f}\n",
      content.size(), sets, segments, issues_found, repeats, mb / seconds[seconds.size() / 2],
      mb / seconds.back(), mb / seconds.front());
  if (issues_found > 0 || sets == 0) {
    std::fprintf(stderr, "avedi-bench-read: %s has %zu problem(s), %zu set(s)\n", argv[1],
                 issues_found, sets);
    return 1;
  }
  return 0;
}
