// Real and dry-run side effects.
#include "runner/effects.h"

#include <filesystem>

#include "util/durable_file.h"

namespace runner {

void RealEffects::move(const std::string& from, const std::string& to) {
  std::filesystem::path folder = std::filesystem::path(to).parent_path();
  if (!folder.empty() && !std::filesystem::exists(folder)) {
    std::filesystem::create_directories(folder);
    util::sync_directory(folder.parent_path().string());
  }
  util::move_durably(from, to);
}

void RealEffects::write(const std::string& path, std::string_view content) {
  util::write_durably(path, content, file_mode_);
}

void RealEffects::write_pending(const std::string& path, std::string_view content) {
  util::write_unsynced(path, content, file_mode_);
  pending_folders_.insert(std::filesystem::path(path).parent_path().string());
  pending_files_ = true;
}

void RealEffects::move_pending(const std::string& from, const std::string& to) {
  util::move_unsynced(from, to);
  pending_folders_.insert(std::filesystem::path(from).parent_path().string());
  pending_folders_.insert(std::filesystem::path(to).parent_path().string());
}

void RealEffects::sync_pending() {
  if (pending_folders_.empty()) return;
  // One syncfs writes every pending file's data and inode; then each folder's entries.
  if (pending_files_) util::sync_filesystem(*pending_folders_.begin());
  for (const std::string& folder : pending_folders_) util::sync_directory(folder);
  pending_folders_.clear();
  pending_files_ = false;
}

void RealEffects::remove(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

void DryRunEffects::move(const std::string& from, const std::string& to) {
  out_ << "would move " << from << " -> " << to << "\n";
}

void DryRunEffects::write(const std::string& path, std::string_view content) {
  out_ << "would write " << path << " (" << content.size() << " bytes):\n" << content;
  if (!content.empty() && content.back() != '\n') out_ << "\n";
}

void DryRunEffects::remove(const std::string& path) { out_ << "would remove " << path << "\n"; }

}  // namespace runner
