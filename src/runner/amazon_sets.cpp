// Batches of sets for Amazon, one interchange per amazon::kSetsPerInterchange of them.
#include "runner/amazon_sets.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/database.h"
#include "store/document_sets.h"
#include "transactions/amazon_mapping.h"
#include "x12/reader.h"

namespace runner {
namespace {

// Where an event that already has its set or document was sent: in the store, or in a build of
// this transaction not yet recorded.
std::optional<PlacedSet> earlier_place(JobContext& context, const std::string& business_key) {
  if (std::optional<InterchangeBuilds::Place> pending = context.builds.place_of(business_key)) {
    return PlacedSet{pending->file_name, pending->set_control};
  }
  if (std::optional<store::DocumentSet> set =
          store::find_document_set_by_key(context.db, business_key)) {
    return PlacedSet{store::file_name_of_document(context.db, set->document_id), set->set_control};
  }
  if (std::optional<store::DocumentRecord> document =
          store::find_document_by_key(context.db, business_key)) {
    return PlacedSet{document->file_name, set_control_number(0)};  // a set of its own
  }
  return std::nullopt;
}

// The file all of `chunk`'s sets came from, or none when they came from several.
std::optional<std::int64_t> common_source(const std::vector<BatchSet>& sets,
                                          const std::vector<std::size_t>& chunk) {
  std::optional<std::int64_t> source = sets[chunk.front()].source_file_id;
  for (std::size_t index : chunk) {
    if (sets[index].source_file_id != source) return std::nullopt;
  }
  return source;
}

// Numbers and names one interchange of `chunk`'s sets here, and starts building its bytes on
// the build thread (context.builds).
void stage_chunk(JobContext& context, std::string_view set_id, X12Version version,
                 const std::vector<BatchSet>& sets, const std::vector<std::size_t>& chunk,
                 std::vector<PlacedSet>& placed) {
  DocumentRequest request;
  request.type = std::string(set_id);
  request.functional_id = std::string(x12::functional_id_for(set_id));
  request.business_key = fmt::format("{}:sets:{}", set_id, sets[chunk.front()].business_key);
  request.partner = amazon_partner(context.config);
  request.outbox = Outbox::kAs2;
  request.source_file_id = common_source(sets, chunk);
  if (store::find_document_by_key(context.db, request.business_key)) {
    // The document's key names its first set, which had no set of its own: both are written
    // together, so one without the other is a broken store, not a re-run.
    throw std::logic_error("document " + request.business_key + " exists without its sets");
  }
  InterchangeOrder order;
  ControlNumbers numbers;
  order.document = new_document(context, request, numbers);
  const store::DocumentRecord& document = order.document;
  std::vector<std::function<std::vector<x12::SegmentBuilder>()>> bodies;
  for (std::size_t position = 0; position < chunk.size(); ++position) {
    const BatchSet& set = sets[chunk[position]];
    order.set_keys.push_back(set.business_key);
    order.set_controls.push_back(set_control_number(position));
    placed[chunk[position]] = {document.file_name, order.set_controls.back()};
    bodies.push_back(set.body);
  }
  // The run's configuration and clock are read-only while it runs: the build may read them.
  order.build = [&context, numbers, functional_id = document.functional_id, set_id = document.type,
                 version, bodies = std::move(bodies)] {
    BuiltInterchange built;
    built.content = amazon_interchange_of_sets(
        context, numbers, functional_id, set_id, version, bodies.size(),
        [&](std::size_t index) { return bodies[index](); }, built.spans);
    return built;
  };
  context.builds.start(context, std::move(order));
}

}  // namespace

std::vector<PlacedSet> stage_amazon_sets(JobContext& context, std::string_view set_id,
                                         X12Version version, const std::vector<BatchSet>& sets) {
  std::vector<PlacedSet> placed(sets.size());
  std::vector<std::size_t> fresh;
  for (std::size_t index = 0; index < sets.size(); ++index) {
    if (std::optional<PlacedSet> earlier = earlier_place(context, sets[index].business_key)) {
      placed[index] = *earlier;
    } else {
      fresh.push_back(index);
    }
  }
  const std::size_t per_interchange =
      static_cast<std::size_t>(std::max(1, amazon::kSetsPerInterchange));
  for (std::size_t begin = 0; begin < fresh.size(); begin += per_interchange) {
    std::size_t end = std::min(fresh.size(), begin + per_interchange);
    std::vector<std::size_t> chunk(fresh.begin() + static_cast<std::ptrdiff_t>(begin),
                                   fresh.begin() + static_cast<std::ptrdiff_t>(end));
    stage_chunk(context, set_id, version, sets, chunk, placed);
  }
  return placed;
}

}  // namespace runner
