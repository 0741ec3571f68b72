// Whole-file reading for the jobs and tests.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace util {

// Thrown when a file cannot be read; the message names the path and the system error.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by read_regular_file for an entry avedi must not read: not a regular file (a symlink
// is never followed, a FIFO never waited on) or larger than allowed. what() says why.
class RefusedFile : public IoError {
 public:
  using IoError::IoError;
};

// Returns the whole content of `path`. Throws IoError.
std::string read_file(const std::string& path);

// Returns the content of `path` if it is a regular file of at most `max_bytes`, checked on the
// opened descriptor (O_NOFOLLOW, O_NONBLOCK), so nothing swapped in after a check is read.
// Throws RefusedFile, or IoError when it cannot be read.
std::string read_regular_file(const std::string& path, std::uint64_t max_bytes);

}  // namespace util
