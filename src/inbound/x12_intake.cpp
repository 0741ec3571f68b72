// avedi-receive's file handler. One transaction per file (opened by the harness): every row
// and every 997/TA1 of the file commit together or not at all.
#include "inbound/x12_intake.h"

#include <fmt/format.h>

#include "inbound/functional_ack_intake.h"
#include "inbound/purchase_order_intake.h"
#include "inbound/routing_intake.h"
#include "runner/outbox.h"
#include "store/records.h"
#include "util/clock.h"
#include "x12/acknowledgment.h"
#include "x12/reader.h"

namespace inbound {
namespace {

std::string party(std::string_view qualifier, std::string_view id) {
  return fmt::format("{}/{}", qualifier, id);
}

std::string ack_key(std::int64_t interchange_id) {
  return fmt::format("ack:interchange:{}", interchange_id);
}

// Why this interchange is not one Amazon sent to us, or "".
std::string foreign_envelope(const runner::Config& config, const x12::Interchange& interchange) {
  std::string sender = party(interchange.sender_qualifier(), interchange.sender_id());
  std::string receiver = party(interchange.receiver_qualifier(), interchange.receiver_id());
  std::string amazon = runner::amazon_partner(config);
  std::string ours = party(config.ours.isa_qualifier, config.ours.isa_id);
  if (sender != amazon) {
    return fmt::format("ISA {}: sender {} is not Amazon ({} in partners.amazon)",
                       x12::printable(interchange.control()), x12::printable(sender), amazon);
  }
  if (receiver != ours) {
    return fmt::format("ISA {}: receiver {} is not us ({} in partners.ours)",
                       x12::printable(interchange.control()), x12::printable(receiver), ours);
  }
  // A test interchange must never become a real order, nor a real one be taken as a test.
  if (interchange.usage() != std::string_view(&config.usage, 1)) {
    return fmt::format(
        "ISA {}: usage indicator ISA15 {} does not match this installation's "
        "usage {} (T test, P production)",
        x12::printable(interchange.control()), x12::printable(interchange.usage()), config.usage);
  }
  return "";
}

x12::AcknowledgmentEnvelope answer_envelope(const runner::JobContext& context,
                                            const runner::ControlNumbers& numbers) {
  const runner::Config& config = context.config;
  x12::AcknowledgmentEnvelope envelope;
  envelope.interchange.sender_qualifier = config.ours.isa_qualifier;
  envelope.interchange.sender_id = config.ours.isa_id;
  envelope.interchange.receiver_qualifier = config.amazon.isa_qualifier;
  envelope.interchange.receiver_id = config.amazon.isa_id;
  envelope.interchange.date = util::format_time(context.now, "%y%m%d");
  envelope.interchange.time = util::format_time(context.now, "%H%M");
  envelope.interchange.control = std::to_string(numbers.interchange);
  envelope.interchange.usage = config.usage;
  envelope.group.sender = config.ours.gs_id;
  envelope.group.receiver = config.amazon.gs_id;
  envelope.group.date = util::format_time(context.now, "%Y%m%d");
  envelope.group.time = util::format_time(context.now, "%H%M");
  envelope.group.control = std::to_string(numbers.group);
  envelope.options.line_break = x12::LineBreak::kAfterSegment;  // as Amazon's own 997s
  return envelope;
}

const char* interchange_status(const x12::Interchange& interchange) {
  if (interchange.rejected) return "rejected";
  return interchange.has_errors ? "accepted_with_errors" : "accepted";
}

struct Tally {
  int interchanges = 0;
  int duplicates = 0;
  int sets = 0;
  int sets_rejected = 0;
  std::vector<std::string> answers;
  std::vector<std::string> duplicate_of;
  std::vector<std::string> rejected_before;  // duplicates whose first delivery went to error/
  std::vector<std::string> notes;
  std::vector<std::string> file_problems;
};

using Handlers = std::map<std::string, std::unique_ptr<SetHandler>, std::less<>>;

// Runs the business checks of every set that passed the syntax checks; what they report is
// added to `issues` and rejects the set, before the 997 is built.
void check_sets(runner::JobContext& context, const store::FileRecord& file,
                x12::Interchange& interchange, int index, const Handlers& handlers,
                x12::Issues& issues) {
  if (interchange.rejected) return;
  for (std::size_t g = 0; g < interchange.groups.size(); ++g) {
    x12::FunctionalGroup& group = interchange.groups[g];
    if (group.rejected) continue;
    for (std::size_t s = 0; s < group.sets.size(); ++s) {
      x12::TransactionSet& set = group.sets[s];
      auto handler = handlers.find(set.id());
      if (set.rejected || handler == handlers.end()) continue;
      transactions::SetLocation location{file.original_name,
                                         index,
                                         static_cast<int>(g),
                                         static_cast<int>(s),
                                         std::string(interchange.control()),
                                         std::string(group.control()),
                                         std::string(set.control())};
      transactions::SetIssues set_issues(location, set, issues);
      handler->second->check(context, set, set_issues);
      if (set_issues.count() > 0) set.rejected = true;
    }
  }
}

// Records one new interchange with its sets (each stored by its handler), and stages its answer.
void take_interchange(runner::JobContext& context, const store::FileRecord& file,
                      x12::Interchange& interchange, int index, const Handlers& handlers,
                      x12::Issues& issues, Tally& tally) {
  check_sets(context, file, interchange, index, handlers, issues);
  store::InterchangeRecord record;
  record.file_id = file.id;
  record.sender = party(interchange.sender_qualifier(), interchange.sender_id());
  record.receiver = party(interchange.receiver_qualifier(), interchange.receiver_id());
  record.control = std::string(interchange.control());
  record.version = std::string(interchange.version());
  record.status = interchange_status(interchange);
  std::int64_t interchange_id = store::insert_interchange(context.db, context.actor, record);
  ++tally.interchanges;
  for (const x12::FunctionalGroup& group : interchange.groups) {
    for (const x12::TransactionSet& set : group.sets) {
      store::TransactionSetRecord row;
      row.functional_id = std::string(group.functional_id());
      row.group_control = std::string(group.control());
      row.set_id = std::string(set.id());
      row.set_control = std::string(set.control());
      bool rejected = interchange.rejected || group.rejected || set.rejected;
      auto handler = handlers.find(set.id());
      bool handled = !rejected && handler != handlers.end();
      // A set without a handler is kept, visible, for the handlers still to come (754 and
      // 997 reconciliation in "Fulfilment").
      row.state = rejected ? "rejected" : (handled ? "received" : "unhandled");
      row.offset = static_cast<std::int64_t>(set.segments.front().offset());
      std::int64_t set_id =
          store::insert_transaction_set(context.db, context.actor, interchange_id, file.id, row);
      ++tally.sets;
      tally.sets_rejected += rejected;
      if (!handled) continue;
      SetOutcome outcome = handler->second->store(context, set, set_id, file);
      store::set_transaction_set_state(context.db, context.actor, set_id, file.id, row.state,
                                       outcome.state, outcome.note);
      if (!outcome.note.empty()) tally.notes.push_back(outcome.note);
      if (!outcome.file_problem.empty()) tally.file_problems.push_back(outcome.file_problem);
    }
  }
  x12::AcknowledgmentPlan plan = x12::plan_acknowledgment(interchange, index, issues);
  if (plan.empty()) return;
  runner::DocumentRequest request;
  request.type = plan.groups.empty() ? "TA1" : "997";
  request.functional_id = plan.groups.empty() ? "" : "FA";
  request.business_key = ack_key(interchange_id);
  request.partner = runner::amazon_partner(context.config);
  request.outbox = runner::Outbox::kAs2;
  request.source_file_id = file.id;
  request.uses_group = !plan.groups.empty();
  request.build = [&](const runner::ControlNumbers& numbers) {
    return x12::write_acknowledgment(plan, answer_envelope(context, numbers));
  };
  store::DocumentRecord document = runner::stage_document(context, request);
  tally.answers.push_back(document.file_name);
}

// Re-sends the answer of an interchange received before.
void resend_answer(runner::JobContext& context, const store::InterchangeRecord& original,
                   Tally& tally) {
  ++tally.duplicates;
  tally.duplicate_of.push_back(
      fmt::format("ISA13 {} (file #{})", original.control, original.file_id));
  std::optional<store::FileRecord> first = store::find_file(context.db, original.file_id);
  // "retried": it went to error/ and was taken out again (avedi retry, or --file).
  if (first && (first->state == "error" || first->state == "retried")) {
    tally.rejected_before.push_back(fmt::format(
        "ISA13 {} was received before (file #{}) and answered; changing the file does not make "
        "it new: Amazon must send the corrected document under a new ISA13",
        original.control, original.file_id));
  }
  std::optional<store::DocumentRecord> answer =
      store::find_document_by_key(context.db, ack_key(original.id));
  if (!answer) return;  // it was a 997 or needed no answer
  runner::stage_redelivery(
      context, *answer, fmt::format("re-sent: Amazon delivered ISA13 {} again", original.control));
  tally.answers.push_back(answer->file_name + " (re-sent)");
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

runner::FileOutcome X12Intake::process(runner::JobContext& context, const store::FileRecord& file,
                                       std::string_view content) {
  using Kind = runner::FileOutcome::Kind;
  x12::Issues issues;
  x12::Document document = x12::read_document(content, file.original_name, issues);
  if (document.interchanges.empty()) {
    std::vector<std::string> problems;
    for (const x12::Issue& issue : issues) problems.push_back(x12::format_issue(issue));
    return {Kind::kError, join(problems, "\n"), problems.empty() ? "no interchange" : problems[0]};
  }
  for (const x12::Interchange& interchange : document.interchanges) {
    if (interchange.rejected) continue;  // its parties may be garbage; answered by a TA1
    std::string foreign = foreign_envelope(context.config, interchange);
    if (!foreign.empty()) {
      // Not Amazon's, or not for us: answering would talk to a stranger. An operator decides.
      std::string reason = fmt::format("{}: {}", file.original_name, foreign);
      return {Kind::kError, reason, foreign};
    }
  }

  Tally tally;
  for (std::size_t index = 0; index < document.interchanges.size(); ++index) {
    x12::Interchange& interchange = document.interchanges[index];
    std::optional<store::InterchangeRecord> known = store::find_interchange(
        context.db, party(interchange.sender_qualifier(), interchange.sender_id()),
        party(interchange.receiver_qualifier(), interchange.receiver_id()),
        std::string(interchange.control()));
    if (known) {
      resend_answer(context, *known, tally);
    } else {
      take_interchange(context, file, interchange, static_cast<int>(index), handlers_, issues,
                       tally);
    }
  }

  std::vector<std::string> problems;
  for (const x12::Issue& issue : issues) problems.push_back(x12::format_issue(issue));
  std::string answers = tally.answers.empty() ? "no answer" : join(tally.answers, ", ");
  std::string summary = fmt::format("{} interchange(s), {} set(s), {} rejected; {}",
                                    tally.interchanges, tally.sets, tally.sets_rejected, answers);
  if (!tally.notes.empty()) summary += "; " + join(tally.notes, ", ");
  if (tally.interchanges == 0 && !tally.rejected_before.empty()) {
    // A re-run of a file whose first delivery was rejected: saying "duplicate" and archiving
    // it would hide that nothing was taken. It stays in error/ with the reason.
    return {Kind::kError, join(tally.rejected_before, "\n") + "\nanswered with: " + answers,
            "already received and rejected: " + join(tally.duplicate_of, ", ")};
  }
  if (tally.interchanges == 0) {
    // Redelivery is recognised by sender and ISA13, never by the bytes alone: a copy of a
    // copy still gets the original answer. The bytes only label it.
    std::string what = "already received: " + join(tally.duplicate_of, ", ");
    if (std::optional<store::FileRecord> same =
            store::find_processed_file_by_sha256(context.db, file.sha256, file.id)) {
      what += fmt::format(" (same bytes as file #{}, {})", same->id, same->original_name);
    }
    return {Kind::kDuplicate, what, what + "; " + answers};
  }
  if (!tally.duplicate_of.empty()) {
    summary += "; already received: " + join(tally.duplicate_of, ", ");
  }
  problems.insert(problems.end(), tally.file_problems.begin(), tally.file_problems.end());
  if (!problems.empty()) {
    return {Kind::kError, join(problems, "\n") + "\nanswered with: " + answers, summary};
  }
  return {Kind::kArchive, "", summary};
}

X12Intake::X12Intake() {
  handlers_.emplace("850", std::make_unique<PurchaseOrderIntake>());
  handlers_.emplace("754", std::make_unique<RoutingIntake>());
  handlers_.emplace("997", std::make_unique<FunctionalAckIntake>());
}

runner::FileJobSpec x12_intake_spec(const runner::Config& config) {
  runner::FileJobSpec spec;
  spec.inbox = config.folders.as2_inbox;
  spec.kind = "x12";
  spec.rules.wants = [](std::string_view) { return true; };
  spec.rules.readiness = x12_readiness;
  spec.rules.describe_incomplete = [max_bytes =
                                        config.intake.max_file_bytes](const std::string& path) {
    return x12_incomplete_detail(path, max_bytes);
  };
  return spec;
}

}  // namespace inbound
