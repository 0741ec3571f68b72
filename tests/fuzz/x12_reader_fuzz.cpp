// libFuzzer target: any bytes through the reader, the acknowledgement planner and the writer.
// Besides crashes and sanitizer reports it checks one invariant: every answer avedi writes
// reads back without a single problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "x12/acknowledgment.h"
#include "x12/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  x12::Issues issues;
  x12::Document document = x12::read_document(input, "fuzz.edi", issues);
  for (std::size_t i = 0; i < document.interchanges.size(); ++i) {
    x12::AcknowledgmentPlan plan =
        x12::plan_acknowledgment(document.interchanges[i], static_cast<int>(i), issues);
    x12::AcknowledgmentEnvelope envelope;
    envelope.interchange = {"00",     "",       "00",   "",      "ZZ", "VENDORID", "ZZ",
                            "AMAZON", "261126", "0830", "00401", "1",  false,      'P'};
    envelope.group = {"", "VENDORID", "AMAZON", "20261126", "0830", "1"};
    std::string answer = x12::write_acknowledgment(plan, envelope);
    if (answer.empty()) continue;
    x12::Issues answer_issues;
    x12::read_document(answer, "answer.edi", answer_issues);
    if (!answer_issues.empty()) std::abort();
  }
  return 0;
}
