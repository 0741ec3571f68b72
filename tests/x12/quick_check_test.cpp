// The reader's fast path (segment_masks.h, quick_check.h) against the detailed check: it may
// only say "valid" when check_elements finds nothing, it must say so for the plain values of a
// batch (or it would be no fast path), and the reader's element issues stay exactly those of
// check_elements wherever the fast path was taken.
#include "x12/quick_check.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "x12/reader.h"

namespace {

const x12::Delimiters kDelimiters{'*', '>', '~', 0};

// The fast path's answer for `text` (a segment without its terminator), or false when the
// segment is too long for it. Padding behind the terminator gives mask_segment its window.
bool quick_accepts(const std::string& text, x12::Release release = x12::Release::k4010) {
  std::string buffer = text + "~" + std::string(x12::kMaskWindow, 'Z');
  x12::SegmentMasks masks;
  if (!x12::mask_segment(buffer.data(), x12::MaskDelimiters(kDelimiters), masks)) return false;
  REQUIRE(masks.length == text.size());
  std::string_view id = std::string_view(text).substr(0, x12::id_length(masks));
  REQUIRE(x12::is_valid_segment_id(id));
  return x12::quick_check(text, masks, x12::find_segment_rule(id, release), kDelimiters.component);
}

bool detailed_accepts(const std::string& text, x12::Release release = x12::Release::k4010) {
  std::vector<x12::ElementProblem> problems;
  x12::check_elements(x12::Segment(text, 0, kDelimiters), release, problems);
  return problems.empty();
}

// A random element value: mostly plain digits, decimals and codes, sometimes a byte or shape
// some rule forbids (sign, second point, control character, separator, non-ASCII, empty).
std::string random_value(std::mt19937& random) {
  static const std::vector<std::string> kPieces = {"1",
                                                   "59",
                                                   "EA",
                                                   "76.64",
                                                   "PE",
                                                   "UK",
                                                   "25656441254701",
                                                   "VI-01475",
                                                   ".",
                                                   "-",
                                                   "5.",
                                                   ".5",
                                                   "1..2",
                                                   "",
                                                   "\x01",
                                                   "\x7F",
                                                   ">",
                                                   " ",
                                                   "\xC3\xA9",
                                                   "20261120",
                                                   "20261340",
                                                   "0830",
                                                   "2599",
                                                   "T",
                                                   "X",
                                                   "TX",
                                                   "123456789012345678901",
                                                   "A",
                                                   "00",
                                                   "850",
                                                   "0001"};
  std::string value;
  int pieces = std::uniform_int_distribution<int>(0, 3)(random);
  for (int i = 0; i < pieces; ++i) {
    value += kPieces[std::uniform_int_distribution<std::size_t>(0, kPieces.size() - 1)(random)];
  }
  return value;
}

}  // namespace

