// The reader: delimiters from the ISA, layout tolerance, envelope tree, exact messages.
#include "x12/reader.h"

#include <doctest/doctest.h>

#include "test_files.h"
#include "util/file.h"
#include "x12/describe.h"

namespace {

x12::WriteOptions options_with(char element, char component, char segment, x12::LineBreak line) {
  x12::WriteOptions options;
  options.delimiters = {element, component, segment, '^'};
  options.line_break = line;
  return options;
}

std::string sample(const std::string& name) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/samples/" + name);
}

}  // namespace

TEST_SUITE("x12::read_document") {
  TEST_CASE("reads separators from the ISA, whatever they are") {
    struct Case {
      const char* name;
      char element, component, segment;
      x12::LineBreak line;
    };
    const Case cases[] = {
        {"tilde star greater", '*', '>', '~', x12::LineBreak::kNone},
        {"tilde star greater with newlines", '*', '>', '~', x12::LineBreak::kAfterSegment},
        {"pipe elements, newline terminator", '|', ':', '\n', x12::LineBreak::kNone},
        {"tilde elements, star terminator", '~', '`', '*', x12::LineBreak::kAfterSegment},
        {"brace terminator", '^', '>', '}', x12::LineBreak::kNone},
    };
    std::string reference;
    for (const Case& c : cases) {
      SUBCASE(c.name) {
        std::string text =
            testing_x12::amazon_850(options_with(c.element, c.component, c.segment, c.line));
        x12::Issues issues;
        x12::Document document = x12::read_document(text, "t.edi", issues);
        CHECK(issues.empty());
        REQUIRE(document.interchanges.size() == 1);
        CHECK(document.interchanges[0].delimiters.element == c.element);
        CHECK(document.interchanges[0].delimiters.component == c.component);
        CHECK(document.interchanges[0].delimiters.segment == c.segment);
        CHECK(document.interchanges[0].groups[0].sets[0].segments.size() == 9);
        std::string plain =
            testing_x12::amazon_850(options_with('*', '>', '~', x12::LineBreak::kNone));
        x12::Issues plain_issues;
        CHECK(x12::dump_segments(document) ==
              x12::dump_segments(x12::read_document(plain, "p.edi", plain_issues)));
      }
    }
  }

  TEST_CASE("ISA11 is a repetition separator only from 00402 on") {
    x12::Issues issues;
    std::string five_ten = testing_x12::amazon_850(x12::WriteOptions{}, "7", "00501");
    CHECK(five_ten.substr(82, 1) == "^");
    x12::Document document = x12::read_document(five_ten, "5010.edi", issues);
    CHECK(issues.empty());
    CHECK(document.interchanges[0].delimiters.repetition == '^');

    std::string four_ten = testing_x12::amazon_850(x12::WriteOptions{});
    CHECK(four_ten.substr(82, 1) == "U");
    CHECK(x12::read_document(four_ten, "4010.edi", issues).interchanges[0].delimiters.repetition ==
          0);
    // A '^' in ISA11 of a 00401 interchange (a public sample) is not a separator either.
    std::string text = sample("generic-997-ak3-ak4-mixed-accept-reject.edi");
    CHECK(x12::read_document(text, "s.edi", issues).interchanges[0].delimiters.repetition == 0);
  }

  TEST_CASE("tolerates a BOM, CR/LF/CRLF and indentation, offsets count the BOM") {
    std::string text = testing_x12::amazon_850(options_with('*', '>', '~', x12::LineBreak::kNone));
    std::string laid_out = "\xEF\xBB\xBF";
    for (char c : text) {
      laid_out += c;
      if (c == '~') laid_out += "\r\n    ";
    }
    x12::Issues issues;
    x12::Document document = x12::read_document(laid_out, "bom.edi", issues);
    CHECK(issues.empty());
    REQUIRE(document.interchanges.size() == 1);
    CHECK(document.interchanges[0].header.offset() == 3);
    const x12::Segment& beg = document.interchanges[0].groups[0].sets[0].segments[1];
    CHECK(beg.id() == "BEG");
    CHECK(laid_out.substr(beg.offset(), 3) == "BEG");
  }

  TEST_CASE("a newline as segment terminator works (public sample)") {
    x12::Issues issues;
    x12::Document document = x12::read_document(
        sample("generic-850-4010vics-newline-only-terminator.edi"), "nl.edi", issues);
    CHECK(issues.empty());
    CHECK(document.interchanges[0].delimiters.segment == '\n');
    CHECK(document.interchanges[0].groups[0].sets[0].segments.size() == 33);  // SE*33
  }

  TEST_CASE("several interchanges, groups and sets in one file") {
    std::string two = testing_x12::amazon_850(x12::WriteOptions{}, "1") + "\n" +
                      testing_x12::amazon_850(x12::WriteOptions{}, "2");
    x12::Issues issues;
    x12::Document document = x12::read_document(two, "two.edi", issues);
    CHECK(issues.empty());
    REQUIRE(document.interchanges.size() == 2);
    CHECK(document.interchanges[1].control() == "000000002");

    x12::Document mixed =
        x12::read_document(sample("generic-997-two-st-in-one-gs.edi"), "m.edi", issues);
    CHECK(issues.empty());
    CHECK(mixed.interchanges[0].groups[0].sets.size() == 8);
  }

  TEST_CASE("segment views give elements and components without copying") {
    std::string text =
        "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       "
        "*261120*0830*U*00401*000000001*0*T*:~";
    x12::Segment segment("AK4*5:1*725*7*XX", 200, x12::Delimiters{'*', ':', '~', 0});
    CHECK(segment.id() == "AK4");
    CHECK(segment.element_count() == 4);
    CHECK(segment.element(1) == "5:1");
    CHECK(segment.component(1, 2) == "1");
    CHECK(segment.element(4) == "XX");
    CHECK(segment.element(9).empty());
    CHECK(segment.element_offset(3) == 200 + 12);
    CHECK(segment.element(1).data() == segment.text().data() + 4);
  }

  TEST_CASE("a bad date is reported with file, byte, set, segment and element") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    std::size_t at = text.find("20261120~REF");
    text.replace(at, 8, "20261340");
    x12::Issues issues;
    x12::read_document(text, "po_123.edi", issues);
    REQUIRE(issues.size() == 1);
    CHECK(x12::format_issue(issues[0]) ==
          "po_123.edi: byte " + std::to_string(at) +
              ", ST 0001 segment 2 BEG05 (element 5): \"20261340\" is not a date CCYYMMDD");
    CHECK(issues[0].level == x12::IssueLevel::kElement);
    CHECK(issues[0].code == 8);
    CHECK(issues[0].element_reference == 373);
    CHECK(issues[0].value == "20261340");
    CHECK(issues[0].interchange_control == "000000101");
    CHECK(issues[0].group_control == "101");
  }

  TEST_CASE("the reader keeps going after a bad transaction set") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    std::string group = text.substr(text.find("ST*850"), text.find("GE*") - text.find("ST*850"));
    std::string second = group;
    second.replace(second.find("0001"), 4, "0002");
    second.replace(second.rfind("0001"), 4, "0002");
    second.replace(second.find("CSH*Y"), 5, "CSH*YYY");
    text.insert(text.find("GE*1"), second);
    text.replace(text.find("GE*1"), 4, "GE*2");
    x12::Issues issues;
    x12::Document document = x12::read_document(text, "two_sets.edi", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].set_control == "0002");
    CHECK_FALSE(document.interchanges[0].groups[0].sets[0].rejected);
    CHECK(document.interchanges[0].groups[0].sets[1].rejected);
  }
}

