// avedi-stock: loads the 3PL's inventory snapshot (tpl.inbox/inventory*.csv) as the stock
// avedi-acknowledge allocates from.
#include "inbound/inventory_intake.h"
#include "runner/job.h"

int main(int argc, char** argv) {
  runner::JobDefinition job;
  job.name = "avedi-stock";
  job.description =
      "Reads the 3PL's inventory snapshot files (inventory*.csv in tpl.inbox); each file\n"
      "replaces the current stock as a whole, or is refused whole with every bad row named.";
  job.run = runner::file_job(inbound::inventory_intake_spec,
                             [] { return std::make_unique<inbound::InventoryIntake>(); });
  return runner::run_job(argc, argv, job);
}
