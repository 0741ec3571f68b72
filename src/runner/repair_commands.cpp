// Retry and resend.
#include "runner/repair_commands.h"

#include <fmt/format.h>

#include "runner/effects.h"
#include "runner/exit_codes.h"
#include "runner/job_logger.h"
#include "runner/outbox.h"
#include "runner/run_lock.h"
#include "store/database.h"
#include "util/durable_file.h"

namespace runner {
namespace {

// An operator's repair is a run of its own, so its transitions have a run to point to.
store::Actor operator_run(store::Db& db, const std::string& command, const std::string& now) {
  return store::Actor{command, store::start_run(db, command, now), now};
}

std::string now_text(util::TimePoint now) { return util::format_time(now, "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace

int run_retry(const Config& config, long long file_id, std::ostream& out, std::ostream& err) {
  store::Db db(config.folders.database, store::OpenMode::kReadWrite);
  std::optional<store::FileRecord> file = store::find_file(db, file_id);
  if (!file || file->state != "error" || !util::entry_exists(file->stored_path)) {
    err << "avedi retry: file #" << file_id << " is not a file waiting in error/\n";
    return kExitDataError;
  }
  RunLock lock(config.folders.database + "." + file->job + ".lock");
  if (!lock.held()) {
    err << "avedi retry: " << file->job << " is running; try again when it is done\n";
    return kExitLocked;
  }
  // Looked at again under the lock: a run that ended just before (e.g. --file on this very
  // file) may have taken it out of error/ meanwhile.
  file = store::find_file(db, file_id);
  if (!file || file->state != "error" || !util::entry_exists(file->stored_path)) {
    err << "avedi retry: file #" << file_id << " is not a file waiting in error/\n";
    return kExitDataError;
  }
  std::string target = file->original_folder + "/" + file->original_name;
  if (util::entry_exists(target)) {
    err << "avedi retry: " << target << " already exists; nothing was moved\n";
    return kExitDataError;
  }
  util::TimePoint now = util::now();
  // Moved first: if the record is not updated after a crash, the job still takes the file.
  util::move_durably(file->stored_path, target);
  RealEffects(config.file_mode).remove(file->stored_path + ".reason.txt");
  store::Actor actor = operator_run(db, "avedi retry", now_text(now));
  store::Transaction transaction(db);
  store::FileRecord retried = *file;
  retried.stored_path = target;
  store::set_file_state(db, actor, retried, "retried",
                        "moved back to " + file->original_folder + " by avedi retry");
  store::finish_run(db, actor.run_id, actor.now, kExitOk, {1, 0, 0});
  transaction.commit();
  out << "file #" << file_id << " (" << file->original_name << ") is back in "
      << file->original_folder << "; the next " << file->job << " run takes it\n";
  return kExitOk;
}

int run_resend(const Config& config, long long document_id, std::ostream& out, std::ostream& err) {
  store::Db db(config.folders.database, store::OpenMode::kReadWrite);
  std::optional<store::DocumentRecord> document = store::find_document(db, document_id);
  if (!document) {
    err << "avedi resend: document #" << document_id << " is not a delivered document\n";
    return kExitDataError;
  }
  RunLock lock(config.folders.database + "." + document->job + ".lock");
  if (!lock.held()) {
    err << "avedi resend: " << document->job << " is running; try again when it is done\n";
    return kExitLocked;
  }
  // Read again under the lock: a resend or run holding it may have had it "built" a moment ago.
  document = store::find_document(db, document_id);
  if (!document || document->state != "delivered") {
    err << "avedi resend: document #" << document_id << " is not a delivered document\n";
    return kExitDataError;
  }
  util::TimePoint now = util::now();
  std::shared_ptr<spdlog::logger> log = make_job_logger(
      "avedi", config.folders.log, config.file_mode, LogTarget::kStderrAndFile, false);
  RealEffects effects(config.file_mode);
  // The document's own job's staging folder and identity: its delivery is that job's.
  JobContext context{
      config,
      db,
      *log,
      effects,
      store::Actor{document->job, store::start_run(db, "avedi resend", now_text(now)),
                   now_text(now)},
      now,
      config.folders.work + "/" + document->job,
      config.folders.staging + "/" + document->job};
  {
    store::Transaction transaction(db);
    stage_redelivery(context, *document, "re-sent by the operator (avedi resend)");
    runner::commit_staged(context, transaction);
  }
  int delivered = deliver_staged(context);
  store::finish_run(db, context.actor.run_id, context.actor.now, kExitOk, {0, 0, delivered});
  out << "document #" << document_id << " (" << document->type << " " << document->file_name
      << ") delivered again, same bytes and control numbers\n";
  return kExitOk;
}

}  // namespace runner
