// YAML -> Config. Every key is looked up by its dotted path so an error names it exactly.
#include "runner/config.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

namespace runner {
namespace {

namespace fs = std::filesystem;

class Reader {
 public:
  Reader(const std::string& path, YAML::Node root) : path_(path), root_(std::move(root)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& reason) const {
    throw ConfigError(fmt::format("{}: {}: {}", path_, key, reason));
  }

  // The node at dotted `key`, or nullopt when any part of the path is missing.
  std::optional<YAML::Node> find(const std::string& key) const {
    const YAML::Node* current = &root_;
    YAML::Node holder;
    std::size_t start = 0;
    while (true) {
      std::size_t dot = key.find('.', start);
      std::string part =
          key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (!current->IsMap()) return std::nullopt;
      const YAML::Node& parent = *current;
      YAML::Node child = parent[part];  // const access: never inserts
      if (!child.IsDefined() || child.IsNull()) return std::nullopt;
      holder.reset(child);
      current = &holder;
      if (dot == std::string::npos) return holder;
      start = dot + 1;
    }
  }

  std::string text(const std::string& key, std::size_t max_length = 255) const {
    std::optional<YAML::Node> node = find(key);
    if (!node) fail(key, "missing");
    if (!node->IsScalar()) fail(key, "must be a single value");
    std::string value = node->as<std::string>();
    if (value.empty()) fail(key, "must not be empty");
    if (value.size() > max_length) {
      fail(key, fmt::format("\"{}\" is longer than {} characters", value, max_length));
    }
    return value;
  }

  long number(const std::string& key, long fallback, long min, long max) const {
    std::optional<YAML::Node> node = find(key);
    if (!node) return fallback;
    long value = 0;
    try {
      value = node->as<long>();
    } catch (const YAML::Exception&) {
      fail(key, fmt::format("\"{}\" is not a whole number", node->Scalar()));
    }
    if (value < min || value > max) fail(key, fmt::format("{} is not in {}..{}", value, min, max));
    return value;
  }

  std::string folder(const std::string& key) const {
    fs::path value(text(key, 4096));
    // Absolute, so the paths recorded in the store mean the same from any working folder.
    if (value.is_relative()) value = fs::absolute(path_).parent_path() / value;
    std::string normal = value.lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal;
  }

 private:
  std::string path_;
  YAML::Node root_;
};

// X12 identifiers go into fixed-width ISA fields and GS elements: printable ASCII only, and
// none of the delimiters avedi writes with.
void check_identifier(const Reader& reader, const std::string& key, const std::string& value) {
  for (char c : value) {
    if (c < 0x20 || c > 0x7E || c == '*' || c == '~' || c == '>' || c == '^') {
      reader.fail(key, fmt::format("\"{}\" may only hold printable ASCII without * ~ > ^", value));
    }
  }
}

Party read_party(const Reader& reader, const std::string& prefix) {
  Party party;
  party.isa_qualifier = reader.text(prefix + ".isa_qualifier", 2);
  if (party.isa_qualifier.size() != 2)
    reader.fail(prefix + ".isa_qualifier", "must be 2 characters");
  party.isa_id = reader.text(prefix + ".isa_id", 15);
  party.gs_id = reader.find(prefix + ".gs_id") ? reader.text(prefix + ".gs_id", 15) : party.isa_id;
  if (party.gs_id.size() < 2) reader.fail(prefix + ".gs_id", "must be 2-15 characters");
  check_identifier(reader, prefix + ".isa_qualifier", party.isa_qualifier);
  check_identifier(reader, prefix + ".isa_id", party.isa_id);
  check_identifier(reader, prefix + ".gs_id", party.gs_id);
  return party;
}

// Every key avedi reads; anything else is a typo that would silently fall back to a default.
const std::set<std::string> kKnownKeys = {"as2",
                                          "as2.inbox",
                                          "as2.outbox",
                                          "tpl",
                                          "tpl.inbox",
                                          "tpl.outbox",
                                          "work",
                                          "archive",
                                          "error",
                                          "staging",
                                          "database",
                                          "log",
                                          "partners",
                                          "partners.ours",
                                          "partners.ours.isa_qualifier",
                                          "partners.ours.isa_id",
                                          "partners.ours.gs_id",
                                          "partners.amazon",
                                          "partners.amazon.isa_qualifier",
                                          "partners.amazon.isa_id",
                                          "partners.amazon.gs_id",
                                          "usage",
                                          "vendors",
                                          "vendors[].code",
                                          "vendors[].freight_terms",
                                          "catalog",
                                          "acknowledge",
                                          "acknowledge.deadline_hours",
                                          "acknowledge.warn_hours",
                                          "acknowledge.ship_lead_days",
                                          "acknowledge.backorder_lead_days",
                                          "shipping",
                                          "shipping.gs1_company_prefix",
                                          "shipping.sscc_extension",
                                          "shipping.ship_from_name",
                                          "shipping.arn_qualifier",
                                          "invoicing",
                                          "invoicing.number_prefix",
                                          "invoicing.terms_type",
                                          "invoicing.net_days",
                                          "invoicing.remit_to",
                                          "invoicing.remit_to.name",
                                          "invoicing.remit_to.qualifier",
                                          "invoicing.remit_to.id",
                                          "ack_limit_hours",
                                          "ack_limit_hours.855",
                                          "ack_limit_hours.753",
                                          "ack_limit_hours.856",
                                          "ack_limit_hours.810",
                                          "intake",
                                          "intake.min_age_seconds",
                                          "intake.max_incomplete_seconds",
                                          "intake.max_file_bytes",
                                          "file_mode"};

void check_keys(const Reader& reader, const YAML::Node& node, const std::string& prefix) {
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) check_keys(reader, item, prefix + "[]");
    return;
  }
  if (!node.IsMap()) return;
  for (const auto& entry : node) {
    std::string key = entry.first.as<std::string>();
    std::string path = prefix.empty() ? key : prefix + "." + key;
    if (kKnownKeys.count(path) == 0) reader.fail(path, "unknown key (a typo?)");
    check_keys(reader, entry.second, path);
  }
}

