// Is an X12 file complete? OpenAS2 can fall back to a non-atomic copy, so a file may be seen
// half-written: only one whose last segment is an IEA is taken.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "inbound/x12_intake.h"
#include "util/file.h"
#include "x12/isa_header.h"
#include "x12/reader.h"

namespace inbound {
namespace {

constexpr std::size_t kHeadBytes = 512;
constexpr std::size_t kTailBytes = 256;

bool is_padding(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\x1A' || c == '\0';
}

}  // namespace

runner::Readiness x12_readiness(const std::string& path) {
  // Only a regular file is looked into; anything else is refused when it is read.
  int probe = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (probe < 0) return runner::Readiness::kReady;
  struct stat info;
  bool regular = ::fstat(probe, &info) == 0 && S_ISREG(info.st_mode);
  ::close(probe);
  if (!regular) return runner::Readiness::kReady;
  std::ifstream in(path, std::ios::binary);
  if (!in) return runner::Readiness::kReady;  // let processing report why it cannot be read
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  std::size_t start = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (start < head.size() && is_padding(head[start])) ++start;
  if (head.size() - start < 3) return runner::Readiness::kWait;
  if (head.compare(start, 3, "ISA") != 0) return runner::Readiness::kReady;  // not X12
  std::optional<x12::IsaLayout> layout = x12::locate_isa(head, start);
  if (!layout) return runner::Readiness::kWait;  // the ISA itself is still arriving
  in.clear();
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  std::streamoff from = size > static_cast<std::streamoff>(kTailBytes)
                            ? size - static_cast<std::streamoff>(kTailBytes)
                            : 0;
  in.seekg(from);
  std::string tail(static_cast<std::size_t>(size - from), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  const char terminator = layout->delimiters.segment;
  while (!tail.empty() && is_padding(tail.back()) && tail.back() != terminator) tail.pop_back();
  if (!tail.empty() && tail.back() == terminator) tail.pop_back();
  std::size_t last = tail.find_last_of(terminator);
  std::string segment = last == std::string::npos ? tail : tail.substr(last + 1);
  std::size_t begin = 0;
  while (begin < segment.size() && is_padding(segment[begin])) ++begin;
  std::string iea = std::string("IEA") + layout->delimiters.element;
  return segment.compare(begin, iea.size(), iea) == 0 ? runner::Readiness::kReady
                                                      : runner::Readiness::kWait;
}

std::string x12_incomplete_detail(const std::string& path, std::uint64_t max_bytes) {
  std::string content;
  try {
    content = util::read_regular_file(path, max_bytes);
  } catch (const util::IoError&) {
    return "";  // the refusal itself says enough
  }
  std::size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  x12::Issues issues;
  x12::read_document(content, name, issues);
  std::string detail;
  for (const x12::Issue& issue : issues) {
    detail += (detail.empty() ? "" : "\n") + x12::format_issue(issue);
  }
  return detail;
}

}  // namespace inbound
