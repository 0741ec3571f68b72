// The tree the reader builds: interchanges -> functional groups -> transaction sets ->
// segments. Every Segment is a view into the file buffer, which must outlive the Document.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "x12/segment.h"

namespace x12 {

struct TransactionSet {
  std::vector<Segment> segments;  // ST first; SE last when `has_trailer`
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
};

}  // namespace x12
