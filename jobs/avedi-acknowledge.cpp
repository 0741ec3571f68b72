// avedi-acknowledge: answers every received PO with an 855 from the 3PL's stock and releases
// the accepted lines to the 3PL.
#include "outbound/acknowledge.h"
#include "runner/job.h"

int main(int argc, char** argv) {
  runner::JobDefinition job;
  job.name = "avedi-acknowledge";
  job.description =
      "For every received PO, oldest first: allocates stock per line (accepted, backordered or\n"
      "rejected), sends Amazon one 855 per PO, and writes one order-release CSV per run for\n"
      "the 3PL (orders_<timestamp>.csv in tpl.outbox).";
  job.takes_file = false;
  job.run = outbound::acknowledge_orders;
  return runner::run_job(argc, argv, job);
}
