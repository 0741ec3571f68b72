// One run at a time per job: an exclusive flock on <database>.<job>.lock, released by the
// kernel when the process ends however it ends (kill -9 included).
#pragma once

#include <string>

namespace runner {

class RunLock {
 public:
  // Tries to take the lock without waiting; held() says whether it was taken.
  // Throws util::IoError when the lock file cannot be opened.
  explicit RunLock(const std::string& path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  bool held() const { return held_; }

 private:
  int fd_ = -1;
  bool held_ = false;
};

}  // namespace runner
