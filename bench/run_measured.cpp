// avedi-bench-run OUT ERR PROGRAM [ARGS...]: runs PROGRAM once with its stdout in OUT and its
// stderr in ERR, and prints "EXIT_CODE WALL_SECONDS PEAK_RSS_KB" of that one run.
//
// Why not Python: bench/run.py used to fork itself for this. On this VM a fork of the Python
// interpreter costs 8-10 ms (copying its page tables), and that counted as the job's own time:
// /bin/true measured 12 ms, an empty avedi run 30 ms where perf stat saw 20. Forking this small
// program costs a fraction of a millisecond. The child's peak RSS (wait4) starts from the
// parent's at fork, which is a few hundred kB here instead of Python's 10 MB.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace {

constexpr int kUsage = 64;
constexpr int kCannotRun = 127;

int open_for_output(const char* path) {
  return ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: avedi-bench-run OUT ERR PROGRAM [ARGS...]\n");
    return kUsage;
  }
  // Opened before the clock starts: the files are the harness's, not the job's.
  int out = open_for_output(argv[1]);
  int err = open_for_output(argv[2]);
  if (out < 0 || err < 0) {
    std::perror("avedi-bench-run: opening the output files");
    return kCannotRun;
  }
  auto start = std::chrono::steady_clock::now();
  pid_t child = ::fork();
  if (child < 0) {
    std::perror("avedi-bench-run: fork");
    return kCannotRun;
  }
  if (child == 0) {
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execv(argv[3], argv + 3);
    std::perror("avedi-bench-run: exec");
    ::_exit(kCannotRun);
  }
  int status = 0;
  struct rusage usage {};
  if (::wait4(child, &status, 0, &usage) < 0) {
    std::perror("avedi-bench-run: wait4");
    return kCannotRun;
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf("%d %.6f %ld\n", code, wall, usage.ru_maxrss);
  return 0;
}
