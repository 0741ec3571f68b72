// Reads a file in one go: X12 files are read whole so segments can stay views into one buffer.
#include "util/file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace util {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw IoError(path + ": read failed: " + std::strerror(errno));
  return content.str();
}

}  // namespace util
