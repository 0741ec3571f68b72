// The tree the reader builds: interchanges -> functional groups -> transaction sets ->
// segments. Every Segment is a view into the file buffer, which must outlive the Document.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "x12/segment.h"

namespace x12 {

// A transaction set's segments, in order: a view into the segment storage of the Document that
// holds the set (one run of blocks for the whole file instead of a vector per set: a batch of
// 20,000 POs is then a few dozen allocations, not 20,000 regrowing vectors).
class SegmentList {
 public:
  SegmentList() = default;
  SegmentList(const Segment* first, std::size_t count) : first_(first), count_(count) {}
  const Segment* begin() const { return first_; }
  const Segment* end() const { return first_ + count_; }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const Segment& operator[](std::size_t index) const { return first_[index]; }
  const Segment& front() const { return first_[0]; }
  const Segment& back() const { return first_[count_ - 1]; }

 private:
  const Segment* first_ = nullptr;
  std::size_t count_ = 0;
};

// A set's segments live in its Document's blocks, so a set moves with its Document and is never
// copied out of it (a copy could outlive the blocks). Moving a Document keeps every set valid.
struct TransactionSet {
  TransactionSet() = default;
  TransactionSet(TransactionSet&&) = default;
  TransactionSet& operator=(TransactionSet&&) = default;
  TransactionSet(const TransactionSet&) = delete;
  TransactionSet& operator=(const TransactionSet&) = delete;

  SegmentList segments;  // ST first; SE last when `has_trailer`
  bool has_trailer = false;
  bool rejected = false;  // some Issue of this set makes it unusable (AK5 R)

  std::string_view id() const { return segments.front().element(1); }              // ST01
  std::string_view control() const { return segments.front().element(2); }         // ST02
  std::string_view implementation() const { return segments.front().element(3); }  // ST03 (5010)
};

struct FunctionalGroup {
  Segment header;                  // GS
  std::optional<Segment> trailer;  // GE
  std::vector<TransactionSet> sets;
  bool rejected = false;  // a group-level Issue rejects every set (AK9 R)

  std::string_view functional_id() const { return header.element(1); }  // GS01
  std::string_view control() const { return header.element(6); }        // GS06
  std::string_view version() const { return header.element(8); }        // GS08
};

struct Interchange {
  Segment header;                  // ISA
  std::optional<Segment> trailer;  // IEA
  std::vector<FunctionalGroup> groups;
  std::vector<Segment> ta1s;  // TA1 segments sent to us inside this interchange
  Delimiters delimiters;
  bool rejected = false;    // the ISA itself is bad: no group is processed (TA1 R)
  bool has_errors = false;  // any interchange-level Issue (TA1 E or R)

  // ISA fields trimmed of their padding.
  std::string_view sender_qualifier() const { return trimmed(5); }
  std::string_view sender_id() const { return trimmed(6); }
  std::string_view receiver_qualifier() const { return trimmed(7); }
  std::string_view receiver_id() const { return trimmed(8); }
  std::string_view date() const { return trimmed(9); }                  // YYMMDD
  std::string_view time() const { return trimmed(10); }                 // HHMM
  std::string_view version() const { return trimmed(12); }              // e.g. 00401
  std::string_view control() const { return trimmed(13); }              // ISA13
  bool acknowledgment_requested() const { return trimmed(14) == "1"; }  // ISA14
  std::string_view usage() const { return trimmed(15); }                // P or T

 private:
  std::string_view trimmed(std::size_t position) const;
};

struct Document {
  std::vector<Interchange> interchanges;
  // Where every TransactionSet's segments live: raw blocks the reader fills in place (Segment
  // is trivially destructible). Blocks never move once allocated, so a moved Document keeps its
  // sets valid; a copy would point into the original's blocks, hence none.
  struct BlockRelease {
    void operator()(Segment* block) const { ::operator delete(static_cast<void*>(block)); }
  };
  std::vector<std::unique_ptr<Segment, BlockRelease>> segment_blocks;

  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
};

}  // namespace x12
