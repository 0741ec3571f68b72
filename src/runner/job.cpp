// The job harness. Order matters: options, then config (nothing touched before it is valid),
// then the lock (so an overlapping cron run leaves at once), then the store and the run row.
#include "runner/job.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "runner/exit_codes.h"
#include "runner/job_logger.h"
#include "runner/job_options.h"
#include "runner/run_lock.h"
#include "store/database.h"
#include "util/file.h"

namespace runner {
namespace {

int exit_code_of(const FileJobResult& result, const JobContext& context) {
  if (result.io_failure || context.delivery_stopped) return kExitIoError;
  return result.rejected > 0 ? kExitDataError : kExitOk;
}

// Overdue documents a run names one by one in the log, per type; the rest are counted (a
// backlog without 997s would otherwise log thousands of lines every few minutes).
constexpr int kOverdueNamed = 20;

// Every run reports the groups we sent that Amazon has not acknowledged within their limit.
int report_overdue(JobContext& context) {
  int overdue = 0;
  for (const auto& [type, hours] : context.config.ack_limit_hours) {
    std::string before =
        util::format_time(context.now - std::chrono::hours(hours), "%Y-%m-%dT%H:%M:%SZ");
    std::vector<store::AwaitedDocument> named =
        store::unacknowledged_documents(context.db, type, before, kOverdueNamed);
    for (const store::AwaitedDocument& document : named) {
      context.log.warn("no 997 from Amazon for {} {} (sent {}, limit {} h)", type,
                       document.file_name, document.delivered_at, hours);
    }
    std::int64_t all = static_cast<int>(named.size()) < kOverdueNamed
                           ? static_cast<std::int64_t>(named.size())
                           : store::count_unacknowledged_documents(context.db, type, before);
    if (all > static_cast<std::int64_t>(named.size())) {
      context.log.warn(
          "no 997 from Amazon for {} more {} document(s) past {} h (avedi status "
          "lists them all)",
          all - static_cast<std::int64_t>(named.size()), type, hours);
    }
    overdue += static_cast<int>(all);
  }
  return overdue;
}

// The exit code of a run that ended with `error` escaping the job.
int exit_code_of_failure(const std::exception& error) {
  if (dynamic_cast<const ConfigError*>(&error) != nullptr) return kExitConfigError;
  if (dynamic_cast<const std::invalid_argument*>(&error) != nullptr) return kExitUsage;
  if (store::is_busy(error)) return kExitLocked;
  return kExitIoError;
}

int run_with(const JobDefinition& job, const JobOptions& options, const Config& config) {
  LogTarget target = options.dry_run ? LogTarget::kStderrOnly : LogTarget::kStderrAndFile;
  std::shared_ptr<spdlog::logger> log =
      make_job_logger(job.name, config.folders.log, config.file_mode, target, options.verbose);
  std::unique_ptr<RunLock> lock;
  if (!options.dry_run) {
    lock = std::make_unique<RunLock>(config.folders.database + "." + job.name + ".lock");
    if (!lock->held()) {
      log->info("another {} run holds the lock; leaving", job.name);
      return kExitLocked;
    }
  }
  store::Db db(config.folders.database,
               options.dry_run ? store::OpenMode::kDryRunSnapshot : store::OpenMode::kReadWrite);
  util::TimePoint now = util::now();
  std::string now_text = util::format_time(now, "%Y-%m-%dT%H:%M:%SZ");
  std::unique_ptr<Effects> effects;
  if (options.dry_run) {
    effects = std::make_unique<DryRunEffects>(std::cout);
  } else {
    effects = std::make_unique<RealEffects>(config.file_mode);
  }
  JobContext context{config,
                     db,
                     *log,
                     *effects,
                     store::Actor{job.name, 0, now_text},
                     now,
                     config.folders.work + "/" + job.name,
                     config.folders.staging + "/" + job.name};
  if (!options.dry_run) {
    std::filesystem::create_directories(context.work);
    std::filesystem::create_directories(context.staging);
  }
  context.actor.run_id = store::start_run(db, job.name, now_text);
  FileJobResult result;
  try {
    result = job.run(context, options.file);
  } catch (const std::exception& error) {
    // The run row gets the exit code the job is about to return, so `avedi status` does not
    // show it as still running. A store that is itself the fault may refuse even that.
    if (!store::is_busy(error)) {
      try {
        store::finish_run(db, context.actor.run_id, now_text, exit_code_of_failure(error), {});
      } catch (const std::exception&) {
      }
    }
    throw;
  }
  int overdue = report_overdue(context);
  int code = exit_code_of(result, context);
  store::finish_run(db, context.actor.run_id, now_text, code,
                    {result.archived + result.duplicates, result.rejected, result.documents});
  log->info(
      "{}run done: {} processed, {} duplicate, {} rejected, {} document(s) delivered, "
      "{} awaiting an overdue 997; exit {}",
      options.dry_run ? "dry " : "", result.archived, result.duplicates, result.rejected,
      result.documents, overdue, code);
  if (options.dry_run) {
    std::cout << "state changes this run would record:\n";
    for (const std::string& line : store::describe_run_transitions(db, context.actor.run_id)) {
      std::cout << "  " << line << "\n";
    }
  }
  return code;
}

}  // namespace

std::function<FileJobResult(JobContext&, const std::optional<std::string>&)> file_job(
    std::function<FileJobSpec(const Config&)> spec,
    std::function<std::unique_ptr<FileHandler>()> make_handler) {
  return [spec, make_handler](JobContext& context, const std::optional<std::string>& file) {
    std::unique_ptr<FileHandler> handler = make_handler();
    return run_file_job(context, spec(context.config), *handler, file);
  };
}

int run_job(int argc, char** argv, const JobDefinition& job) {
  int exit_code = kExitOk;
  std::optional<JobOptions> options = parse_job_options(
      argc, argv, job.name, job.description,
      job.takes_file ? FileOption::kAccepted : FileOption::kNotAccepted, exit_code);
  if (!options) return exit_code;
  Config config;
  try {
    config = load_config(options->config_path, FolderCheck::kRequireExisting);
  } catch (const ConfigError& error) {
    std::cerr << job.name << ": " << error.what() << "\n";
    return kExitConfigError;
  }
  try {
    return run_with(job, *options, config);
  } catch (const std::exception& error) {
    // A file the config names (the catalog) is bad: 78. A malformed AVEDI_NOW: 64. The store
    // held by another process (a long sqlite3 session, a backup): 75, what this run had not
    // committed is left as it was. The store, a folder or the disk failed: 74, whatever was
    // committed stays valid and the rest is retried by the next run.
    if (store::is_busy(error)) {
      std::cerr << fmt::format(
          "{}: database {} is locked by another process (waited {} s); nothing uncommitted "
          "was changed, the next run retries\n",
          job.name, config.folders.database, store::kBusyTimeoutSeconds);
    } else {
      std::cerr << job.name << ": " << error.what() << "\n";
    }
    return exit_code_of_failure(error);
  }
}

}  // namespace runner