// Renames between these folders must be atomic, which only holds on one filesystem.
void require_same_filesystem(const Reader& reader, const std::string& key_a,
                             const std::string& folder_a, const std::string& key_b,
                             const std::string& folder_b) {
  struct stat a, b;
  if (::stat(folder_a.c_str(), &a) != 0 || ::stat(folder_b.c_str(), &b) != 0) return;
  if (a.st_dev != b.st_dev) {
    reader.fail(key_a, fmt::format("{} and {} ({}) are on different filesystems; a rename "
                                   "between them would not be atomic",
                                   folder_a, key_b, folder_b));
  }
}

void require_folder(const Reader& reader, const std::string& key, const std::string& folder) {
  struct stat info;
  if (::stat(folder.c_str(), &info) != 0) {
    reader.fail(key, "folder does not exist (avedi init creates avedi's own folders)");
  }
  if (!S_ISDIR(info.st_mode)) reader.fail(key, "is not a folder");
}

}  // namespace

std::vector<std::string> vendor_codes(const Config& config) {
  std::vector<std::string> codes;
  for (const Vendor& vendor : config.vendors) codes.push_back(vendor.code);
  return codes;
}

const Vendor* find_vendor(const Config& config, const std::string& code) {
  for (const Vendor& vendor : config.vendors) {
    if (vendor.code == code) return &vendor;
  }
  return nullptr;
}

std::string config_path(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("AVEDI_CONFIG"); env != nullptr && *env != '\0') return env;
  return "config/avedi.yaml";
}

