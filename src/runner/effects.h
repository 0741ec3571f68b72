// The file-system side effects of a job, behind one seam: the real ones (durable writes and
// renames) and the dry-run ones, which only describe what would happen. Everything a job does
// to a folder goes through here, so --dry-run cannot touch a folder by accident.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <string_view>

namespace runner {

class Effects {
 public:
  virtual ~Effects() = default;
  // Moves `from` to `to` (never overwriting), creating `to`'s folder when missing.
  virtual void move(const std::string& from, const std::string& to) = 0;
  // Writes `content` to `path` durably (fsync), creating or truncating it.
  virtual void write(const std::string& path, std::string_view content) = 0;
  // Removes `path` if it exists.
  virtual void remove(const std::string& path) = 0;
  virtual bool dry_run() const = 0;

  // Batched versions of write() and move() for many documents at once: the file is written
  // (moved) at once but durable only after the next sync_pending(), which costs one syncfs
  // and one fsync per folder however many files were pending. Nothing that relies on such a
  // file may be committed before sync_pending() returns.
  virtual void write_pending(const std::string& path, std::string_view content) {
    write(path, content);
  }
  virtual void move_pending(const std::string& from, const std::string& to) { move(from, to); }
  virtual void sync_pending() {}
};

class RealEffects : public Effects {
 public:
  explicit RealEffects(unsigned file_mode) : file_mode_(file_mode) {}
  void move(const std::string& from, const std::string& to) override;
  void write(const std::string& path, std::string_view content) override;
  void remove(const std::string& path) override;
  bool dry_run() const override { return false; }
  void write_pending(const std::string& path, std::string_view content) override;
  void move_pending(const std::string& from, const std::string& to) override;
  void sync_pending() override;

 private:
  unsigned file_mode_;
  std::set<std::string> pending_folders_;  // folders with unsynced entries
  bool pending_files_ = false;             // some written file is not on disk yet
};

// Prints "would ..." lines to `out` instead of acting.
class DryRunEffects : public Effects {
 public:
  explicit DryRunEffects(std::ostream& out) : out_(out) {}
  void move(const std::string& from, const std::string& to) override;
  void write(const std::string& path, std::string_view content) override;
  void remove(const std::string& path) override;
  bool dry_run() const override { return true; }

 private:
  std::ostream& out_;
};

}  // namespace runner
