#include "runner/freed_memory.h"

#include <malloc.h>

namespace runner {
namespace {

constexpr int kMmapThreshold = 32 << 20;  // blocks at least this large are mmapped
constexpr int kTrimThreshold = 64 << 20;  // free memory at the heap's top kept up to this

}  // namespace

void keep_freed_memory() {
  ::mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  ::mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
}

}  // namespace runner
