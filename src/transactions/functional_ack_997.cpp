// 997 mapping.
#include "transactions/functional_ack_997.h"

#include <fmt/format.h>

namespace transactions {

// AK9 is the group's verdict, but a 997 whose AK9 accepts the group while an AK5 rejects one
// of its sets contradicts itself. avedi believes the worse of the two: a document wrongly
// shown as rejected gets looked at, one wrongly shown as accepted becomes a chargeback.
std::string FunctionalAck::verdict() const {
  bool set_rejected = false, set_accepted = false, set_with_errors = false;
  for (const SetVerdict& set : sets) {
    if (set.status == "A") {
      set_accepted = true;
    } else if (set.status == "E") {
      set_accepted = set_with_errors = true;
    } else if (!set.status.empty()) {
      set_rejected = true;  // R, M, W, X: the set was not accepted
    }
  }
  if ((status == "A" || status == "E") && set_rejected) return set_accepted ? "P" : "R";
  if (status == "A" && set_with_errors) return "E";
  return status;
}

std::string FunctionalAck::status_text() const {
  const std::string worst = verdict();
  if (worst == "A") return "accepted";
  if (worst == "E") return "accepted_with_errors";
  if (worst == "P") return "partial";
  return "rejected";
}

std::string FunctionalAck::codes_text() const {
  std::string out;
  if (status != "A" || !group_codes.empty() || verdict() != status) {
    out = "AK9 " + status;
    for (const std::string& code : group_codes) out += " " + code;
  }
  for (const SetVerdict& set : sets) {
    if (set.status == "A" && set.codes.empty()) continue;
    if (!out.empty()) out += "; ";
    out += fmt::format("AK2 {} {}: AK5 {}", set.set_id, set.set_control, set.status);
    for (const std::string& code : set.codes) out += " " + code;
  }
  return out;
}

namespace {

std::string status_name(std::string_view code) {
  if (code == "A") return "accepted";
  if (code == "E") return "accepted_with_errors";
  if (code == "P") return "partial";
  return "rejected";
}

}  // namespace

FunctionalAck::SetAnswer FunctionalAck::answer_for(std::string_view set_control) const {
  // The set's own AK5, when the 997 lists the set with one (an AK2 without AK5 says nothing).
  const SetVerdict* listed = nullptr;
  bool any_listed = false;
  for (const SetVerdict& set : sets) {
    if (set.status.empty()) continue;
    any_listed = true;
    if (set.set_control == set_control) listed = &set;
  }
  std::string set_codes;
  if (listed && (listed->status != "A" || !listed->codes.empty())) {
    set_codes = "AK5 " + listed->status;
    for (const std::string& code : listed->codes) set_codes += " " + code;
  }
  std::string group_codes_text = "AK9 " + status;
  for (const std::string& code : group_codes) group_codes_text += " " + code;
  // A rejected group rejects every set in it, whatever an AK5 says (the worse of the two, as
  // verdict() believes).
  if (status == "R") {
    return {"rejected", set_codes.empty() ? group_codes_text : set_codes + "; " + group_codes_text};
  }
  if (listed) return {status_name(listed->status), set_codes};
  if (status == "P" && any_listed) return {"accepted", ""};  // AK5s name the others
  return {status_name(status), status == "A" && group_codes.empty() ? "" : group_codes_text};
}

std::optional<FunctionalAck> read_functional_ack(const x12::TransactionSet& set,
                                                 SetIssues& issues) {
  FunctionalAck ack;
  bool has_ak1 = false;
  bool has_ak9 = false;
  SetVerdict* current = nullptr;
  int last = static_cast<int>(set.segments.size());
  for (int index = 1; index + 1 < last; ++index) {
    const x12::Segment& segment = set.segments[static_cast<std::size_t>(index)];
    std::string_view id = segment.id();
    if (id == "AK1") {
      has_ak1 = true;
      ack.functional_id = std::string(segment.element(1));
      ack.group_control = std::string(segment.element(2));
    } else if (id == "AK2") {
      ack.sets.push_back(
          {std::string(segment.element(1)), std::string(segment.element(2)), "", {}});
      current = &ack.sets.back();
    } else if (id == "AK3" && current != nullptr) {
      current->codes.push_back(fmt::format("(AK3 {} {} {})", segment.element(1), segment.element(2),
                                           segment.element(4)));
    } else if (id == "AK5" && current != nullptr) {
      current->status = std::string(segment.element(1));
      for (std::size_t e = 2; e <= segment.element_count(); ++e) {
        if (!segment.element(e).empty())
          current->codes.insert(current->codes.begin(), std::string(segment.element(e)));
      }
    } else if (id == "AK9") {
      has_ak9 = true;
      ack.status = std::string(segment.element(1));
      ack.included = std::atoi(std::string(segment.element(2)).c_str());
      ack.received = std::atoi(std::string(segment.element(3)).c_str());
      ack.accepted = std::atoi(std::string(segment.element(4)).c_str());
      for (std::size_t e = 5; e <= segment.element_count(); ++e) {
        if (!segment.element(e).empty()) ack.group_codes.emplace_back(segment.element(e));
      }
    }
  }
  if (!has_ak1) issues.missing_segment("AK1", 2, "AK1 (the group acknowledged) is missing");
  if (!has_ak9) issues.missing_segment("AK9", last, "AK9 (the group's verdict) is missing");
  if (issues.count() > 0) return std::nullopt;
  return ack;
}

}  // namespace transactions
