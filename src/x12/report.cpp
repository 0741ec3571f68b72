// Builds the inspection text from the reader, the acknowledgement planner and the writer.
#include "x12/report.h"

#include <fmt/format.h>

#include "x12/acknowledgment.h"
#include "x12/describe.h"
#include "x12/reader.h"

namespace x12 {
namespace {

std::string fitted(std::string_view value, std::size_t max) {
  return std::string(value.substr(0, max));
}

AcknowledgmentEnvelope answer_envelope(const Interchange& received, const ReportSettings& settings,
                                       long control) {
  AcknowledgmentEnvelope envelope;
  envelope.options = settings.options;
  InterchangeHeader& isa = envelope.interchange;
  isa.sender_qualifier = fitted(received.receiver_qualifier(), 2);
  isa.sender_id = fitted(received.receiver_id(), 15);
  isa.receiver_qualifier = fitted(received.sender_qualifier(), 2);
  isa.receiver_id = fitted(received.sender_id(), 15);
  isa.date = settings.date.substr(2, 6);
  isa.time = settings.time;
  isa.control = std::to_string(control);
  isa.usage = received.usage() == "T" ? 'T' : 'P';
  GroupHeader& gs = envelope.group;
  if (!received.groups.empty()) {
    gs.sender = fitted(received.groups.front().header.element(3), 15);
    gs.receiver = fitted(received.groups.front().header.element(2), 15);
  }
  gs.date = settings.date;
  gs.time = settings.time;
  gs.control = std::to_string(control);
  return envelope;
}

}  // namespace

Report inspect_x12(std::string_view buffer, std::string_view file_name,
                   const ReportSettings& settings) {
  Issues issues;
  Document document = read_document(buffer, file_name, issues);
  Report report;
  report.problem_count = static_cast<int>(issues.size());
  std::string& out = report.text;
  out += fmt::format("file {} ({} bytes)\n", file_name, buffer.size());
  out += outline(document);
  out += fmt::format("problems: {}\n", issues.size());
  for (const Issue& issue : issues) out += "  " + format_issue(issue) + "\n";
  if (document.interchanges.empty()) {
    out += "answer: none (no interchange could be read, so there is nobody to address)\n";
  }
  for (std::size_t index = 0; index < document.interchanges.size(); ++index) {
    const Interchange& interchange = document.interchanges[index];
    AcknowledgmentPlan plan = plan_acknowledgment(interchange, static_cast<int>(index), issues);
    if (plan.empty()) {
      out +=
          fmt::format("answer to interchange {}: none (a 997 is never acknowledged)\n", index + 1);
      continue;
    }
    try {
      std::string answer = write_acknowledgment(
          plan, answer_envelope(interchange, settings, settings.first_control + index));
      out += fmt::format("answer to interchange {}:\n{}", index + 1, answer);
    } catch (const WriteError& error) {
      out += fmt::format("answer to interchange {}: cannot be addressed: {}\n", index + 1,
                         error.what());
    }
  }
  return report;
}

}  // namespace x12
