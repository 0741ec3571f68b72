// The file life cycle. Two transactions per file: the claim (a row in state "claiming" before
// the rename, so a crash right after the rename is recognised), then the processing, whose
// commit decides the file's final place. Moves after a commit are redone by the next run.
#include "runner/file_job.h"

#include <fmt/format.h>
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "runner/freed_memory.h"
#include "runner/outbox.h"
#include "store/database.h"
#include "util/crash_point.h"
#include "util/durable_file.h"
#include "util/file.h"
#include "util/sha256.h"

namespace runner {
namespace {

namespace fs = std::filesystem;

const char* state_of(FileOutcome::Kind kind) {
  switch (kind) {
    case FileOutcome::Kind::kArchive:
      return "archived";
    case FileOutcome::Kind::kDuplicate:
      return "duplicate";
    case FileOutcome::Kind::kError:
      return "error";
  }
  return "error";
}

bool is_terminal(const std::string& state) {
  return state == "archived" || state == "duplicate" || state == "error";
}

// Names longer than this are cut in archive/ and error/ (the id suffix keeps them unique).
constexpr std::size_t kMaxStoredName = 180;

// Freed memory the allocator may keep from one file to the next (FileLoop::process). avedi-ship
// leaves 36 MB between 5 MB CSVs and avedi-receive 9-31 MB after a 50 MB 850 batch (2026-11
// bench); more than this unused is handed back. It is within issue 8's 64 MB beyond the input.
constexpr std::size_t kFreeKept = 48u << 20;

bool inside(const fs::path& path, const std::string& folder) {
  std::error_code ignored;
  fs::path parent = fs::weakly_canonical(path.parent_path(), ignored);
  fs::path base = fs::weakly_canonical(folder, ignored);
  auto [end, unused] = std::mismatch(base.begin(), base.end(), parent.begin(), parent.end());
  return end == base.end();
}

class FileLoop {
 public:
  FileLoop(JobContext& context, const FileJobSpec& spec, FileHandler& handler)
      : context_(context), spec_(spec), handler_(handler) {}

  FileJobResult run(const std::optional<std::string>& single_file) {
    if (spec_.memory == MemoryBetweenFiles::kKeep) keep_freed_memory();
    remove_orphan_staging(context_);
    result_.documents += deliver_staged_unless_stopped(context_);
    recover();
    if (single_file) {
      Candidate candidate = examine_file(checked_single_file(*single_file), context_.config.intake);
      guarded(candidate.name, [&] { take(candidate); });
    } else {
      for (const Candidate& candidate :
           scan_inbox(spec_.inbox, spec_.rules, context_.config.intake)) {
        guarded(candidate.name, [&] { take(candidate); });
      }
    }
    return result_;
  }

 private:
  // One file's failure (a full disk, a locked store) must not stop the others: it is logged,
  // the run exits 74, and what was not committed is retried by the next run.
  template <typename Work>
  void guarded(const std::string& name, Work work) {
    try {
      work();
    } catch (const std::exception& error) {
      // A store locked by another process would fail every other file the same way after
      // the same wait: the run leaves (exit 75) and the file's rollback leaves it for later.
      if (store::is_busy(error)) throw;
      result_.io_failure = true;
      context_.log.error("{}: {} (left for the next run)", name, error.what());
    }
  }

  // --file takes a file from anywhere but avedi's own working folders, whose files belong to
  // a record already (a work file, an archived input, a document on its way out).
  std::string checked_single_file(const std::string& given) {
    fs::path path = fs::absolute(given).lexically_normal();
    const Folders& folders = context_.config.folders;
    for (const std::string& own :
         {folders.work, folders.archive, folders.staging, folders.as2_outbox, folders.tpl_outbox}) {
      if (inside(path, own)) {
        throw std::invalid_argument(fmt::format(
            "--file {}: is inside {}, one of avedi's own folders; only a file from an inbox or "
            "from error/ (or from outside avedi) can be processed again",
            path.string(), own));
      }
    }
    return path.string();
  }

  // ----- recovery of what a crashed run left -----

  void recover() {
    for (store::FileRecord& file : store::unfinished_files(context_.db, context_.actor.job)) {
      guarded(file.original_name, [&] { recover_unfinished(file); });
    }
    if (context_.effects.dry_run() || !fs::exists(context_.work)) return;
    for (const auto& entry : fs::directory_iterator(context_.work)) {
      std::string name = entry.path().filename().string();
      std::optional<store::FileRecord> file;
      if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
        file = store::find_file(context_.db, std::stoll(name));
      }
      if (file && file->work_path == entry.path().string() && is_terminal(file->state)) {
        guarded(file->original_name, [&] { finish(*file); });  // committed, not moved yet
      } else if (!file) {
        context_.log.warn("{}: in the work folder without a record; left for an operator",
                          entry.path().string());
      }
    }
  }

  void recover_unfinished(store::FileRecord& file) {
    if (context_.effects.dry_run() || util::entry_exists(file.work_path)) {
      process(file);
    } else if (util::entry_exists(file.original_folder + "/" + file.original_name)) {
      if (claim_rename(file)) process(file);
    } else {
      vanished(file);
    }
  }

