// 997 and TA1 construction from the reader's Issues.
#include "x12/acknowledgment.h"

#include <doctest/doctest.h>

#include "test_files.h"
#include "x12/reader.h"

namespace {

x12::AcknowledgmentEnvelope envelope() {
  x12::AcknowledgmentEnvelope result;
  result.interchange.sender_qualifier = "ZZ";
  result.interchange.sender_id = "VENDORID";
  result.interchange.receiver_qualifier = "ZZ";
  result.interchange.receiver_id = "AMAZON";
  result.interchange.date = "261126";
  result.interchange.time = "0830";
  result.interchange.control = "42";
  result.group.sender = "VENDORID";
  result.group.receiver = "AMAZON";
  result.group.date = "20261126";
  result.group.time = "0830";
  result.group.control = "42";
  result.options.line_break = x12::LineBreak::kAfterSegment;
  return result;
}

std::string answer_to(const std::string& text) {
  x12::Issues issues;
  x12::Document document = x12::read_document(text, "in.edi", issues);
  std::string out;
  for (std::size_t i = 0; i < document.interchanges.size(); ++i) {
    out += x12::write_acknowledgment(
        x12::plan_acknowledgment(document.interchanges[i], static_cast<int>(i), issues),
        envelope());
  }
  return out;
}

}  // namespace

TEST_SUITE("x12::plan_acknowledgment") {
  TEST_CASE("an accepted 850 group gets AK1, AK2/AK5 A and AK9 A") {
    CHECK(answer_to(testing_x12::amazon_850(x12::WriteOptions{})) ==
          "ISA*00*          *00*          *ZZ*VENDORID       *ZZ*AMAZON         *261126*0830*U*"
          "00401*000000042*0*P*>~\n"
          "GS*FA*VENDORID*AMAZON*20261126*0830*42*X*004010~\n"
          "ST*997*0001~\n"
          "AK1*PO*101~\n"
          "AK2*850*0001~\n"
          "AK5*A~\n"
          "AK9*A*1*1*1~\n"
          "SE*6*0001~\n"
          "GE*1*42~\n"
          "IEA*1*000000042~\n");
  }

  TEST_CASE("a 5010 group is answered by a 5010 997 with AK103") {
    std::string answer = answer_to(testing_x12::amazon_850(x12::WriteOptions{}, "9", "00501"));
    CHECK(answer.find("*^*00501*000000042*") != std::string::npos);
    CHECK(answer.find("GS*FA*VENDORID*AMAZON*20261126*0830*42*X*005010~") != std::string::npos);
    CHECK(answer.find("AK1*PO*9*005010~") != std::string::npos);
  }

  TEST_CASE("element errors become AK3/AK4 with the element reference and bad value") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    text.replace(text.find("DTM*064*20261201"), 16, "DTM*064*20261301");
    std::string answer = answer_to(text);
    CHECK(answer.find("AK2*850*0001~\nAK3*DTM*5**8~\nAK4*2*373*8*20261301~\nAK5*R*5~\n"
                      "AK9*R*1*1*0~\n") != std::string::npos);
  }

  TEST_CASE("one bad set of two makes the group partially accepted") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    std::size_t st = text.find("ST*850");
    std::string set = text.substr(st, text.find("GE*") - st);
    std::string second = set;
    second.replace(second.find("0001"), 4, "0002");
    second.replace(second.rfind("0001"), 4, "0002");
    second.replace(second.find("SE*9"), 4, "SE*8");
    text.insert(text.find("GE*1"), second);
    text.replace(text.find("GE*1"), 4, "GE*2");
    std::string answer = answer_to(text);
    CHECK(answer.find("AK2*850*0001~\nAK5*A~\nAK2*850*0002~\nAK5*R*4~\nAK9*P*2*2*1~\n") !=
          std::string::npos);
  }

  TEST_CASE("a received 997 is never acknowledged, but a TA1 is sent when asked for") {
    x12::InterchangeHeader isa;
    isa.sender_qualifier = isa.receiver_qualifier = "ZZ";
    isa.sender_id = "AMAZON";
    isa.receiver_id = "VENDORID";
    isa.date = "261120";
    isa.time = "0830";
    isa.control = "77";
    x12::InterchangeWriter writer(isa, x12::WriteOptions{});
    writer.begin_group({"FA", "AMAZON", "VENDORID", "20261120", "0830", "77", "004010"});
    writer.begin_set("997", "0001");
    writer.add(x12::SegmentBuilder("AK1").add("PR").add("68"));
    writer.add(x12::SegmentBuilder("AK9").add("A").add("1").add("1").add("1"));
    writer.end_set();
    writer.end_group();
    std::string text = writer.finish();
    CHECK(answer_to(text) == "");

    isa.acknowledgment_requested = true;
    x12::InterchangeWriter asking(isa, x12::WriteOptions{});
    asking.begin_group({"FA", "AMAZON", "VENDORID", "20261120", "0830", "77", "004010"});
    asking.begin_set("997", "0001");
    asking.add(x12::SegmentBuilder("AK1").add("PR").add("68"));
    asking.add(x12::SegmentBuilder("AK9").add("A").add("1").add("1").add("1"));
    asking.end_set();
    asking.end_group();
    std::string answer = answer_to(asking.finish());
    CHECK(answer.find("TA1*000000077*261120*0830*A*000~\nIEA*0*000000042~\n") != std::string::npos);
    CHECK(answer.find("GS*") == std::string::npos);
  }

  TEST_CASE("a bad ISA gets a TA1 R and no 997") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    text.replace(text.find("*261120*"), 8, "*261199*");
    std::string answer = answer_to(text);
    CHECK(answer.find("TA1*000000101*000101*0830*R*014~") != std::string::npos);
    CHECK(answer.find("AK1") == std::string::npos);
  }

  TEST_CASE("a component error is located as element:component in AK401") {
    std::string text = testing_x12::amazon_850(x12::WriteOptions{});
    text.replace(text.find("REF*CR*VEND01"), 13, "REF*CR*VEND01**ZZZZ>X");
    std::string answer = answer_to(text);
    CHECK(answer.find("AK3*REF*3**8~\nAK4*4>1*128*5*ZZZZ~\n") != std::string::npos);
  }
}
