// The file life cycle. Two transactions per file: the claim (a row in state "claiming" before
// the rename, so a crash right after the rename is recognised), then the processing, whose
// commit decides the file's final place. Moves after a commit are redone by the next run.
#include "runner/file_job.h"

#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

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
    case FileOutcome::Kind::kArchive: return "archived";
    case FileOutcome::Kind::kDuplicate: return "duplicate";
    case FileOutcome::Kind::kError: return "error";
  }
  return "error";
}

bool is_terminal(const std::string& state) {
  return state == "archived" || state == "duplicate" || state == "error";
}

class FileLoop {
 public:
  FileLoop(JobContext& context, const FileJobSpec& spec, FileHandler& handler)
      : context_(context), spec_(spec), handler_(handler) {}

  FileJobResult run(const std::optional<std::string>& single_file) {
    remove_orphan_staging(context_);
    result_.documents += deliver_staged(context_);
    recover();
    if (single_file) {
      Candidate candidate = examine_file(*single_file, context_.config.intake);
      take(candidate);
    } else {
      for (const Candidate& candidate :
           scan_inbox(spec_.inbox, spec_.rules, context_.config.intake)) {
        take(candidate);
      }
    }
    return result_;
  }

 private:
  // ----- recovery of what a crashed run left -----

  void recover() {
    for (store::FileRecord& file : store::unfinished_files(context_.db, context_.actor.job)) {
      if (context_.effects.dry_run() || util::entry_exists(file.work_path)) {
        process(file);
      } else if (util::entry_exists(file.original_folder + "/" + file.original_name)) {
        claim_rename(file);
        process(file);
      } else {
        file.reason = "the file disappeared before it could be claimed (taken by someone else)";
        store::Transaction transaction(context_.db);
        store::set_file_state(context_.db, context_.actor, file, "error", file.reason);
        transaction.commit();
        context_.log.warn("{}: {}", file.original_name, file.reason);
      }
    }
    if (context_.effects.dry_run() || !fs::exists(context_.work)) return;
    for (const auto& entry : fs::directory_iterator(context_.work)) {
      std::string name = entry.path().filename().string();
      std::size_t underscore = name.find('_');
      std::optional<store::FileRecord> file;
      if (underscore != std::string::npos) {
        try {
          file = store::find_file(context_.db, std::stoll(name.substr(0, underscore)));
        } catch (const std::exception&) {
        }
      }
      if (file && file->work_path == entry.path().string() && is_terminal(file->state)) {
        finish(*file);  // processed and committed, but not moved yet
      } else if (!file) {
        context_.log.warn("{}: in the work folder without a record; left for an operator",
                          entry.path().string());
      }
    }
  }

  // ----- one file -----

  void take(const Candidate& candidate) {
    store::FileRecord file;
    file.original_name = candidate.name;
    file.original_folder = fs::path(candidate.path).parent_path().string();
    file.size = static_cast<std::int64_t>(candidate.size);
    file.kind = spec_.kind;
    {
      store::Transaction transaction(context_.db);
      file.id = store::insert_claiming_file(context_.db, context_.actor, file);
      file.work_path = context_.effects.dry_run()
                           ? candidate.path
                           : fmt::format("{}/{}_{}", context_.work, file.id, candidate.name);
      file.state = "claiming";
      store::set_file_work_path(context_.db, file.id, file.work_path);
      transaction.commit();
    }
    util::crash_point("before_claim");
    if (!claim_rename(file)) return;
    util::crash_point("after_claim");
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
    } catch (const util::IoError& error) {
      if (util::entry_exists(original)) throw;
      file.reason = "the file disappeared before it could be claimed (taken by someone else)";
      store::Transaction transaction(context_.db);
      store::set_file_state(context_.db, context_.actor, file, "error", file.reason);
      transaction.commit();
      return false;
    }
  }

  void process(store::FileRecord& file) {
    std::string content;
    try {
      content = util::read_file(file.work_path);
    } catch (const util::IoError& error) {
      settle(file, FileOutcome{FileOutcome::Kind::kError, error.what(), "unreadable"});
      return;
    }
    file.sha256 = util::sha256_hex(content);
    context_.log.debug("{}: file #{}, {} bytes, sha256 {}, from {}, held as {}",
                       file.original_name, file.id, content.size(), file.sha256,
                       file.original_folder, file.work_path);
    try {
      store::Transaction transaction(context_.db);
      FileOutcome outcome = handler_.process(context_, file, content);
      commit_outcome(file, outcome);
      util::crash_point("before_commit");
      transaction.commit();
      util::crash_point("after_commit");
      log_outcome(file, outcome);
    } catch (const std::exception& error) {
      // The environment failed (store, disk): nothing of the processing was committed. The
      // file still goes to error/ with the reason, so it is never silently stuck.
      context_.log.error("{}: {}", file.original_name, error.what());
      result_.io_failure = true;
      settle(file, FileOutcome{FileOutcome::Kind::kError,
                               std::string("internal error while processing: ") + error.what(),
                               "internal error"});
      return;
    }
    result_.documents += deliver_staged(context_);
    finish(file);
  }

  // Records a final outcome decided without the handler (refused, unreadable, failed).
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
      case FileOutcome::Kind::kArchive: ++result_.archived; break;
      case FileOutcome::Kind::kDuplicate: ++result_.duplicates; break;
      case FileOutcome::Kind::kError: ++result_.rejected; break;
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

  std::string destination(const store::FileRecord& file, FileOutcome::Kind kind) const {
    std::string folder = kind == FileOutcome::Kind::kError
                             ? context_.config.folders.error
                             : context_.config.folders.archive + "/" +
                                   util::format_time(context_.now, "%Y/%m/%d");
    std::string path = folder + "/" + file.original_name;
    // Never overwrite: a second file of the same name (a redelivery) gets its id appended.
    if (util::entry_exists(path) || util::entry_exists(path + ".reason.txt")) {
      path += "." + std::to_string(file.id);
    }
    return path;
  }

  // Moves a committed file to its final place; the reason file goes first, so an error file
  // never sits in error/ without its reason.
  void finish(const store::FileRecord& file) {
    if (file.state == "error") {
      context_.effects.write(file.stored_path + ".reason.txt",
                             fmt::format("{} (file #{}, taken from {} by {})\n{}\n",
                                         file.original_name, file.id, file.original_folder,
                                         context_.actor.job, file.reason));
    }
    if (context_.effects.dry_run()) {
      context_.effects.move(file.work_path, file.stored_path);
      return;
    }
    if (!util::entry_exists(file.work_path)) return;  // moved before an interruption
    util::crash_point("before_archive_move");
    context_.effects.move(file.work_path, file.stored_path);
    util::crash_point("after_archive_move");
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
