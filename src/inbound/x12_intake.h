// avedi-receive's work on one file from the AS2 inbox: read every interchange, check that it
// comes from Amazon and is addressed to us, record interchanges and transaction sets, and
// answer each new interchange with its 997/TA1. A redelivered interchange (same sender and
// ISA13, or the same bytes) is recorded as a duplicate and its original answer re-sent, byte
// for byte. Each set goes to the handler of its kind (850, 754, 997); sets without one are kept
// as "unhandled".
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "inbound/set_handler.h"
#include "runner/file_job.h"

namespace inbound {

class X12Intake : public runner::FileHandler {
 public:
  X12Intake();  // registers the set handlers: 850, 754, 997
  runner::FileOutcome process(runner::JobContext& context, const store::FileRecord& file,
                              std::string_view content) override;

 private:
  std::map<std::string, std::unique_ptr<SetHandler>, std::less<>> handlers_;
};

// The inbox rules of avedi-receive: every name (OpenAS2 names files after the AS2 message id,
// without extension), complete once the last interchange has its IEA.
runner::FileJobSpec x12_intake_spec(const runner::Config& config);

// kReady when the file ends with an IEA segment (or is not X12 at all: the reader will say
// so), kWait while the last interchange has no IEA yet.
runner::Readiness x12_readiness(const std::string& path);

// For a file refused as incomplete: every problem the reader finds, one a line with its byte
// offset (e.g. "file ends at byte 357 without IEA"); "" when it cannot be read. Nothing is
// answered for such a file: Amazon resends what we never acknowledged.
std::string x12_incomplete_detail(const std::string& path, std::uint64_t max_bytes);

}  // namespace inbound
