// Staging and delivery of outbound documents. Staging files live in this job's own staging
// folder, so no other job's recovery can mistake them for orphans.
#include "runner/outbox.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>

#include "store/database.h"
#include "util/crash_point.h"
#include "util/durable_file.h"
#include "util/file.h"
#include "x12/reader.h"

namespace runner {

std::string staging_path(const JobContext& context, const std::string& file_name) {
  return context.staging + "/" + file_name;
}

namespace {

bool same_content(const std::string& path, const std::string& content) {
  try {
    return util::read_file(path) == content;
  } catch (const util::IoError&) {
    return false;
  }
}

}  // namespace

void remove_orphan_staging(JobContext& context) {
  if (context.effects.dry_run() || !std::filesystem::exists(context.staging)) return;
  for (const auto& entry : std::filesystem::directory_iterator(context.staging)) {
    std::string name = entry.path().filename().string();
    std::optional<store::DocumentRecord> document =
        store::find_document_by_file_name(context.db, name);
    if (document && document->state == "built") continue;
    // Written by a transaction that never committed (or already delivered): not a document.
    context.log.info("removing stale staging file {}", entry.path().string());
    context.effects.remove(entry.path().string());
  }
}

std::string outbox_key(Outbox outbox) {
  return outbox == Outbox::kAs2 ? "as2.outbox" : "tpl.outbox";
}

namespace {

// The folder a stored outbox key names in the current config (older rows hold a path).
std::string outbox_folder(const Config& config, const std::string& key) {
  if (key == "as2.outbox") return config.folders.as2_outbox;
  if (key == "tpl.outbox") return config.folders.tpl_outbox;
  return key;
}

}  // namespace

std::string amazon_partner(const Config& config) {
  return config.amazon.isa_qualifier + "/" + config.amazon.isa_id;
}

std::string set_control_number(std::size_t index) { return fmt::format("{:04}", index + 1); }

std::string amazon_interchange_of_sets(
    const JobContext& context, const ControlNumbers& numbers, std::string_view functional_id,
    std::string_view set_id, X12Version version, std::size_t count,
    const std::function<std::vector<x12::SegmentBuilder>(std::size_t)>& body_of,
    std::vector<SetSpan>& spans) {
  const Config& config = context.config;
  bool five_ten = version == X12Version::k5010;
  x12::InterchangeHeader isa;
  isa.sender_qualifier = config.ours.isa_qualifier;
  isa.sender_id = config.ours.isa_id;
  isa.receiver_qualifier = config.amazon.isa_qualifier;
  isa.receiver_id = config.amazon.isa_id;
  isa.date = util::format_time(context.now, "%y%m%d");
  isa.time = util::format_time(context.now, "%H%M");
  isa.version = five_ten ? "00501" : "00401";
  isa.control = std::to_string(numbers.interchange);
  isa.usage = config.usage;
  x12::WriteOptions options;
  options.line_break = x12::LineBreak::kAfterSegment;
  x12::InterchangeWriter writer(isa, options);
  writer.begin_group({std::string(functional_id), config.ours.gs_id, config.amazon.gs_id,
                      util::format_time(context.now, "%Y%m%d"),
                      util::format_time(context.now, "%H%M"), std::to_string(numbers.group),
                      five_ten ? "005010" : "004010"});
  spans.clear();
  for (std::size_t index = 0; index < count; ++index) {
    std::size_t begin = writer.written();
    writer.begin_set(set_id, set_control_number(index));
    for (const x12::SegmentBuilder& segment : body_of(index)) writer.add(segment);
    writer.end_set();
    spans.push_back({begin, writer.written() - begin});
  }
  writer.end_group();
  return writer.finish();
}

std::string file_name_part(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-';
    out += plain ? c : '_';
  }
  return out;
}

std::string document_file_name(const std::string& type, std::int64_t interchange_control) {
  return fmt::format("avedi_{}_{:09}.edi", type, interchange_control);
}

store::DocumentRecord new_document(JobContext& context, const DocumentRequest& request,
                                   ControlNumbers& numbers) {
  store::DocumentRecord document;
  if (request.file_name.empty()) {
    numbers.interchange = store::next_control_number(context.db, request.partner, "ISA13");
    if (request.uses_group) {
      numbers.group = store::next_control_number(context.db, request.partner, "GS06");
    }
    document.interchange_control = fmt::format("{:09}", numbers.interchange);
    if (request.uses_group) document.group_control = std::to_string(numbers.group);
    document.file_name = document_file_name(request.type, numbers.interchange);
  } else {
    // Staging and the outbox are joined with this name: a separator would leave them.
    if (request.file_name.find('/') != std::string::npos || request.file_name == "." ||
        request.file_name == ".." || request.file_name.empty()) {
      throw std::logic_error("document file name is not a plain name: " + request.file_name);
    }
    document.file_name = request.file_name;
  }
  document.job = context.actor.job;
  document.type = request.type;
  document.business_key = request.business_key;
  document.partner = request.partner;
  document.functional_id = request.functional_id;
  document.outbox = outbox_key(request.outbox);
  document.state = "built";
  document.source_file_id = request.source_file_id;
  return document;
}

