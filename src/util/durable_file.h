// File operations that survive a crash or power loss at any instant: write + fsync, rename +
// fsync of the directory. Every outbound file and every move of an inbound file uses these.
#pragma once

#include <string>
#include <string_view>

#include "util/file.h"

namespace util {

// Creates (or truncates) `path` with exactly `mode` (the umask does not apply), writes
// `content`, fsyncs the file and its directory.
// Throws IoError naming the path (e.g. on a full disk: nothing may be marked written then).
void write_durably(const std::string& path, std::string_view content, unsigned mode = 0640);

// rename(2) `from` to `to` and fsyncs the destination directory (and the source directory
// when it differs). Fails rather than replace an existing `to`. Throws IoError.
void move_durably(const std::string& from, const std::string& to);

// fsyncs a directory so a rename or create in it is on disk. Throws IoError.
void sync_directory(const std::string& directory);

enum class ModeChange { kChanged, kAlreadySet, kNotRegular, kSharedHardLink };

// Gives the regular file `path` exactly `mode`, unless it has more than one hard link: its inode
// (mode included) is then shared with a name outside avedi's folders, which avedi must never
// modify. A symlink, FIFO or device is left alone (never followed). Throws IoError.
ModeChange set_mode_unless_shared(const std::string& path, unsigned mode);

// Batched durability, for many small files in one transaction (a backlog of 855s): write or
// rename without waiting for the disk, then one sync_filesystem() plus one sync_directory()
// per folder touched makes all of them durable at once, instead of two fsyncs per file.
// Until then a crash may lose them: callers commit nothing that depends on them before.
void write_unsynced(const std::string& path, std::string_view content, unsigned mode = 0640);
void move_unsynced(const std::string& from, const std::string& to);
// syncfs(2) of the filesystem holding `path`: every written file on it reaches the disk.
void sync_filesystem(const std::string& path);

// True when `path` exists (any kind of entry, a dangling symlink included).
bool entry_exists(const std::string& path);

}  // namespace util
