// The writer: fixed-width ISA, computed trailers, refusal of unwritable values.
#include "x12/writer.h"

#include <doctest/doctest.h>

#include "test_files.h"
#include "x12/reader.h"

TEST_SUITE("x12::InterchangeWriter") {
  TEST_CASE("pads ISA fields to their widths and computes every trailer") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    CHECK(text.substr(0, 106) ==
          "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261120*0830*U*"
          "00401*000000101*0*T*>~");
    CHECK(text.find("SE*9*0001~") != std::string::npos);
    CHECK(text.find("GE*1*101~") != std::string::npos);
    CHECK(text.substr(text.size() - 16) == "IEA*1*000000101~");
  }

  TEST_CASE("drops trailing empty elements and components") {
    x12::SegmentBuilder segment("N1");
    segment.add("ST").add("").add("92").add("ABE8").add("").add("");
    CHECK(x12::format_segment(segment, x12::Delimiters{}) == "N1*ST**92*ABE8");
    x12::SegmentBuilder composite("AK4");
    composite.add_composite({"5", "1"}).add("").add("7").add_composite({"", ""});
    CHECK(x12::format_segment(composite, x12::Delimiters{}) == "AK4*5>1**7");
    x12::SegmentBuilder mixed("SLN");
    mixed.add_composite({"A", "", ""}).add_composite({}).add_composite({"", "B"}).add("");
    CHECK(mixed.element_count() == 4);
    CHECK(x12::format_segment(mixed, x12::Delimiters{}) == "SLN*A**>B");
  }

  TEST_CASE("appends segments to a buffer as format_segment writes them") {
    std::string out = "HEAD";
    x12::SegmentBuilder first("REF");
    first.add("CR").add("A1");
    x12::append_segment(out, first, x12::Delimiters{});
    x12::SegmentBuilder second("N1");
    second.add("").add("").add_composite({"X", "Y"});
    x12::append_segment(out, second, x12::Delimiters{'|', ':', '~', 0});
    CHECK(out == "HEADREF*CR*A1N1|||X:Y");
  }

  TEST_CASE("names the component of a composite that holds a delimiter") {
    x12::SegmentBuilder segment("AK4");
    segment.add("1").add_composite({"OK", "B>D", ""});
    CHECK_THROWS_WITH_AS(x12::format_segment(segment, x12::Delimiters{}),
                         "AK402-2: \"B>D\" contains the delimiter '>'", x12::WriteError);
  }

  TEST_CASE("refuses a value containing a delimiter or a non-printable byte") {
    x12::SegmentBuilder with_star("N1");
    with_star.add("ST").add("ACME * SONS");
    CHECK_THROWS_WITH_AS(x12::format_segment(with_star, x12::Delimiters{}),
                         "N102: \"ACME * SONS\" contains the delimiter '*'", x12::WriteError);
    x12::SegmentBuilder with_tilde("REF");
    with_tilde.add("CR").add("A~B");
    CHECK_THROWS_AS(x12::format_segment(with_tilde, x12::Delimiters{}), x12::WriteError);
    x12::SegmentBuilder with_newline("MSG");
    with_newline.add("line\nbreak");
    CHECK_THROWS_WITH_AS(x12::format_segment(with_newline, x12::Delimiters{}),
                         "MSG01: \"line\\x0Abreak\" contains a byte that is not printable ASCII",
                         x12::WriteError);
    x12::SegmentBuilder with_component("PO1");
    with_component.add("1").add_composite({"A>B"});
    CHECK_THROWS_WITH_AS(x12::format_segment(with_component, x12::Delimiters{}),
                         "PO102: \"A>B\" contains the delimiter '>'", x12::WriteError);
  }

  TEST_CASE("refuses ISA values that do not fit") {
    x12::InterchangeHeader isa;
    isa.sender_qualifier = "ZZ";
    isa.sender_id = "A-SENDER-ID-THAT-IS-TOO-LONG";
    isa.receiver_qualifier = "ZZ";
    isa.receiver_id = "AMAZON";
    isa.date = "261126";
    isa.time = "0830";
    isa.control = "1";
    CHECK_THROWS_AS(x12::InterchangeWriter(isa, x12::WriteOptions{}), x12::WriteError);
    isa.sender_id = "VENDOR";
    isa.control = "1234567890";
    CHECK_THROWS_AS(x12::InterchangeWriter(isa, x12::WriteOptions{}), x12::WriteError);
    isa.control = "1";
    isa.date = "261340";
    CHECK_THROWS_AS(x12::InterchangeWriter(isa, x12::WriteOptions{}), x12::WriteError);
  }

  TEST_CASE("writes a repetition separator only for 00402 and later") {
    CHECK(testing_x12::amazon_850(x12::WriteOptions{}, "5", "00501").substr(82, 7) == "^*00501");
    CHECK(testing_x12::amazon_850(x12::WriteOptions{}, "5", "00401").substr(82, 7) == "U*00401");
  }

  TEST_CASE("a newline after each segment is optional") {
    x12::WriteOptions options;
    options.line_break = x12::LineBreak::kAfterSegment;
    std::string text = testing_x12::amazon_850(options);
    CHECK(text.substr(105, 2) == "~\n");
    CHECK(text.back() == '\n');
  }

  TEST_CASE("calls out of order are programming errors") {
    x12::InterchangeHeader isa;
    isa.sender_qualifier = isa.receiver_qualifier = "ZZ";
    isa.sender_id = "V";
    isa.receiver_id = "AMAZON";
    isa.date = "261126";
    isa.time = "0830";
    isa.control = "1";
    x12::InterchangeWriter writer(isa, x12::WriteOptions{});
    CHECK_THROWS_AS(writer.begin_set("850", "0001"), std::logic_error);
    CHECK_THROWS_AS(writer.add(x12::SegmentBuilder("BEG")), std::logic_error);
  }
}