  void vanished(store::FileRecord& file) {
    file.reason = "the file disappeared before it could be claimed (taken by someone else)";
    store::Transaction transaction(context_.db);
    store::set_file_state(context_.db, context_.actor, file, "error", file.reason);
    transaction.commit();
    context_.log.warn("{}: {}", file.original_name, file.reason);
  }

  // ----- one file -----

  void take(const Candidate& candidate) {
    store::FileRecord file;
    file.original_name = candidate.name;
    file.original_folder = fs::path(candidate.path).parent_path().string();
    file.size = static_cast<std::int64_t>(candidate.size);
    file.kind = spec_.kind;
    file.arrived_at = util::format_time(util::TimePoint(std::chrono::seconds(candidate.modified)),
                                        "%Y-%m-%dT%H:%M:%SZ");
    {
      store::Transaction transaction(context_.db);
      file.id = store::insert_claiming_file(context_.db, context_.actor, file);
      // Named by id only: any original name fits, and recovery finds the record from it.
      file.work_path = context_.effects.dry_run() ? candidate.path
                                                  : fmt::format("{}/{}", context_.work, file.id);
      file.state = "claiming";
      store::set_file_work_path(context_.db, file.id, file.work_path);
      // A file taken back out of error/ (--file) is a new record; the old one must stop
      // saying that it waits there, or status would report it for ever.
      for (store::FileRecord& earlier : store::files_in_error_at(context_.db, candidate.path)) {
        store::set_file_state(context_.db, context_.actor, earlier, "retried",
                              fmt::format("taken again from error/ as file #{}", file.id));
      }
      transaction.commit();
    }
    util::crash_point("before_claim");
    if (!claim_rename(file)) return;
    util::crash_point("after_claim");
    // A file taken back out of error/ leaves its old reason behind: it would only mislead.
    std::string old_reason = candidate.path + ".reason.txt";
    if (fs::path(candidate.path).parent_path() == fs::path(context_.config.folders.error) &&
        util::entry_exists(old_reason)) {
      context_.effects.remove(old_reason);
    }
    if (!candidate.refusal.empty()) {
      settle(file, FileOutcome{FileOutcome::Kind::kError, candidate.refusal,
                               "refused: " + candidate.refusal});
      return;
    }
    process(file);
  }

  // Moves the file into the work folder. False when it vanished (another process took it).
  bool claim_rename(store::FileRecord& file) {
    if (context_.effects.dry_run()) return true;
    std::string original = file.original_folder + "/" + file.original_name;
    try {
      context_.effects.move(original, file.work_path);
      return true;
    } catch (const util::IoError&) {
      if (util::entry_exists(original)) throw;
      vanished(file);
      return false;
    }
  }

  void process(store::FileRecord& file) {
    std::string content;
    try {
      // Checked on the opened file: after a crash the entry may not be what the scan saw.
      content = util::read_regular_file(file.work_path, context_.config.intake.max_file_bytes);
    } catch (const util::IoError& error) {
      settle(file, FileOutcome{FileOutcome::Kind::kError, error.what(), error.what()});
      return;
    }
    file.sha256 = util::sha256_hex(content);
    context_.log.debug("{}: file #{}, {} bytes, sha256 {}, from {}, held as {}", file.original_name,
                       file.id, content.size(), file.sha256, file.original_folder, file.work_path);
    {
      // An exception here (the store, the disk) rolls everything of this file back; the file
      // stays claimed in the work folder and the next run processes it again.
      store::Transaction transaction(context_.db);
      FileOutcome outcome = handler_.process(context_, file, content);
      // The interchanges the file staged get their bytes first: a build or a staging write
      // that fails rolls the file back before its outcome is counted.
      context_.builds.record(context_);
      commit_outcome(file, outcome);
      util::crash_point("before_commit");
      commit_staged(context_, transaction);  // the documents staged for this file made durable
      util::crash_point("after_commit");
      log_outcome(file, outcome);
    }
    result_.documents += deliver_staged_unless_stopped(context_);
    finish(file);
    std::string().swap(content);
    // What a file freed is reused by the next: handing it all back after every file made each
    // file of a backlog fault its memory in again (avedi-ship, 20 files of 5 MB: 2 s and half
    // its page faults). Only more than kFreeKept unused goes back, so a backlog of large files
    // still peaks at about what one file needs. A job that keeps its freed memory trims
    // nothing: malloc_trim also hands back the free pages inside the heap, which such a job's
    // larger heap always has (ship faulted 222k pages instead of 15k).
    if (spec_.memory == MemoryBetweenFiles::kGiveBackPastLimit &&
        ::mallinfo2().fordblks > kFreeKept) {
      ::malloc_trim(0);
    }
  }

  // Records a final outcome decided without the handler (refused, unreadable).
  void settle(store::FileRecord& file, const FileOutcome& outcome) {
    store::Transaction transaction(context_.db);
    commit_outcome(file, outcome);
    transaction.commit();
    log_outcome(file, outcome);
    finish(file);
  }

