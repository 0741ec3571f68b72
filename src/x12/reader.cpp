// The envelope state machine of the reader. Segments are found by scanning for the terminator
// of the current interchange; CR, LF, spaces and tabs between segments are layout, not data.
#include "x12/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <new>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "x12/element_rules.h"
#include "x12/isa_header.h"
#include "x12/quick_check.h"
#include "x12/segment_masks.h"

namespace x12 {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

constexpr std::uint32_t kIsa = packed_segment_id("ISA"), kIea = packed_segment_id("IEA"),
                        kGs = packed_segment_id("GS"), kGe = packed_segment_id("GE"),
                        kSt = packed_segment_id("ST"), kSe = packed_segment_id("SE"),
                        kTa1 = packed_segment_id("TA1");

constexpr std::size_t kLargestFile = 0xFFFFFFFFu;  // Segment keeps 32-bit offsets

bool is_layout_whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool parse_count(std::string_view text, std::size_t& value) {
  if (text.empty() || text.size() > 12) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// Control numbers compare as numbers when both are numeric ("0001" == "1" is not assumed:
// X12 compares them as written, so do we).
bool same_control(std::string_view a, std::string_view b) { return a == b; }

class Reader {
 public:
  Reader(std::string_view buffer, std::string_view file, Issues& issues)
      : buffer_(buffer), file_(file), issues_(issues) {}

  Document run() {
    Document document;
    document_ = &document;
    if (buffer_.size() > kLargestFile) {
      // Segment offsets are 32-bit; intake refuses such files before reading them anyway.
      report_file(fmt::format("file is {} bytes, more than the 4 GiB avedi reads", buffer_.size()));
      return document;
    }
    if (buffer_.substr(0, kBom.size()) == kBom) position_ = kBom.size();
    // DOS end-of-file (SUB) and NUL padding after the last segment are transfer artefacts.
    while (!buffer_.empty() && (buffer_.back() == '\x1A' || buffer_.back() == '\0')) {
      buffer_.remove_suffix(1);
    }
    skip_layout();
    if (position_ >= buffer_.size()) {
      report_file(buffer_.empty() ? "file is empty: no ISA found"
                                  : "file holds only whitespace: no ISA found");
      return document;
    }
    while (true) {
      skip_layout();
      if (position_ >= buffer_.size()) break;
      if (buffer_.substr(position_, 3) != "ISA") {
        std::size_t next = buffer_.find("ISA", position_);
        report_file(
            fmt::format("{} found where an ISA must start; skipped {} bytes",
                        quote_value(buffer_.substr(position_, 12)),
                        (next == std::string_view::npos ? buffer_.size() : next) - position_));
        if (next == std::string_view::npos) break;
        position_ = next;
        continue;
      }
      if (!read_interchange(document)) break;
      // What follows belongs to no interchange until the next ISA.
      interchange_index_ = -1;
      interchange_control_ = {};
    }
    return document;
  }

 private:
  // ----- cursor -----

  void skip_layout() {
    while (position_ < buffer_.size() && is_layout_whitespace(buffer_[position_])) ++position_;
  }

  // Takes the next non-empty segment; `terminated` is false when the buffer ended first.
  // `masks` points at the segment's byte masks when it was short enough for the fast path
  // (valid until the next call), else is null.
  [[gnu::always_inline]] bool next_segment(const Delimiters& delimiters,
                                           const MaskDelimiters& mask_delimiters, Segment& segment,
                                           bool& terminated, const SegmentMasks*& masks) {
    while (true) {
      skip_layout();
      if (position_ >= buffer_.size()) return false;
      if (buffer_.size() - position_ >= kMaskWindow &&
          mask_segment(buffer_.data() + position_, mask_delimiters, masks_)) {
        std::size_t start = position_;
        position_ += masks_.length + 1;
        if (masks_.length == 0) continue;
        terminated = true;
        segment = Segment(buffer_.substr(start, masks_.length), start, delimiters);
        masks = &masks_;
        return true;
      }
      masks = nullptr;
      std::size_t end = buffer_.find(delimiters.segment, position_);
      terminated = end != std::string_view::npos;
      if (!terminated) end = buffer_.size();
      std::string_view text = buffer_.substr(position_, end - position_);
      std::size_t start = position_;
      position_ = terminated ? end + 1 : end;
      if (!terminated) {
        while (!text.empty() && is_layout_whitespace(text.back())) text.remove_suffix(1);
      }
      if (text.empty()) continue;
      segment = Segment(text, start, delimiters);
      return true;
    }
  }

  // ----- issue construction -----

  Issue base(IssueLevel level, int code, std::size_t offset, std::string message) const {
    Issue issue;
    issue.file = std::string(file_);
    issue.offset = offset;
    issue.level = level;
    issue.code = code;
    issue.message = std::move(message);
    issue.interchange_index = interchange_index_;
    issue.interchange_control = std::string(interchange_control_);
    issue.group_index = group_index_;
    issue.group_control = std::string(group_control_);
    issue.set_index = set_index_;
    issue.set_control = std::string(set_control_);
    return issue;
  }

  void report_file(std::string message) {
    Issue issue = base(IssueLevel::kInterchange, 22, position_, std::move(message));
    issues_.push_back(std::move(issue));
  }

  void report_interchange(Interchange& interchange, int code, std::size_t offset,
                          std::string message) {
    interchange.has_errors = true;
    Issue issue = base(IssueLevel::kInterchange, code, offset, std::move(message));
    issue.group_index = -1;
    issue.group_control.clear();
    issue.set_index = -1;
    issue.set_control.clear();
    issues_.push_back(std::move(issue));
  }

  void report_group(FunctionalGroup& group, int code, std::size_t offset, std::string message) {
    group.rejected = true;
    Issue issue = base(IssueLevel::kGroup, code, offset, std::move(message));
    issue.set_index = -1;
    issue.set_control.clear();
    issues_.push_back(std::move(issue));
  }

  void report_set(TransactionSet& set, int code, std::size_t offset, std::string message) {
    set.rejected = true;
    issues_.push_back(base(IssueLevel::kTransactionSet, code, offset, std::move(message)));
  }

  void report_element_problems(const Segment& segment, int position,
                               const std::vector<ElementProblem>& problems, TransactionSet& set) {
    for (const ElementProblem& problem : problems) {
      set.rejected = true;
      Issue issue = base(IssueLevel::kElement, problem.code,
                         segment.element_offset(problem.element_position), problem.message);
      issue.segment_position = position;
      issue.segment_id = std::string(segment.id());
      issue.element_position = problem.element_position;
      issue.component_position = problem.component_position;
      issue.element_reference = problem.reference;
      issue.value = problem.value;
      issues_.push_back(std::move(issue));
    }
  }

  // ----- interchange -----

  // Reads one interchange starting at position_ ("ISA"). Returns false when nothing more can be
  // read from the file (its delimiters cannot be trusted any further).
  bool read_interchange(Document& document) {
    std::size_t start = position_;
    std::optional<IsaLayout> layout = locate_isa(buffer_, start);
    interchange_index_ = static_cast<int>(document.interchanges.size());
    interchange_control_ = {};
    group_index_ = set_index_ = -1;
    group_control_ = set_control_ = {};
    if (!layout) {
      Issue issue = base(IssueLevel::kInterchange, 23, start,
                         fmt::format("file ends inside the ISA header ({} bytes, an ISA is {})",
                                     buffer_.size() - start, kIsaLength));
      issues_.push_back(std::move(issue));
      position_ = buffer_.size();
      return false;
    }
    document.interchanges.emplace_back();
    Interchange& interchange = document.interchanges.back();
    std::string_view isa_text = buffer_.substr(start, layout->length - 1);
    std::vector<IsaProblem> problems = check_isa(isa_text, start, *layout);
    interchange.delimiters = layout->delimiters;
    interchange.header = Segment(isa_text, start, layout->delimiters);
    interchange_control_ = interchange.control();
    for (IsaProblem& problem : problems) {
      report_interchange(interchange, problem.ta1_code, problem.offset, std::move(problem.message));
    }
    interchange.rejected = !problems.empty();
    position_ = start + layout->length;
    if (!delimiters_usable(problems)) {
      // With ambiguous delimiters no segment boundary can be trusted: stop here rather than
      // report noise about every byte that follows.
      report_interchange(interchange, 22, position_,
                         fmt::format("the rest of the file ({} bytes) cannot be read with these "
                                     "delimiters",
                                     buffer_.size() - position_));
      position_ = buffer_.size();
      return false;
    }
    read_interchange_body(interchange);
    return true;
  }

  // TA1 codes 4, 26 and 27 mean a segment, element or component separator is unusable.
  static bool delimiters_usable(const std::vector<IsaProblem>& problems) {
    for (const IsaProblem& problem : problems) {
      int code = problem.ta1_code;
      if (code == 4 || code == 26 || code == 27) return false;
    }
    return true;
  }

  void read_interchange_body(Interchange& interchange) {
    const Delimiters& delimiters = interchange.delimiters;
    FunctionalGroup* group = nullptr;
    TransactionSet* set = nullptr;
    bool in_stray_run = false;
    Segment segment;
    bool terminated = true;
    const SegmentMasks* masks = nullptr;
    const MaskDelimiters mask_delimiters(delimiters);
    while (true) {
      if (!next_segment(delimiters, mask_delimiters, segment, terminated, masks)) {
        close_set(group, set, nullptr, buffer_.size());
        close_group(interchange, group, nullptr, buffer_.size());
        report_interchange(
            interchange, 23, buffer_.size(),
            fmt::format("file ends at byte {} without IEA (truncated?)", buffer_.size()));
        return;
      }
      std::string_view id =
          masks != nullptr ? segment.text().substr(0, id_length(*masks)) : segment.id();
      const std::uint32_t key =
          masks != nullptr ? packed_id(id.data(), *masks) : packed_segment_id(id);
      if (key == kIsa) {
        position_ = segment.offset();
        close_set(group, set, nullptr, segment.offset());
        close_group(interchange, group, nullptr, segment.offset());
        report_interchange(interchange, 23, segment.offset(),
                           "interchange has no IEA before the next ISA");
        return;
      }
      if (key == kIea) {
        close_set(group, set, nullptr, segment.offset());
        close_group(interchange, group, nullptr, segment.offset());
        if (!terminated && segment.element(2).size() != 9) {
          report_interchange(
              interchange, 23, buffer_.size(),
              fmt::format("file ends at byte {} inside the IEA (truncated?)", buffer_.size()));
          return;
        }
        close_interchange(interchange, segment);
        return;
      }
      bool structural = true;
      if (key == kGs) {
        close_set(group, set, nullptr, segment.offset());
        close_group(interchange, group, nullptr, segment.offset());
        group = open_group(interchange, segment);
      } else if (key == kSt && group != nullptr) {
        close_set(group, set, nullptr, segment.offset());
        set = open_set(*group, segment, masks);
      } else if (key == kSe && set != nullptr) {
        close_set(group, set, &segment, segment.offset(), masks);
      } else if (key == kGe && group != nullptr) {
        close_set(group, set, nullptr, segment.offset());
        close_group(interchange, group, &segment, segment.offset());
      } else if (key == kTa1 && group == nullptr) {
        interchange.ta1s.push_back(segment);
      } else if (set != nullptr) {
        add_to_set(*set, segment, id, key, masks);
      } else if (key == kSt) {
        // A transaction set outside any group cannot be acknowledged by a 997: rejecting the
        // interchange (TA1 R) tells the sender to resend instead of losing it silently.
        structural = false;
        interchange.rejected = true;
        report_interchange(
            interchange, 22, segment.offset(),
            fmt::format("transaction set ST {} {} is outside any functional "
                        "group (no GS)",
                        quote_value(segment.element(1)), quote_value(segment.element(2))));
      } else {
        structural = false;
        if (!in_stray_run) {
          report_interchange(
              interchange, 24, segment.offset(),
              fmt::format("segment {} is outside any transaction set", quote_value(id)));
        }
      }
      in_stray_run = !structural;
    }
  }

  void close_interchange(Interchange& interchange, const Segment& iea) {
    interchange.trailer = iea;
    std::size_t count = 0;
    std::string_view declared = iea.element(1);
    if (!parse_count(declared, count) || count != interchange.groups.size()) {
      report_interchange(interchange, 21, iea.element_offset(1),
                         fmt::format("IEA01 {} does not match the {} functional groups counted",
                                     quote_value(declared), interchange.groups.size()));
    }
    std::string_view control = iea.element(2);
    if (!same_control(control, interchange.control())) {
      report_interchange(interchange, 1, iea.element_offset(2),
                         fmt::format("IEA02 {} does not match ISA13 {}", quote_value(control),
                                     quote_value(interchange.control())));
    }
  }

  // ----- group -----

  FunctionalGroup* open_group(Interchange& interchange, const Segment& gs) {
    interchange.groups.emplace_back();
    FunctionalGroup& group = interchange.groups.back();
    group.header = gs;
    set_controls_.clear();
    group_index_ = static_cast<int>(interchange.groups.size()) - 1;
    group_control_ = gs.element(6);
    set_index_ = -1;
    set_control_ = {};
    release_ = release_of(group.version());
    rule_cache_.fill({});
    std::vector<ElementProblem> problems;
    check_elements(gs, release_, problems);
    for (const ElementProblem& problem : problems) {
      std::string message = fmt::format("GS{:02}: {}", problem.element_position, problem.message);
      if (problem.element_position == 1 || problem.element_position == 6) {
        // A 997 must echo GS01 and GS06 in AK1; when they are unusable the group cannot be
        // acknowledged at all, so the interchange answer (TA1 024, invalid GS) carries it.
        group.rejected = true;
        report_interchange(interchange, 24, gs.element_offset(problem.element_position),
                           message + " (the group cannot be acknowledged)");
      } else {
        report_group(group, 0, gs.element_offset(problem.element_position), message);
      }
    }
    for (std::size_t other = 0; other + 1 < interchange.groups.size(); ++other) {
      if (interchange.groups[other].control() == group.control()) {
        // 716 code 19 means "control number not unique" only from 004050 on.
        report_group(group, release_ == Release::k5010 ? 19 : 0, gs.element_offset(6),
                     fmt::format("GS06 {} is already used by group {} of this interchange",
                                 quote_value(group.control()), other + 1));
        break;
      }
    }
    return &group;
  }

  void close_group(Interchange& interchange, FunctionalGroup*& group, const Segment* ge,
                   std::size_t offset) {
    if (group == nullptr) return;
    (void)interchange;
    if (ge == nullptr) {
      report_group(*group, 3, offset, "functional group has no GE trailer");
    } else {
      group->trailer = *ge;
      std::size_t count = 0;
      std::string_view declared = ge->element(1);
      if (!parse_count(declared, count) || count != group->sets.size()) {
        report_group(*group, 5, ge->element_offset(1),
                     fmt::format("GE01 {} does not match the {} transaction sets counted",
                                 quote_value(declared), group->sets.size()));
      }
      std::string_view control = ge->element(2);
      if (!same_control(control, group->control())) {
        report_group(*group, 4, ge->element_offset(2),
                     fmt::format("GE02 {} does not match GS06 {}", quote_value(control),
                                 quote_value(group->control())));
      }
    }
    group = nullptr;
    group_index_ = -1;
    group_control_ = {};
  }

  // ----- transaction set -----

  TransactionSet* open_set(FunctionalGroup& group, const Segment& st, const SegmentMasks* masks) {
    group.sets.emplace_back();
    TransactionSet& set = group.sets.back();
    set_index_ = static_cast<int>(group.sets.size()) - 1;
    set_control_ = st.element(2);
    add_to_set(set, st, st.id(), kSt, masks);
    std::string_view expected = functional_id_for(set.id());
    if (!expected.empty() && expected != group.functional_id()) {
      report_set(set, 6, st.element_offset(1),
                 fmt::format("ST01 {} does not belong in a group with GS01 {} (expected {})",
                             quote_value(set.id()), quote_value(group.functional_id()), expected));
    }
    // A map, not a scan of the earlier sets: a group may hold 20,000 sets.
    auto [earlier, first_use] = set_controls_.emplace(set.control(), group.sets.size());
    if (!first_use) {
      report_set(set, 23, st.element_offset(2),
                 fmt::format("ST02 {} is already used by transaction set {} of this group",
                             quote_value(set.control()), earlier->second));
    }
    return &set;
  }

  // `id` is segment.id() and `key` its packed_segment_id(); `masks`, when not null, describes
  // `segment`'s bytes (the fast path).
  // Inline: the reader's hot path for most segments ends here; the rest is check_segment.
  [[gnu::always_inline]] void add_to_set(TransactionSet& set, const Segment& segment,
                                         std::string_view id, std::uint32_t key,
                                         const SegmentMasks* masks) {
    if (block_used_ == block_capacity_) start_block(set);
    const Segment* first = set.segments.empty() ? block_ + block_used_ : set.segments.begin();
    new (block_ + block_used_++) Segment(segment);
    set.segments = SegmentList(first, set.segments.size() + 1);
    // Every id in the dictionary is valid, so a segment with a rule needs no id check.
    if (masks != nullptr) {
      const SegmentRule* rule = rule_for(id, key);
      if (rule != nullptr &&
          quick_check(segment.text(), *masks, rule, segment.delimiters().component)) {
        return;
      }
    }
    check_segment(set, segment, id);
  }

  // The id and element checks of the segment just added to `set`, with every issue reported.
  void check_segment(TransactionSet& set, const Segment& segment, std::string_view id) {
    int position = static_cast<int>(set.segments.size());
    if (!is_valid_segment_id(id)) {
      set.rejected = true;
      Issue issue = base(IssueLevel::kSegment, 1, segment.offset(),
                         fmt::format("{} is not a segment id (2-3 upper-case letters or digits)",
                                     quote_value(id)));
      issue.segment_position = position;
      issue.segment_id = std::string(id);
      issues_.push_back(std::move(issue));
      return;
    }
    std::vector<ElementProblem> problems;
    check_elements(segment, release_, problems);
    report_element_problems(segment, position, problems, set);
  }

  // `masks` describes `se`'s bytes when not null (the fast path).
  void close_set(FunctionalGroup* group, TransactionSet*& set, const Segment* se,
                 std::size_t offset, const SegmentMasks* masks = nullptr) {
    if (set == nullptr) return;
    (void)group;
    if (se == nullptr) {
      report_set(*set, 2, offset, "transaction set has no SE trailer");
    } else {
      add_to_set(*set, *se, se->id(), kSe, masks);
      set->has_trailer = true;
      std::size_t count = 0;
      std::string_view declared = se->element(1);
      if (!parse_count(declared, count) || count != set->segments.size()) {
        report_set(*set, 4, se->element_offset(1),
                   fmt::format("SE01 {} does not match the {} segments counted from ST to SE",
                               quote_value(declared), set->segments.size()));
      }
      std::string_view control = se->element(2);
      if (!same_control(control, set->control())) {
        report_set(*set, 3, se->element_offset(2),
                   fmt::format("SE02 {} does not match ST02 {}", quote_value(control),
                               quote_value(set->control())));
      }
    }
    set = nullptr;
    set_index_ = -1;
    set_control_ = {};
  }

  // A new block of segment storage for the document. The open set's segments move into it, so
  // a set stays contiguous; they are few next to a block.
  void start_block(TransactionSet& set) {
    const std::size_t carried = set.segments.size();
    // The first block fits a small file; later ones are large enough that a batch needs a few
    // dozen, and always hold the open set twice over.
    std::size_t capacity = document_->segment_blocks.empty()
                               ? std::clamp<std::size_t>(buffer_.size() / 16, 16, kBlockSegments)
                               : kBlockSegments;
    capacity = std::max(capacity, 2 * carried + 16);
    static_assert(std::is_trivially_destructible_v<Segment> &&
                  std::is_trivially_copyable_v<Segment>);
    std::unique_ptr<Segment, Document::BlockRelease> owned(
        static_cast<Segment*>(::operator new(capacity * sizeof(Segment))));
    Segment* block = owned.get();
    document_->segment_blocks.push_back(std::move(owned));
    block_ = block;
    block_capacity_ = capacity;
    block_used_ = 0;
    if (carried > 0) {
      std::uninitialized_copy(set.segments.begin(), set.segments.end(), block_);
      block_used_ = carried;
      set.segments = SegmentList(block_, carried);
    }
  }

  // The dictionary's rule for a segment id in release_, remembered: a batch uses a dozen ids.
  // `key` is packed_segment_id(id).
  const SegmentRule* rule_for(std::string_view id, std::uint32_t key) {
    RuleSlot& slot = rule_cache_[(key * 2654435761u) >> (32 - kRuleCacheBits)];
    if (slot.key != key) {
      slot.key = key;
      slot.rule = find_segment_rule(id, release_);
    }
    return slot.rule;
  }

  static constexpr unsigned kRuleCacheBits = 8;
  struct RuleSlot {
    std::uint32_t key = 0;  // packed id; 0 = empty
    const SegmentRule* rule = nullptr;
  };

  std::string_view buffer_;
  std::string_view file_;
  Issues& issues_;
  std::size_t position_ = 0;
  Release release_ = Release::k4010;  // of the current group: decides element lengths
  int interchange_index_ = -1;
  int group_index_ = -1;
  int set_index_ = -1;
  std::string_view interchange_control_;
  std::string_view group_control_;
  std::string_view set_control_;
  // ST02 of each set of the current group -> its position (1-based), for duplicates.
  std::unordered_map<std::string_view, std::size_t> set_controls_;
  // Segment storage (Document::segment_blocks): the block being filled.
  static constexpr std::size_t kBlockSegments = std::size_t{1} << 14;
  Document* document_ = nullptr;
  Segment* block_ = nullptr;
  std::size_t block_used_ = 0;
  std::size_t block_capacity_ = 0;
  SegmentMasks masks_;  // of the segment next_segment took last, when it was short
  std::array<RuleSlot, std::size_t{1} << kRuleCacheBits> rule_cache_{};  // by release_
};

}  // namespace

std::string_view functional_id_for(std::string_view set_id) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kGroups = {{
      {"180", "AN"},
      {"753", "RF"},
      {"754", "RG"},
      {"810", "IN"},
      {"812", "CD"},
      {"820", "RA"},
      {"824", "AG"},
      {"832", "SC"},
      {"846", "IB"},
      {"850", "PO"},
      {"855", "PR"},
      {"856", "SH"},
      {"860", "PC"},
      {"865", "CA"},
      {"997", "FA"},
      {"999", "FA"},
  }};
  for (const auto& [set, group] : kGroups) {
    if (set == set_id) return group;
  }
  return {};
}

bool is_valid_segment_id(std::string_view id) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto upper_or_digit = [&](char c) { return upper(c) || (c >= '0' && c <= '9'); };
  if (id.size() < 2 || id.size() > 3) return false;
  return upper(id[0]) && upper_or_digit(id[1]) && (id.size() == 2 || upper_or_digit(id[2]));
}

Document read_document(std::string_view buffer, std::string_view file_name, Issues& issues) {
  return Reader(buffer, file_name, issues).run();
}

}  // namespace x12
