// File operations that survive a crash or power loss at any instant: write + fsync, rename +
// fsync of the directory. Every outbound file and every move of an inbound file uses these.
#pragma once

#include <string>
#include <string_view>

#include "util/file.h"

namespace util {

// Creates (or truncates) `path`, writes `content`, fsyncs the file and its directory.
// Throws IoError naming the path (e.g. on a full disk: nothing may be marked written then).
void write_durably(const std::string& path, std::string_view content, unsigned mode = 0640);

// rename(2) `from` to `to` and fsyncs the destination directory (and the source directory
// when it differs). Fails rather than replace an existing `to`. Throws IoError.
void move_durably(const std::string& from, const std::string& to);

// fsyncs a directory so a rename or create in it is on disk. Throws IoError.
void sync_directory(const std::string& directory);

// True when `path` exists (any kind of entry, a dangling symlink included).
bool entry_exists(const std::string& path);

}  // namespace util
