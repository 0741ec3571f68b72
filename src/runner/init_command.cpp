// avedi init.
#include "runner/init_command.h"

#include <sys/stat.h>

#include <filesystem>

#include "runner/config.h"
#include "runner/exit_codes.h"
#include "store/database.h"

namespace runner {

int run_init(const std::string& config_path, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  Config config;
  try {
    config = load_config(config_path, FolderCheck::kSkip);
  } catch (const ConfigError& error) {
    err << "avedi init: " << error.what() << "\n";
    return kExitConfigError;
  }
  const Folders& folders = config.folders;
  try {
    for (const std::string& folder : {folders.work, folders.archive, folders.error, folders.staging,
                                      fs::path(folders.database).parent_path().string(),
                                      fs::path(folders.log).parent_path().string()}) {
      if (fs::create_directories(folder)) out << "created " << folder << "\n";
    }
    store::Db db(folders.database, store::OpenMode::kReadWrite);
    out << "database " << folders.database << " at schema version " << db.schema_version() << "\n";
  } catch (const std::exception& error) {
    err << "avedi init: " << error.what() << "\n";
    return kExitIoError;
  }
  int missing = 0;
  for (const auto& [key, folder] :
       {std::pair{"as2.inbox", folders.as2_inbox}, std::pair{"as2.outbox", folders.as2_outbox},
        std::pair{"tpl.inbox", folders.tpl_inbox}, std::pair{"tpl.outbox", folders.tpl_outbox}}) {
    if (!fs::is_directory(folder)) {
      err << config.path << ": " << key << ": folder " << folder
          << " does not exist (it belongs to the AS2 gateway or the 3PL: create it there)\n";
      ++missing;
    }
  }
  return missing > 0 ? kExitConfigError : kExitOk;
}

}  // namespace runner
