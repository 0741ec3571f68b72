// Job fixture: fork/exec of the real binaries, so the tests see exactly what cron would.
#include "job_fixture.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "store/query_text.h"
#include "x12/writer.h"

extern char** environ;

namespace testing_jobs {

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

JobTree::JobTree() {
  char pattern[] = "/tmp/avedi-test-XXXXXX";
  root_ = ::mkdtemp(pattern);
  for (const char* folder : {"config", "as2/inbox", "as2/outbox", "3pl/inbox", "3pl/outbox", "work",
                             "archive", "error", "staging", "log"}) {
    fs::create_directories(root_ / folder);
  }
  std::ofstream(config()) << "as2: {inbox: ../as2/inbox, outbox: ../as2/outbox}\n"
                             "tpl: {inbox: ../3pl/inbox, outbox: ../3pl/outbox}\n"
                             "work: ../work\n"
                             "archive: ../archive\n"
                             "error: ../error\n"
                             "staging: ../staging\n"
                             "database: ../avedi.db\n"
                             "log: ../log/avedi.log\n"
                             "partners:\n"
                             "  ours: {isa_qualifier: ZZ, isa_id: VENDORID, gs_id: VENDORID}\n"
                             "  amazon: {isa_qualifier: ZZ, isa_id: AMAZON, gs_id: AMAZON}\n"
                             "usage: T\n"
                             "vendors: [{code: VEND01, freight_terms: collect}]\n"
                             "catalog: catalog.csv\n"
                             "shipping: {gs1_company_prefix: \"0614141\", ship_from_name: "
                             "3PL EAST}\n"
                             "invoicing: {number_prefix: INV, remit_to: {name: VENDOR INC, "
                             "qualifier: \"92\", id: VEND01}}\n"
                             "intake: {min_age_seconds: 0, max_incomplete_seconds: 3600}\n";
}

JobTree::~JobTree() {
  // For the independent parser check (tests/independent/run.sh): every X12 file a job wrote.
  if (const char* folder = std::getenv("AVEDI_EXPORT_DIR"); folder != nullptr) {
    std::error_code ignored_copy;
    for (const auto& entry : fs::directory_iterator(outbox(), ignored_copy)) {
      if (entry.path().extension() != ".edi") continue;
      fs::copy_file(
          entry.path(),
          fs::path(folder) / (root_.filename().string() + "-" + entry.path().filename().string()),
          ignored_copy);
    }
  }
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

void JobTree::edit_config(const std::string& from, const std::string& to) {
  std::string text = read_all(config());
  std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("config has no " + from);
  text.replace(at, from.size(), to);
  std::ofstream(config(), std::ios::trunc) << text;
}

void JobTree::drop(const std::string& name, const std::string& content) {
  std::ofstream(inbox() / name, std::ios::binary) << content;
  // Jobs take files oldest first; distinct, increasing times make the order the drop order
  // whatever the file system's timestamp granularity.
  fs::last_write_time(inbox() / name,
                      fs::file_time_type::clock::now() - std::chrono::seconds(1000 - drops_++));
}

void JobTree::copy_from(const JobTree& other) {
  for (const auto& entry : fs::directory_iterator(root_)) fs::remove_all(entry.path());
  for (const auto& entry : fs::directory_iterator(other.root())) {
    fs::copy(entry.path(), root_ / entry.path().filename(), fs::copy_options::recursive);
  }
}

void JobTree::write_config_file(const std::string& name, const std::string& content) const {
  std::ofstream(root_ / "config" / name, std::ios::binary) << content;
}

void JobTree::drop_3pl(const std::string& name, const std::string& content) {
  std::ofstream(tpl_inbox() / name, std::ios::binary) << content;
  fs::last_write_time(tpl_inbox() / name,
                      fs::file_time_type::clock::now() - std::chrono::seconds(1000 - drops_++));
}

RunResult JobTree::run_avedi(const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& env) const {
  std::vector<std::string> with_config = args;
  with_config.push_back("--config");
  with_config.push_back(config().string());
  return run("avedi", with_config, env, 0, JobTree::ConfigArgument::kGiven);
}

RunResult JobTree::run(const std::string& job, const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env, long kill_after_us,
                       ConfigArgument config_argument) const {
  return run_process(job, args, env, kill_after_us, config_argument, RunLimits{});
}

RunResult JobTree::run_limited(const std::string& job, const RunLimits& limits,
                               const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env) const {
  return run_process(job, args, env, 0, ConfigArgument::kAdd, limits);
}

RunResult JobTree::run_process(const std::string& job, const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env, long kill_after_us,
                               ConfigArgument config_argument, const RunLimits& limits) const {
  std::string binary = std::string(AVEDI_BINARY_DIR) + "/" + job;
  fs::path output_path = root_ / ("run-output-" + std::to_string(::getpid()) + ".txt");
  std::vector<std::string> argv_text{binary};
  if (config_argument == ConfigArgument::kAdd) {
    argv_text.push_back("--config");
    argv_text.push_back(config().string());
  }
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<std::string> env_text;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string item = *entry;
    std::string key = item.substr(0, item.find('='));
    if (env.count(key) == 0 && key != "AVEDI_NOW" && key != "AVEDI_CRASH_AT" &&
        key != "AVEDI_CONFIG") {
      env_text.push_back(item);
    }
  }
  for (const auto& [key, value] : env) env_text.push_back(key + "=" + value);
  std::vector<char*> argv_c;
  for (std::string& item : argv_text) argv_c.push_back(item.data());
  argv_c.push_back(nullptr);
  std::vector<char*> env_c;
  for (std::string& item : env_text) env_c.push_back(item.data());
  env_c.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    if (limits.address_space_bytes > 0 && kAddressSpaceLimitWorks) {
      struct rlimit limit;
      limit.rlim_cur = limits.address_space_bytes;
      limit.rlim_max = limits.address_space_bytes;
      if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(126);
    }
    if (limits.umask >= 0) ::umask(static_cast<mode_t>(limits.umask));
    ::execve(binary.c_str(), argv_c.data(), env_c.data());
    ::_exit(127);
  }
  if (kill_after_us > 0) {
    std::this_thread::sleep_for(std::chrono::microseconds(kill_after_us));
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  RunResult result;
  if (limits.timeout_seconds > 0) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.timeout_seconds);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        result.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  } else {
    ::waitpid(pid, &status, 0);
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  result.output = read_all(output_path);
  fs::remove(output_path);
  return result;
}

