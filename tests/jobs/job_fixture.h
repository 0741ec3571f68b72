// A scratch avedi installation for end-to-end tests of the real job executables: a temp folder
// with every configured folder, a config, helpers to run a job (optionally killed), and
// snapshots of folders to compare before and after.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace testing_jobs {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;      // -1 when killed by a signal
  int signal = 0;          // the signal that ended it, 0 when it exited
  bool timed_out = false;  // killed because it ran past RunLimits::timeout_seconds
  std::string output;      // stdout and stderr together
};

// What a hostile-input run is confined to.
struct RunLimits {
  // setrlimit(RLIMIT_AS) of the job: bad input must not make it allocate without bound.
  // Not applied when built with AddressSanitizer (see kAddressSpaceLimitWorks).
  std::uint64_t address_space_bytes = 0;
  int timeout_seconds = 0;  // SIGKILL after this long (a FIFO must never block a run)
  int umask = -1;           // the job's umask, -1 to inherit
};

// False under AddressSanitizer: its shadow memory reserves terabytes of address space, so an
// RLIMIT_AS of any useful size makes every ASan binary fail at start. The job binaries are
// built with the same flags as this test binary, so its own build tells. The ASan suite still
// runs the corpus (every other check holds); only the memory bound is not enforced there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSpaceLimitWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSpaceLimitWorks = false;
#else
inline constexpr bool kAddressSpaceLimitWorks = true;
#endif
#else
inline constexpr bool kAddressSpaceLimitWorks = true;
#endif

class JobTree {
 public:
  JobTree();  // creates the folders and config/avedi.yaml (min_age_seconds 0)
  ~JobTree();
  JobTree(const JobTree&) = delete;
  JobTree& operator=(const JobTree&) = delete;

  const fs::path& root() const { return root_; }
  fs::path config() const { return root_ / "config" / "avedi.yaml"; }
  fs::path inbox() const { return root_ / "as2" / "inbox"; }
  fs::path outbox() const { return root_ / "as2" / "outbox"; }
  fs::path archive() const { return root_ / "archive"; }
  fs::path error() const { return root_ / "error"; }
  fs::path database() const { return root_ / "avedi.db"; }
  fs::path tpl_inbox() const { return root_ / "3pl" / "inbox"; }
  fs::path tpl_outbox() const { return root_ / "3pl" / "outbox"; }

  // Replaces this tree's folders, config and database with a copy of `other`'s (its config
  // names folders relative to itself, so the copy works in place). For tests that start many
  // cases from one prepared state.
  void copy_from(const JobTree& other);

  // Writes config/<name> (e.g. the catalog).
  void write_config_file(const std::string& name, const std::string& content) const;
  // Writes `content` to the 3PL inbox, dated after every earlier drop.
  void drop_3pl(const std::string& name, const std::string& content);

  // Rewrites the config with `key: value` lines replaced (e.g. {"isa_id: AMAZON", ...}).
  void edit_config(const std::string& from, const std::string& to);
  // Writes `content` to inbox()/name, dated after every earlier drop.
  void drop(const std::string& name, const std::string& content);

  // Runs build/<job> with --config and `args`; `env` entries are added to the environment.
  // `kill_after_us` > 0 sends SIGKILL that many microseconds after the start.
  // `config_argument` kGiven: `args` already name the config (the operator command).
  enum class ConfigArgument { kAdd, kGiven };
  RunResult run(const std::string& job, const std::vector<std::string>& args = {},
                const std::map<std::string, std::string>& env = {}, long kill_after_us = 0,
                ConfigArgument config_argument = ConfigArgument::kAdd) const;

  // run() under `limits` (memory, time, umask).
  RunResult run_limited(const std::string& job, const RunLimits& limits,
                        const std::vector<std::string>& args = {},
                        const std::map<std::string, std::string>& env = {}) const;

  // Runs `avedi <args...> --config <this tree's config>`.
  RunResult run_avedi(const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env = {}) const;

  // Every entry under `folder` (relative path -> content; files over 1 MiB as "<N bytes>",
  // symlinks as "-> target", other kinds as "<not a regular file>").
  std::map<std::string, std::string> files_under(const fs::path& folder) const;

 private:
  RunResult run_process(const std::string& job, const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env, long kill_after_us,
                        ConfigArgument config_argument, const RunLimits& limits) const;

  fs::path root_;
  int drops_ = 0;
};

// Rows of `sql` on the tree's database, columns joined by '|', one line per row.
std::string query_text(const JobTree& tree, const std::string& sql);
// The single number `sql` returns.
long count(const JobTree& tree, const std::string& sql);
// Runs `sql` on the tree's database: a store changed behind the jobs' backs.
void execute(const JobTree& tree, const std::string& sql);

// The fixed clock of the golden runs.
inline const std::map<std::string, std::string> kFixedNow = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};

// An Amazon 850 interchange with ISA13/GS06 `control` and `orders` purchase orders.
std::string amazon_850(int control, int orders = 1);

}  // namespace testing_jobs
