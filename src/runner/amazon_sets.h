// Several transaction sets of ours for Amazon in one interchange (a batch's 855s, 753s, 856s or
// 810s): a backlog of 20,000 POs costs a few hundred files, document rows and deliveries, not
// 20,000.
// Each set still answers exactly one business event, ever: the event's key is a document_sets
// row committed with the document and the state change that caused it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "runner/job_context.h"
#include "runner/outbox.h"
#include "x12/writer.h"

namespace runner {

// One set of a batch: the business event it answers and its body (built only when the event
// has no set or document yet). The body runs on the build thread (runner/interchange_builds.h)
// after stage_amazon_sets() returns, until the caller's transaction is recorded by
// commit_staged(): it owns what it reads, or reads only what its caller keeps alive and
// unchanged until then (and waits for with BuildsFinished when it may leave earlier).
struct BatchSet {
  std::string business_key;
  std::optional<std::int64_t> source_file_id;
  std::function<std::vector<x12::SegmentBuilder>()> body;
};

// Where a set of a batch went: the document's file and the set's ST02 in it.
struct PlacedSet {
  std::string file_name;
  std::string set_control;
};

// Stages the sets of `sets` (all of `set_id`) in interchanges of up to
// amazon::kSetsPerInterchange sets each: one document (state built, one ISA13 and GS06) per
// interchange, keyed "<set_id>:sets:<its first set's key>", with a document_sets row per set.
// A set whose event already has a document or set is not sent again: its place is the earlier
// one. Inside the caller's open transaction, which ends with commit_staged(); the result is in
// the order of `sets`, known before the bytes are built.
std::vector<PlacedSet> stage_amazon_sets(JobContext& context, std::string_view set_id,
                                         X12Version version, const std::vector<BatchSet>& sets);

}  // namespace runner