  void commit_outcome(store::FileRecord& file, const FileOutcome& outcome) {
    file.reason = outcome.reason;
    file.state = state_of(outcome.kind);
    file.stored_path = destination(file, outcome.kind);
    store::set_file_state(context_.db, context_.actor, file, file.state, outcome.summary);
    switch (outcome.kind) {
      case FileOutcome::Kind::kArchive:
        ++result_.archived;
        break;
      case FileOutcome::Kind::kDuplicate:
        ++result_.duplicates;
        break;
      case FileOutcome::Kind::kError:
        ++result_.rejected;
        break;
    }
  }

  void log_outcome(const store::FileRecord& file, const FileOutcome& outcome) {
    if (outcome.kind == FileOutcome::Kind::kError) {
      context_.log.warn("{} -> error: {}", file.original_name, outcome.summary);
    } else {
      context_.log.info("{} -> {}: {}", file.original_name, state_of(outcome.kind),
                        outcome.summary);
    }
  }

  // A free place in archive/YYYY/MM/DD/ or error/: the original name, else with the file's id
  // appended (then a counter), never a path (or reason file) that already exists.
  std::string destination(const store::FileRecord& file, FileOutcome::Kind kind) const {
    std::string folder =
        kind == FileOutcome::Kind::kError
            ? context_.config.folders.error
            : context_.config.folders.archive + "/" + util::format_time(context_.now, "%Y/%m/%d");
    std::string name = file.original_name.substr(0, kMaxStoredName);
    std::string path = folder + "/" + name;
    for (int attempt = 0; util::entry_exists(path) || util::entry_exists(path + ".reason.txt");
         ++attempt) {
      path = fmt::format("{}/{}.{}", folder, name, file.id) +
             (attempt > 0 ? "." + std::to_string(attempt + 1) : "");
    }
    return path;
  }

  // Moves a committed file to its final place; the reason file goes first, so an error file
  // never sits in error/ without its reason. If something else took the place meanwhile, a new
  // one is chosen and recorded: nothing is ever overwritten.
  void finish(store::FileRecord file) {
    if (context_.effects.dry_run()) {
      if (file.state == "error")
        context_.effects.write(file.stored_path + ".reason.txt", reason_text(file));
      context_.effects.move(file.work_path, file.stored_path);
      return;
    }
    if (!util::entry_exists(file.work_path)) return;  // moved before an interruption
    // An inbound file keeps the mode the gateway gave it (0666 from a lax umask) unless set
    // here, before it is stored. A hard-linked file is moved but not changed: see
    // set_mode_unless_shared.
    if (util::set_mode_unless_shared(file.work_path, context_.config.file_mode) ==
        util::ModeChange::kSharedHardLink) {
      context_.log.warn("{}: has other hard links; stored as it is, its mode not changed",
                        file.original_name);
    }
    while (true) {
      if (file.state == "error" && !reason_file_ready(file)) {
        relocate(file);
        continue;
      }
      util::crash_point("before_archive_move");
      try {
        context_.effects.move(file.work_path, file.stored_path);
      } catch (const util::IoError&) {
        if (!util::entry_exists(file.stored_path)) throw;
        relocate(file);
        continue;
      }
      util::crash_point("after_archive_move");
      return;
    }
  }

  std::string reason_text(const store::FileRecord& file) const {
    return fmt::format("{} (file #{}, taken from {} by {})\n{}\n", file.original_name, file.id,
                       file.original_folder, context_.actor.job, file.reason);
  }

  // Writes <stored>.reason.txt unless one is there; true when it holds this file's reason.
  bool reason_file_ready(const store::FileRecord& file) {
    std::string path = file.stored_path + ".reason.txt";
    std::string text = reason_text(file);
    if (util::entry_exists(path)) {
      try {
        std::string found = util::read_file(path);
        if (found == text) return true;  // ours, from an interrupted earlier attempt
        // A kill while this very reason was being written leaves a prefix of it: ours, to be
        // finished, not a reason of another file (which would send this one to a new name and
        // leave the stub behind without its file).
        if (text.compare(0, found.size(), found) != 0) return false;
      } catch (const util::IoError&) {
        return false;
      }
    }
    context_.effects.write(path, text);
    return true;
  }

  void relocate(store::FileRecord& file) {
    std::string taken = file.stored_path;
    file.stored_path = destination(
        file, file.state == "error" ? FileOutcome::Kind::kError : FileOutcome::Kind::kArchive);
    store::Transaction transaction(context_.db);
    store::set_file_state(
        context_.db, context_.actor, file, file.state,
        fmt::format("{} was taken meanwhile; stored as {}", taken, file.stored_path));
    transaction.commit();
  }

  JobContext& context_;
  const FileJobSpec& spec_;
  FileHandler& handler_;
  FileJobResult result_;
};

}  // namespace

FileJobResult run_file_job(JobContext& context, const FileJobSpec& spec, FileHandler& handler,
                           const std::optional<std::string>& single_file) {
  return FileLoop(context, spec, handler).run(single_file);
}

}  // namespace runner