TEST_SUITE("x12::quick_check") {
  TEST_CASE("accepts the plain segments of a batch") {
    CHECK(quick_accepts("PO1*1*59*EA*76.64*PE*UK*25656441254701"));
    CHECK(quick_accepts("PO1*12*49*EA*16.25*PE*BP*B07RPGJCEL*UK*65558758706493"));
    CHECK(quick_accepts("PO1*8*31*EA*43.52*PE*VN*VI-01475"));
    CHECK(quick_accepts("BEG*00*NE*W7EXKJVM**20261120"));
    CHECK(quick_accepts("DTM*064*20261201"));
    CHECK(quick_accepts("N1*ST**92*ABE8"));
    CHECK(quick_accepts("CTT*52"));
    CHECK(quick_accepts("SE*54*0001"));
    CHECK(quick_accepts("ST*850*0001"));
    CHECK(quick_accepts("ZZZ*ab*"));  // outside the dictionary: control characters only
    CHECK(quick_accepts("CSH"));      // no elements, none mandatory
  }

  TEST_CASE("hands every problem, and what it cannot judge, to the detailed check") {
    const std::vector<std::string> cases = {
        "PO1*1*1..2*EA*1*PE",            // two points
        "PO1*1*.*EA*1*PE",               // a point alone
        "PO1*1*-5*EA*1.5*PE",            // a sign: valid, but for the detailed check to say
        "PO1*1*1234567890123456*EA",     // too long (15 digits at most)
        "PO1*1*5*E*1",                   // too short
        "PO1*1*5*E>A*1",                 // component separator in a simple element
        "PO1*1\x7F*5*EA*1",              // DEL
        "PO1*1*5*E\x01*1",               // control character
        "CTT*12a",                       // not a number
        "CTT*",                          // mandatory missing (empty)
        "CTT",                           // mandatory missing (absent)
        "CTT*1*2*3*EA*4*EA*x*extra",     // too many elements
        "BEG*00*NE*W7EXKJVM**20261340",  // not a date (a kDetailed element)
        "GS*PO*SENDER*RECEIVER*20261120*0830*1*TX*004010",  // not a listed code
        "ZZZ*a\x02",                                        // control character, unknown segment
        "AK4*1>2>3>4*1*1",                                  // too many components
    };
    for (const std::string& text : cases) {
      CAPTURE(text);
      CHECK_FALSE(quick_accepts(text));
    }
  }

  TEST_CASE("a segment of 63 bytes is the longest the fast path takes") {
    std::string longest = "N1*ST*" + std::string(57, 'A');
    REQUIRE(longest.size() == 63);
    CHECK(quick_accepts(longest));
    CHECK_FALSE(quick_accepts(longest + "A"));  // no terminator in the window: plain path
  }

  TEST_CASE("never accepts what the detailed check rejects (random segments, fixed seed)") {
    const std::vector<std::string> ids = {"PO1", "CTT", "BEG", "DTM", "N1",  "REF", "SE",
                                          "ST",  "GS",  "AK4", "TD5", "ZZZ", "CUR"};
    std::mt19937 random(20261127);
    int accepted = 0, valid = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string text = ids[std::uniform_int_distribution<std::size_t>(0, ids.size() - 1)(random)];
      int elements = std::uniform_int_distribution<int>(0, 14)(random);
      for (int i = 0; i < elements; ++i) text += "*" + random_value(random);
      if (text.size() > 63) continue;
      for (x12::Release release : {x12::Release::k4010, x12::Release::k5010}) {
        bool quick = quick_accepts(text, release);
        bool detailed = detailed_accepts(text, release);
        accepted += quick;
        valid += detailed;
        if (quick && !detailed) {
          CAPTURE(text);
          FAIL("the fast path accepted a segment the detailed check rejects");
        }
      }
    }
    // The fast path must actually decide most valid segments, or it is no fast path.
    CHECK(accepted > valid / 2);
    CHECK(valid > 1000);
  }

  TEST_CASE("the reader reports each element problem as check_elements words it") {
    // Random PO1 lines in one set, most valid, some not: the reader's element issues must be
    // those of the detailed check, segment by segment, at the same byte offsets.
    std::mt19937 random(8);
    std::string head =
        "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261120*0830*U*"
        "00401*000700001*0*T*>~\nGS*PO*AMAZON*VENDORID*20261120*0830*700001*X*004010~\n"
        "ST*850*0001~\nBEG*00*NE*W7EXKJVM**20261120~\n";
    std::string body;
    std::vector<std::string> lines;
    for (int line = 1; line <= 400; ++line) {
      std::string text = "PO1*" + std::to_string(line);
      int elements = std::uniform_int_distribution<int>(1, 8)(random);
      for (int i = 0; i < elements; ++i) {
        bool plain = std::uniform_int_distribution<int>(0, 9)(random) > 0;
        static const char* kPlain[] = {"59", "EA", "76.64", "PE", "UK", "VI-01475", ""};
        text += "*" + (plain ? std::string(kPlain[(line + i) % 7]) : random_value(random));
      }
      lines.push_back(text);
    }
    std::vector<std::size_t> offsets;
    std::string text = head;
    for (const std::string& line : lines) {
      offsets.push_back(text.size());
      text += line + "~\n";
    }
    text += "CTT*" + std::to_string(lines.size()) + "~\nSE*" + std::to_string(lines.size() + 4) +
            "*0001~\nGE*1*700001~\nIEA*1*000700001~\n";

    std::vector<x12::Issue> expected;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      x12::Segment segment(lines[i], offsets[i], kDelimiters);
      std::vector<x12::ElementProblem> problems;
      x12::check_elements(segment, x12::Release::k4010, problems);
      for (const x12::ElementProblem& problem : problems) {
        x12::Issue issue;
        issue.offset = segment.element_offset(problem.element_position);
        issue.segment_position = static_cast<int>(i) + 3;
        issue.element_position = problem.element_position;
        issue.code = problem.code;
        issue.message = problem.message;
        expected.push_back(issue);
      }
    }
    REQUIRE(expected.size() > 10);
    x12::Issues issues;
    x12::read_document(text, "t.edi", issues);
    REQUIRE(issues.size() == expected.size());
    for (std::size_t i = 0; i < issues.size(); ++i) {
      CAPTURE(i);
      CHECK(issues[i].level == x12::IssueLevel::kElement);
      CHECK(issues[i].segment_id == "PO1");
      CHECK(issues[i].offset == expected[i].offset);
      CHECK(issues[i].segment_position == expected[i].segment_position);
      CHECK(issues[i].element_position == expected[i].element_position);
      CHECK(issues[i].code == expected[i].code);
      CHECK(issues[i].message == expected[i].message);
    }
  }
}