Config load_config(const std::string& path, FolderCheck check_folders) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw ConfigError(path + ": cannot read the config file");
  } catch (const YAML::Exception& error) {
    throw ConfigError(fmt::format("{}: line {}: {}", path, error.mark.line + 1, error.msg));
  }
  if (!root.IsMap()) throw ConfigError(path + ": must be a YAML mapping of keys");
  Reader reader(path, root);
  check_keys(reader, root, "");
  Config config;
  config.path = path;
  Folders& folders = config.folders;
  folders.as2_inbox = reader.folder("as2.inbox");
  folders.as2_outbox = reader.folder("as2.outbox");
  folders.tpl_inbox = reader.folder("tpl.inbox");
  folders.tpl_outbox = reader.folder("tpl.outbox");
  folders.work = reader.folder("work");
  folders.archive = reader.folder("archive");
  folders.error = reader.folder("error");
  folders.staging = reader.folder("staging");
  folders.database = reader.folder("database");
  folders.log = reader.folder("log");
  config.ours = read_party(reader, "partners.ours");
  config.amazon = read_party(reader, "partners.amazon");
  std::string usage = reader.text("usage", 1);
  if (usage != "T" && usage != "P") reader.fail("usage", "must be T (test) or P (production)");
  config.usage = usage[0];
  std::optional<YAML::Node> found_vendors = reader.find("vendors");
  if (!found_vendors || !found_vendors->IsSequence() || found_vendors->size() == 0) {
    reader.fail("vendors", "must be a list of at least one vendor (code, freight_terms)");
  }
  for (std::size_t i = 0; i < found_vendors->size(); ++i) {
    std::string key = fmt::format("vendors[{}]", i);
    const YAML::Node& item = (*found_vendors)[i];
    if (!item.IsMap() || !item["code"] || !item["code"].IsScalar()) {
      reader.fail(key, "must have a code (our vendor code in Amazon's REF*CR)");
    }
    Vendor vendor;
    vendor.code = item["code"].as<std::string>();
    if (vendor.code.empty() || vendor.code.size() > 30) {
      reader.fail(key + ".code", "must be 1-30 characters");
    }
    std::string terms = item["freight_terms"] && item["freight_terms"].IsScalar()
                            ? item["freight_terms"].as<std::string>()
                            : "";
    if (terms == "collect") {
      vendor.freight_terms = FreightTerms::kCollect;
    } else if (terms == "prepaid") {
      vendor.freight_terms = FreightTerms::kPrepaid;
    } else {
      reader.fail(key + ".freight_terms", "must be collect or prepaid");
    }
    config.vendors.push_back(vendor);
  }
  config.catalog = reader.folder("catalog");
  config.acknowledge.deadline_hours =
      static_cast<int>(reader.number("acknowledge.deadline_hours", 24, 1, 24 * 14));
  config.acknowledge.warn_hours =
      static_cast<int>(reader.number("acknowledge.warn_hours", 4, 0, 24 * 14));
  config.acknowledge.ship_lead_days =
      static_cast<int>(reader.number("acknowledge.ship_lead_days", 2, 0, 365));
  config.acknowledge.backorder_lead_days =
      static_cast<int>(reader.number("acknowledge.backorder_lead_days", 14, 1, 365));
  if (reader.find("shipping")) {
    Shipping& shipping = config.shipping;
    shipping.gs1_company_prefix = reader.text("shipping.gs1_company_prefix", 10);
    if (shipping.gs1_company_prefix.size() < 7 ||
        shipping.gs1_company_prefix.find_first_not_of("0123456789") != std::string::npos) {
      reader.fail("shipping.gs1_company_prefix", "must be 7-10 digits (your GS1 company prefix)");
    }
    shipping.sscc_extension = static_cast<int>(reader.number("shipping.sscc_extension", 0, 0, 9));
    shipping.ship_from_name = reader.text("shipping.ship_from_name", 60);
    if (reader.find("shipping.arn_qualifier")) {
      shipping.arn_qualifier = reader.text("shipping.arn_qualifier", 3);
    }
    check_identifier(reader, "shipping.ship_from_name", shipping.ship_from_name);
  }
  if (reader.find("invoicing")) {
    Invoicing& invoicing = config.invoicing;
    invoicing.number_prefix = reader.text("invoicing.number_prefix", 10);
    if (reader.find("invoicing.terms_type")) {
      invoicing.terms_type = reader.text("invoicing.terms_type", 2);
    }
    invoicing.net_days = static_cast<int>(reader.number("invoicing.net_days", 30, 0, 365));
    invoicing.remit_to_name = reader.text("invoicing.remit_to.name", 60);
    invoicing.remit_to_qualifier = reader.text("invoicing.remit_to.qualifier", 2);
    invoicing.remit_to_id = reader.text("invoicing.remit_to.id", 80);
    check_identifier(reader, "invoicing.number_prefix", invoicing.number_prefix);
    check_identifier(reader, "invoicing.remit_to.name", invoicing.remit_to_name);
    check_identifier(reader, "invoicing.remit_to.id", invoicing.remit_to_id);
  }
  for (auto& [type, hours] : config.ack_limit_hours) {
    hours = static_cast<int>(reader.number("ack_limit_hours." + type, hours, 1, 24 * 30));
  }
  config.intake.min_age_seconds =
      static_cast<int>(reader.number("intake.min_age_seconds", 10, 0, 86400));
  config.intake.max_incomplete_seconds =
      static_cast<int>(reader.number("intake.max_incomplete_seconds", 3600, 0, 7 * 86400));
  config.intake.max_file_bytes = static_cast<std::uint64_t>(
      reader.number("intake.max_file_bytes", 64l * 1024 * 1024, 1, 4l * 1024 * 1024 * 1024));
  std::string mode = reader.find("file_mode") ? reader.text("file_mode", 4) : "0640";
  char* end = nullptr;
  unsigned long parsed = std::strtoul(mode.c_str(), &end, 8);
  if (*end != '\0' || parsed > 0777) reader.fail("file_mode", "must be an octal mode like 0640");
  config.file_mode = static_cast<unsigned>(parsed);
  if (check_folders == FolderCheck::kRequireExisting) {
    require_folder(reader, "as2.inbox", folders.as2_inbox);
    require_folder(reader, "as2.outbox", folders.as2_outbox);
    require_folder(reader, "tpl.inbox", folders.tpl_inbox);
    require_folder(reader, "tpl.outbox", folders.tpl_outbox);
    require_folder(reader, "work", folders.work);
    require_folder(reader, "archive", folders.archive);
    require_folder(reader, "error", folders.error);
    require_folder(reader, "staging", folders.staging);
    require_folder(reader, "database", fs::path(folders.database).parent_path().string());
    require_folder(reader, "log", fs::path(folders.log).parent_path().string());
    require_same_filesystem(reader, "staging", folders.staging, "as2.outbox", folders.as2_outbox);
    require_same_filesystem(reader, "staging", folders.staging, "tpl.outbox", folders.tpl_outbox);
    require_same_filesystem(reader, "work", folders.work, "as2.inbox", folders.as2_inbox);
    require_same_filesystem(reader, "work", folders.work, "tpl.inbox", folders.tpl_inbox);
    require_same_filesystem(reader, "work", folders.work, "archive", folders.archive);
    require_same_filesystem(reader, "work", folders.work, "error", folders.error);
  }
  return config;
}

}  // namespace runner
