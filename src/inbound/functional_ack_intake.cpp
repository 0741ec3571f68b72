// The 997 reconciliation.
#include "inbound/functional_ack_intake.h"

#include <fmt/format.h>

#include "runner/outbox.h"
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
