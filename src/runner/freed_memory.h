// What a job does with the memory one unit of work (a file, a batch) frees before the next.
#pragma once

namespace runner {

// glibc's default hands the top of the heap back as soon as a unit frees it (its thresholds
// follow the largest block freed), and the next unit faults the same memory in again, page by
// page. On the benchmark's VM a page fault costs microseconds: avedi-ship spent 1.5-2 s of
// system time on 93k of them, avedi-acknowledge 92k. After this call blocks under 32 MB come
// from the heap and up to 64 MB free at its top is kept for the next unit: 15k and 14k faults,
// the same peak RSS (docs/performance-notes.md, tenth round).
//
// For jobs whose units are alike (ship's CSVs, acknowledge's and invoice's batches). Not for
// avedi-receive: after a 50 MB 850 batch the kept heap took the next batch over its memory
// limit. A file job that calls it keeps what its files free (FileJobSpec::memory).
void keep_freed_memory();

}  // namespace runner