std::map<std::string, std::string> JobTree::files_under(const fs::path& folder) const {
  std::map<std::string, std::string> files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_symlink()) {
      files[fs::relative(entry.path(), folder).string()] = "-> " + fs::read_symlink(entry).string();
    } else if (entry.is_regular_file()) {
      // Big files (the 1 GiB sparse test file) are described, not loaded.
      std::uintmax_t size = entry.file_size();
      files[fs::relative(entry.path(), folder).string()] =
          size > (1u << 20) ? "<" + std::to_string(size) + " bytes>" : read_all(entry.path());
    } else if (!entry.is_directory()) {
      files[fs::relative(entry.path(), folder).string()] = "<not a regular file>";
    }
  }
  return files;
}

std::string query_text(const JobTree& tree, const std::string& sql) {
  SQLite::Database db(tree.database().string(), SQLite::OPEN_READONLY);
  return testing_store::query_text(db, sql);
}

long count(const JobTree& tree, const std::string& sql) {
  SQLite::Database db(tree.database().string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

void execute(const JobTree& tree, const std::string& sql) {
  SQLite::Database db(tree.database().string(), SQLite::OPEN_READWRITE);
  db.exec(sql);
}

std::string amazon_850(int control, int orders) {
  x12::InterchangeHeader isa;
  isa.sender_qualifier = "ZZ";
  isa.sender_id = "AMAZON";
  isa.receiver_qualifier = "ZZ";
  isa.receiver_id = "VENDORID";
  isa.date = "261120";
  isa.time = "0830";
  isa.control = std::to_string(control);
  isa.usage = 'T';
  x12::WriteOptions options;
  options.line_break = x12::LineBreak::kAfterSegment;
  x12::InterchangeWriter writer(isa, options);
  writer.begin_group(
      {"PO", "AMAZON", "VENDORID", "20261120", "0830", std::to_string(control), "004010"});
  for (int order = 1; order <= orders; ++order) {
    std::string st = std::to_string(order);
    writer.begin_set("850", std::string(4 - std::min<std::size_t>(4, st.size()), '0') + st);
    writer.add(x12::SegmentBuilder("BEG")
                   .add("00")
                   .add("NE")
                   .add("PO" + std::to_string(control) + "X" + std::to_string(order))
                   .add("")
                   .add("20261120"));
    writer.add(x12::SegmentBuilder("REF").add("CR").add("VEND01"));
    writer.add(x12::SegmentBuilder("FOB").add("CC"));
    writer.add(x12::SegmentBuilder("CSH").add("Y"));
    writer.add(x12::SegmentBuilder("DTM").add("064").add("20261201"));
    writer.add(x12::SegmentBuilder("DTM").add("063").add("20261208"));
    writer.add(x12::SegmentBuilder("N1").add("ST").add("").add("92").add("ABE8"));
    writer.add(
        x12::SegmentBuilder("PO1").add("1").add("10").add("EA").add("12.5").add("PE").add("BP").add(
            "B0EXAMPLE1"));
    writer.add(x12::SegmentBuilder("CTT").add("1").add("10"));
    writer.end_set();
  }
  writer.end_group();
  return writer.finish();
}

}  // namespace testing_jobs