store::DocumentRecord stage_document(JobContext& context, const DocumentRequest& request) {
  if (std::optional<store::DocumentRecord> existing =
          store::find_document_by_key(context.db, request.business_key)) {
    return *existing;  // the business event already has its document: never a second one
  }
  ControlNumbers numbers;
  store::DocumentRecord document = new_document(context, request, numbers);
  document.content = request.build(numbers);
  document.id = store::insert_document(context.db, context.actor, document);
  // Written before the commit, durable by commit_staged(): once the row exists, its bytes are
  // on disk in staging (a missing staging file means "already moved to the outbox").
  context.effects.write_pending(staging_path(context, document.file_name), document.content);
  util::crash_point("after_staging_write");
  return document;
}

void stage_redelivery(JobContext& context, const store::DocumentRecord& document,
                      const std::string& why) {
  if (document.state != "delivered") return;  // still on its way: it will go out anyway
  store::mark_document_for_redelivery(context.db, context.actor, document, why);
  // The stored bytes, whichever look-up found the row (some skip the content).
  context.effects.write_pending(staging_path(context, document.file_name),
                                store::document_content(context.db, document.id));
}

namespace {

// Documents delivered per batch: the renames of a batch are made durable together and marked
// delivered in one transaction (the rows are read without their bytes).
constexpr int kDeliveryBatch = 1500;

// Moves one built document into its outbox (not yet durable); returns the transition detail.
std::string deliver_one(JobContext& context, const store::DocumentRecord& document) {
  std::string staged = staging_path(context, document.file_name);
  std::string folder = outbox_folder(context.config, document.outbox);
  std::string target = folder + "/" + document.file_name;
  std::string detail;
  if (context.effects.dry_run()) {
    context.effects.move(staged, target);
    detail = "delivered to " + target;
  } else if (!util::entry_exists(staged)) {
    // The staging file was written before the commit that made this row, so a missing one
    // means the rename into the outbox already happened before an interruption.
    detail = "delivered to " + target + " (rename completed before an interruption)";
  } else if (util::entry_exists(target)) {
    // The gateway has not picked up the previous delivery of the same document yet.
    if (!same_content(target, store::document_content(context.db, document.id))) {
      throw util::IoError(
          fmt::format("{}: exists with other content than document {}; "
                      "refusing to overwrite",
                      target, document.id));
    }
    context.effects.remove(staged);
    detail = "already in " + folder + " (not yet picked up)";
  } else {
    util::crash_point("before_outbox_rename");
    context.effects.move_pending(staged, target);
    util::crash_point("after_outbox_rename");
    detail = "delivered to " + target;
  }
  context.log.info("{} {} {}", context.effects.dry_run() ? "would deliver" : "delivered",
                   document.type, target);
  return detail;
}

}  // namespace

void commit_staged(JobContext& context, store::Transaction& transaction) {
  context.builds.record(context);
  context.effects.sync_pending();
  transaction.commit();
}

int deliver_staged(JobContext& context) {
  int delivered = 0;
  while (true) {
    std::vector<store::DocumentRecord> batch =
        store::documents_in_state(context.db, context.actor.job, "built", kDeliveryBatch);
    if (batch.empty()) break;
    std::vector<std::string> details;
    for (const store::DocumentRecord& document : batch) {
      details.push_back(deliver_one(context, document));
    }
    // A crash before this commit leaves the moved documents "built" without a staging file:
    // the next run marks them delivered (the rename happened), as for a single document.
    context.effects.sync_pending();
    store::Transaction transaction(context.db);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      store::mark_document_delivered(context.db, context.actor, batch[i], details[i]);
    }
    transaction.commit();
    delivered += static_cast<int>(batch.size());
    if (batch.size() < static_cast<std::size_t>(kDeliveryBatch)) break;
  }
  return delivered;
}

int deliver_staged_unless_stopped(JobContext& context) {
  if (context.delivery_stopped) return 0;
  try {
    return deliver_staged(context);
  } catch (const util::IoError& error) {
    context.delivery_stopped = true;
    context.log.error(
        "delivery stopped for this run: {}; the documents stay staged and the next run "
        "delivers them unchanged",
        error.what());
    return 0;
  }
}

}  // namespace runner
