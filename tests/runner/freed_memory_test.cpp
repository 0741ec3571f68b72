// runner::keep_freed_memory: what a unit of work frees stays with the process for the next.
#include "runner/freed_memory.h"

#include <doctest/doctest.h>
#include <malloc.h>

#include <cstdlib>
#include <cstring>

namespace {

// AddressSanitizer brings its own allocator: glibc's settings and figures mean nothing there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kGlibcAllocator = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kGlibcAllocator = false;
#else
constexpr bool kGlibcAllocator = true;
#endif
#else
constexpr bool kGlibcAllocator = true;
#endif

}  // namespace

TEST_SUITE("freed memory") {
  TEST_CASE("a freed block under 32 MB stays in the heap for the next unit of work") {
    if (!kGlibcAllocator) {
      MESSAGE("sanitized build: glibc's allocator is not the one in use");
      return;
    }
    runner::keep_freed_memory();
    constexpr std::size_t kBlock = 20u << 20;  // a 5 MB CSV's cells, with room
    void* block = std::malloc(kBlock);
    REQUIRE(block != nullptr);
    std::memset(block, 1, kBlock);  // faulted in, as a file's work would
    std::free(block);
    // glibc's default would have mmapped the block and unmapped it on free: nothing kept.
    CHECK(::mallinfo2().fordblks >= kBlock);
  }
}
