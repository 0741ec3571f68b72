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

// Where an event that already has its set or document was sent.
std::optional<PlacedSet> earlier_place(JobContext& context, const std::string& business_key) {
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

void stage_chunk(JobContext& context, std::string_view set_id, X12Version version,
                 const std::vector<BatchSet>& sets, const std::vector<std::size_t>& chunk,
                 std::vector<PlacedSet>& placed) {
  const std::string functional_id(x12::functional_id_for(set_id));
  DocumentRequest request;
  request.type = std::string(set_id);
  request.functional_id = functional_id;
  request.business_key = fmt::format("{}:sets:{}", set_id, sets[chunk.front()].business_key);
  request.partner = amazon_partner(context.config);
  request.outbox = Outbox::kAs2;
  request.source_file_id = common_source(sets, chunk);
  std::vector<SetSpan> spans;
  request.build = [&](const ControlNumbers& numbers) {
    return amazon_interchange_of_sets(
        context, numbers, functional_id, set_id, version, chunk.size(),
        [&](std::size_t index) { return sets[chunk[index]].body(); }, spans);
  };
  store::DocumentRecord document = stage_document(context, request);
  if (spans.size() != chunk.size()) {
    // The document's key names its first set, which had no set of its own: both are written
    // together, so one without the other is a broken store, not a re-run.
    throw std::logic_error("document " + request.business_key + " exists without its sets");
  }
  for (std::size_t index = 0; index < chunk.size(); ++index) {
    store::DocumentSet set;
    set.document_id = document.id;
    set.set_control = set_control_number(index);
    set.business_key = sets[chunk[index]].business_key;
    set.offset = static_cast<std::int64_t>(spans[index].offset);
    set.length = static_cast<std::int64_t>(spans[index].length);
    store::insert_document_set(context.db, set);
    placed[chunk[index]] = {document.file_name, set.set_control};
  }
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
