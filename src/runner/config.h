// avedi's configuration: read once per run from YAML into a plain struct, validated before
// anything is touched. Relative paths resolve against the config file's folder.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace runner {

// Thrown for an invalid configuration; what() is "<file>: <key>: <reason>". Exit code 78.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One side of the interchange envelope.
struct Party {
  std::string isa_qualifier;  // ISA05/ISA07, e.g. ZZ
  std::string isa_id;         // ISA06/ISA08, at most 15 characters
  std::string gs_id;          // GS02/GS03, at most 15 characters (may differ from isa_id)
};

struct Folders {
  std::string as2_inbox;   // where the AS2 gateway drops what Amazon sends
  std::string as2_outbox;  // where the AS2 gateway picks up what we send
  std::string tpl_inbox;   // CSV files from the 3PL
  std::string tpl_outbox;  // CSV files for the 3PL
  std::string work;        // claimed files while a job processes them
  std::string archive;     // processed inbound files, archive/YYYY/MM/DD/
  std::string error;       // rejected inbound files, each with <name>.reason.txt
  std::string staging;     // outbound files before their atomic rename into an outbox
  std::string database;    // the SQLite file
  std::string log;         // the log file
};

struct Intake {
  int min_age_seconds = 10;           // a younger file may still be being written
  int max_incomplete_seconds = 3600;  // an X12 file without IEA this old goes to error
  std::uint64_t max_file_bytes = 64ull * 1024 * 1024;  // larger files are refused unread
};

enum class FreightTerms { kCollect, kPrepaid };

// One of our vendor codes at Amazon (REF*CR of the 850) and how its freight is paid.
struct Vendor {
  std::string code;
  FreightTerms freight_terms = FreightTerms::kCollect;  // collect: Amazon routes (753/754, ARN)
};

struct Acknowledge {
  int deadline_hours = 24;       // Amazon expects the 855 this long after the 850 arrived
  int warn_hours = 4;            // runs log every PO this close to its deadline
  int ship_lead_days = 2;        // ACK*IA ship date: today + this
  int backorder_lead_days = 14;  // ACK*IB ship date: today + this
};

struct Shipping {
  std::string gs1_company_prefix;    // 7-10 digits: the SSCCs avedi issues for unlabelled cartons
  int sscc_extension = 0;            // SSCC extension digit 0-9
  std::string ship_from_name;        // N102 of the ship-from party in the 753 and 856
  std::string arn_qualifier = "BX";  // REF01 carrying the ARN in the 856 [unconfirmed]
};

struct Invoicing {
  std::string number_prefix = "INV";  // invoice numbers: prefix + sequence
  std::string terms_type = "01";      // ITD01 (01 basic)
  int net_days = 30;                  // ITD07
  std::string remit_to_name;          // N1*RI
  std::string remit_to_qualifier;     // N103
  std::string remit_to_id;            // N104
};

struct Config {
  std::string path;  // the config file itself
  Folders folders;
  Party ours;
  Party amazon;
  char usage = 'T';  // ISA15 of what we send: T test, P production
  std::vector<Vendor> vendors;
  std::string catalog;  // config/catalog.csv: Amazon product ids -> our SKUs
  Intake intake;
  Acknowledge acknowledge;
  Shipping shipping;
  Invoicing invoicing;
  // Hours after which a group we sent without Amazon's 997 is overdue, per document type.
  std::map<std::string, int> ack_limit_hours{{"855", 24}, {"753", 24}, {"856", 4}, {"810", 24}};
  unsigned file_mode = 0640;  // mode of every file avedi writes
};

// The vendor codes of `config`, for checking an 850's REF*CR.
std::vector<std::string> vendor_codes(const Config& config);
// The vendor with `code`, or nullptr.
const Vendor* find_vendor(const Config& config, const std::string& code);

// The config path: `option` if given, else $AVEDI_CONFIG, else config/avedi.yaml.
std::string config_path(const std::string& option);

// Reads and validates the config. `check_folders` also requires every folder to exist (the
// jobs); `avedi init` passes false and creates avedi's own folders. Throws ConfigError.
enum class FolderCheck { kRequireExisting, kSkip };
Config load_config(const std::string& path, FolderCheck check_folders);

}  // namespace runner
