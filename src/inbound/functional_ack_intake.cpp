// The 997 reconciliation.
#include "inbound/functional_ack_intake.h"

#include <fmt/format.h>

#include "runner/outbox.h"
#include "store/document_sets.h"
#include "transactions/functional_ack_997.h"

namespace inbound {

void FunctionalAckIntake::check(const runner::JobContext&, const x12::TransactionSet& set,
                                transactions::SetIssues& issues) {
  transactions::read_functional_ack(set, issues);
}

SetOutcome FunctionalAckIntake::store(runner::JobContext& context, const x12::TransactionSet& set,
                                      std::int64_t, const store::FileRecord& file) {
  x12::Issues unused;
  transactions::SetLocation location;
  transactions::SetIssues issues(location, set, unused);
  std::optional<transactions::FunctionalAck> ack = transactions::read_functional_ack(set, issues);
  if (!ack) throw std::logic_error("997 passed check() but cannot be read");
  std::string partner = runner::amazon_partner(context.config);
  std::optional<store::DocumentRecord> document =
      store::find_document_by_group(context.db, partner, ack->functional_id, ack->group_control);
  if (!document) {
    runner::log_warning(context, fmt::format("997 for group {} {} matches nothing avedi sent",
                                             ack->functional_id, ack->group_control));
    return {"ack_unmatched", "",
            fmt::format("997 for {} {} matches nothing we sent", ack->functional_id,
                        ack->group_control)};
  }
  std::string status = ack->status_text();
  store::record_document_ack(context.db, context.actor, *document, status, ack->codes_text(),
                             file.id);
  // A document of several sets (a batch's 855s, 753s, 856s or 810s): each set's own verdict,
  // so a rejected set is named by its event and the accepted ones are not taken for rejected.
  for (const store::DocumentSet& set : store::sets_of_document(context.db, document->id)) {
    transactions::FunctionalAck::SetAnswer answer = ack->answer_for(set.set_control);
    store::record_set_ack(context.db, context.actor, set, answer.status, answer.codes, file.id);
    if (answer.status != "accepted" && status != "rejected") {
      runner::log_warning(
          context,
          fmt::format("Amazon's 997: {} {} set {} ({}) {}{}", document->type, document->file_name,
                      set.set_control, set.business_key, answer.status,
                      answer.codes.empty() ? "" : " (" + answer.codes + ")"));
    }
  }
  if (status != "accepted") {
    runner::log_warning(
        context,
        fmt::format("Amazon's 997: {} {} {}{}", document->type, document->file_name, status,
                    ack->codes_text().empty() ? "" : " (" + ack->codes_text() + ")"));
  }
  return {"ack_matched", "",
          fmt::format("997: {} {} {}", document->type, document->file_name, status)};
}

}  // namespace inbound
