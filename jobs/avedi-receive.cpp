// avedi-receive: takes what the AS2 gateway dropped in as2.inbox (850, 754, 997 from Amazon),
// records it and answers every group with a 997 (or a TA1).
#include "inbound/x12_intake.h"
#include "runner/job.h"

int main(int argc, char** argv) {
  runner::JobDefinition job;
  job.name = "avedi-receive";
  job.description =
      "Reads every X12 file in as2.inbox, records its interchanges and transaction sets, and\n"
      "answers each received group with a 997 (TA1 for envelope errors) in as2.outbox.";
  job.run = runner::file_job(inbound::x12_intake_spec,
                             [] { return std::make_unique<inbound::X12Intake>(); });
  return runner::run_job(argc, argv, job);
}
