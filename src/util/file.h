// Whole-file reading for the jobs and tests.
#pragma once

#include <stdexcept>
#include <string>

namespace util {

// Thrown when a file cannot be read; the message names the path and the system error.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Returns the whole content of `path`. Throws IoError.
std::string read_file(const std::string& path);

}  // namespace util
