// Golden file support (listing, comparing, updating).
#include "golden_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace golden {

std::vector<std::string> list_files(const std::string& folder, const std::string& extension) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::string path = entry.path().string();
    if (entry.is_regular_file() && path.size() > extension.size() &&
        path.compare(path.size() - extension.size(), extension.size(), extension) == 0) {
      paths.push_back(path);
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string compare_or_update(const std::string& expected_path, const std::string& actual) {
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return "";
  }
  std::ifstream in(expected_path, std::ios::binary);
  if (!in) return expected_path + " is missing (run with UPDATE_GOLDEN=1 and review it)";
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) return "";
  std::istringstream want(expected.str());
  std::istringstream got(actual);
  std::string want_line;
  std::string got_line;
  for (int line = 1;; ++line) {
    bool more_want = static_cast<bool>(std::getline(want, want_line));
    bool more_got = static_cast<bool>(std::getline(got, got_line));
    if (!more_want && !more_got) break;
    if (!more_want || !more_got || want_line != got_line) {
      return expected_path + ":" + std::to_string(line) + ": expected [" +
             (more_want ? want_line : "<end>") + "] got [" + (more_got ? got_line : "<end>") + "]";
    }
  }
  return expected_path + ": differs";
}

}  // namespace golden
