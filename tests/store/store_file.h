// A store file of the test process's own in the temp folder (ctest runs test cases in parallel
// processes), removed with its WAL and shared-memory files before and after use.
#pragma once

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace testing_store {

class StoreFile {
 public:
  // `name` tells the test files apart: "avedi-<name>-test-<pid>.db".
  explicit StoreFile(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              fmt::format("avedi-{}-test-{}.db", name, ::getpid())) {
    remove();
  }
  ~StoreFile() { remove(); }
  StoreFile(const StoreFile&) = delete;
  StoreFile& operator=(const StoreFile&) = delete;

  std::string path() const { return path_.string(); }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  std::filesystem::path path_;
};

}  // namespace testing_store