namespace {

// An 850 interchange of `sets` sets, each ST, `body_segments` short ZZZ segments numbering the
// set and the segment, and SE.
std::string numbered_sets(int sets, int body_segments) {
  std::string text =
      "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261120*0830*U*"
      "00401*000700001*0*T*>~GS*PO*AMAZON*VENDORID*20261120*0830*700001*X*004010~";
  for (int set = 1; set <= sets; ++set) {
    text += "ST*850*" + std::to_string(10000 + set) + "~";
    for (int body = 1; body <= body_segments; ++body) {
      text += "ZZZ*" + std::to_string(set) + "*" + std::to_string(body) + "~";
    }
    text += "SE*" + std::to_string(body_segments + 2) + "*" + std::to_string(10000 + set) + "~";
  }
  return text + "GE*" + std::to_string(sets) + "*700001~IEA*1*000700001~";
}

// How many of `group`'s sets are not exactly what numbered_sets() wrote.
int broken_sets(const x12::FunctionalGroup& group, int sets, int body_segments) {
  int broken = group.sets.size() == static_cast<std::size_t>(sets) ? 0 : sets;
  for (int set = 1; broken == 0 && set <= sets; ++set) {
    const x12::TransactionSet& read_set = group.sets[static_cast<std::size_t>(set - 1)];
    bool whole = read_set.segments.size() == static_cast<std::size_t>(body_segments + 2) &&
                 read_set.segments.front().id() == "ST" && read_set.segments.back().id() == "SE" &&
                 read_set.control() == std::to_string(10000 + set);
    for (int body = 1; whole && body <= body_segments; ++body) {
      const x12::Segment& segment = read_set.segments[static_cast<std::size_t>(body)];
      whole = segment.id() == "ZZZ" && segment.element(1) == std::to_string(set) &&
              segment.element(2) == std::to_string(body);
    }
    if (!whole) ++broken;
  }
  return broken;
}

}  // namespace

TEST_SUITE("x12::read_document segment storage") {
  // The reader keeps every set's segments in blocks shared by the whole file: the first sized
  // after the file (1 per 16 bytes, at most 16,384), the next 16,384 or twice the open set. A
  // set that does not fit in what is left of a block moves whole into the next one.
  TEST_CASE("keeps every set whole and in order across storage blocks, also once moved") {
    struct Case {
      const char* name;
      int sets, body_segments;
      std::size_t least_blocks;  // the case must cross block ends to mean anything
    };
    const Case cases[] = {
        {"a small file: sets straddle the end of its small first block", 30, 7, 2},
        {"a batch: sets straddle the ends of full-size blocks", 5000, 7, 3},
        {"one set larger than a block, moved again and again", 1, 40000, 3},
    };
    for (const Case& c : cases) {
      SUBCASE(c.name) {
        std::string text = numbered_sets(c.sets, c.body_segments);
        x12::Issues issues;
        x12::Document read = x12::read_document(text, "many.edi", issues);
        REQUIRE(issues.empty());
        CHECK(read.segment_blocks.size() >= c.least_blocks);
        x12::Document document = std::move(read);
        REQUIRE(document.interchanges.size() == 1);
        CHECK(broken_sets(document.interchanges[0].groups.at(0), c.sets, c.body_segments) == 0);
      }
    }
  }
}
