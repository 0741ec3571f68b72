// avedi-ship: the 3PL's shipment confirmation becomes Amazon's 856 advance ship notice.
#include "inbound/shipped_intake.h"
#include "runner/job.h"

int main(int argc, char** argv) {
  runner::JobDefinition job;
  job.name = "avedi-ship";
  job.description =
      "Reads shipped*.csv from tpl.inbox; when every row passes the gate (PO acknowledged,\n"
      "quantities within what was accepted, SSCCs valid and never shipped, collect freight\n"
      "routed with Amazon's carrier), sends one 856 per shipment.";
  job.run = runner::file_job(inbound::shipped_intake_spec,
                             [] { return std::make_unique<inbound::ShippedIntake>(); });
  return runner::run_job(argc, argv, job);
}
