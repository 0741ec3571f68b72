// avedi-invoice: an 810 for every shipped, not yet invoiced PO part of a shipment.
#include "outbound/invoice.h"
#include "runner/job.h"

int main(int argc, char** argv) {
  runner::JobDefinition job;
  job.name = "avedi-invoice";
  job.description =
      "For every PO part of a shipped shipment not yet invoiced: checks the unit prices against\n"
      "the 855 and the quantities against the 856, then sends one 810.";
  job.takes_file = false;
  job.run = outbound::invoice_shipments;
  return runner::run_job(argc, argv, job);
}
