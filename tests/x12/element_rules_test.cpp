// The element checks of one segment: each value's problem and its AK403 code, for the values
// the single-pass check accepts without the detailed one (digits, decimals, codes, lengths)
// and for those it must hand on (a sign, two points, a code that is only part of a listed one).
#include "x12/element_rules.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

// (element position, AK403 code) of each problem of `text` read as a 4010 segment.
std::vector<std::pair<int, int>> problems_of(const std::string& text) {
  x12::Segment segment(text, 0, x12::Delimiters{'*', '>', '~', 0});
  std::vector<x12::ElementProblem> problems;
  x12::check_elements(segment, x12::Release::k4010, problems);
  std::vector<std::pair<int, int>> found;
  for (const x12::ElementProblem& problem : problems) {
    found.emplace_back(problem.element_position, problem.code);
  }
  return found;
}

using Found = std::vector<std::pair<int, int>>;

}  // namespace

TEST_SUITE("x12::check_elements") {
  TEST_CASE("decimals: a sign and one point are allowed, the point is not counted") {
    CHECK(problems_of("PO1*1*59*EA*76.64*PE*UK*25656441254701") == Found{});
    CHECK(problems_of("PO1*1*-5*EA*1.5*PE") == Found{});
    CHECK(problems_of("PO1*1*5.*EA*.5*PE") == Found{});
    CHECK(problems_of("PO1*1*12345678901234.5*EA*1*PE") == Found{});
    CHECK(problems_of("PO1*1*1..2*EA*1*PE") == Found{{2, 6}});
    CHECK(problems_of("PO1*1*.*EA*1*PE") == Found{{2, 6}});
    CHECK(problems_of("PO1*1*-*EA*1*PE") == Found{{2, 6}});
    CHECK(problems_of("PO1*1*1e5*EA*1*PE") == Found{{2, 6}});
    CHECK(problems_of("PO1*1*1234567890123456*EA*1*PE") == Found{{2, 5}});
  }

  TEST_CASE("numbers: digits with an optional sign, length in digits, mandatory") {
    CHECK(problems_of("CTT*12") == Found{});
    CHECK(problems_of("CTT*-12") == Found{});
    CHECK(problems_of("CTT*12a") == Found{{1, 6}});
    CHECK(problems_of("CTT*1234567") == Found{{1, 5}});
    CHECK(problems_of("CTT*") == Found{{1, 1}});
    CHECK(problems_of("CTT") == Found{{1, 1}});
  }

  TEST_CASE("codes: only a whole listed code is valid") {
    const std::string head = "GS*PO*SENDER*RECEIVER*20261120*0830*1*";
    CHECK(problems_of(head + "T*004010") == Found{});
    CHECK(problems_of(head + "X*004010") == Found{});
    CHECK(problems_of(head + "TX*004010") == Found{{7, 7}});
    CHECK(problems_of(head + " *004010") == Found{{7, 7}});
    CHECK(problems_of("GS*PO*S*RECEIVER*20261120*0830*1*X*004010") == Found{{2, 4}});
  }

  TEST_CASE("control characters and separators inside values") {
    CHECK(problems_of(std::string("PO1*1*5*E\x01*1")) == Found{{3, 6}});
    CHECK(problems_of("PO1*1*5*E>A*1") == Found{{3, 6}});
    CHECK(problems_of(std::string("PO1*1\x7F*5*EA*1")) == Found{{1, 6}});
    // A segment outside the dictionary: only control characters are problems.
    CHECK(problems_of(std::string("ZZZ*a\x02"
                                  "b*c")) == Found{{1, 6}});
    CHECK(problems_of("ZZZ*a>b*") == Found{});
  }

  TEST_CASE("too many elements stops at the first extra one") {
    CHECK(problems_of("CTT*1*2*3*EA*4*EA*x*extra*more") == Found{{8, 3}});
  }
}
