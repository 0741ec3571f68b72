// Named points where the crash tests kill the process. AVEDI_CRASH_AT=<name>[:<n>] makes the
// n-th (default first) passage through crash_point(<name>) send SIGKILL to this process, as a
// power cut would: no destructor, no flush. The setting is read once per process; unset, a
// crash point costs a string comparison.
//
// The points: before_claim, after_claim, before_commit, after_commit (a file's transaction in
// the file jobs; one PO's 855 in avedi-acknowledge; one invoice in avedi-invoice),
// before_release_commit, after_release_commit (avedi-acknowledge's order release),
// after_staging_write, before_outbox_rename, after_outbox_rename (every document),
// before_archive_move, after_archive_move (every input file).
#pragma once

#include <string_view>

namespace util {

void crash_point(std::string_view name);

}  // namespace util
