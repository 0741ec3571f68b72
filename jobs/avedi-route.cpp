// avedi-route: the 3PL's packed-and-ready cartons become shipments, 753 routing requests to
// Amazon (collect freight) and SSCC label files for the 3PL.
#include "inbound/ready_intake.h"
#include "runner/job.h"

int main(int argc, char** argv) {
  runner::JobDefinition job;
  job.name = "avedi-route";
  job.description =
      "Reads ready*.csv from tpl.inbox (one row per carton content), checks every row against\n"
      "the acknowledged POs, issues SSCCs for unlabelled cartons, groups cartons into shipments,\n"
      "sends a 753 for each collect shipment and writes labels_<shipment>.csv for the 3PL.";
  job.run = runner::file_job(inbound::ready_intake_spec,
                             [] { return std::make_unique<inbound::ReadyIntake>(); });
  return runner::run_job(argc, argv, job);
}
