// The 850 mapping: what it reads, and the business problems it reports into the 997.
#include "transactions/purchase_order_850.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "x12/acknowledgment.h"
#include "x12/reader.h"
#include "x12/writer.h"

namespace {

// An Amazon 850 interchange whose segments (between ST and SE) are `body`, one per line.
std::string interchange_with(const std::vector<std::string>& body) {
  std::string text =
      "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261120*0830*U*"
      "00401*000000101*0*T*>~\nGS*PO*AMAZON*VENDORID*20261120*0830*101*X*004010~\nST*850*0001~\n";
  for (const std::string& segment : body) text += segment + "~\n";
  text += "SE*" + std::to_string(body.size() + 2) + "*0001~\nGE*1*101~\nIEA*1*000000101~\n";
  return text;
}

const std::vector<std::string> kGood = {
    "BEG*00*NE*2XK4FDJ3**20261120",
    "REF*CR*VEND01",
    "FOB*CC",
    "CSH*Y",
    "DTM*064*20261201",
    "DTM*063*20261208",
    "N1*ST**92*ABE8",
    "PO1*1*10*EA*12.5*PE*BP*B0EXAMPLE1*UP*012345678905",
    "PO1*2*4*CA*48*PE*BP*B0EXAMPLE2*EN*4006381333931*IB*9780306406157*UA*10012345678902*UK*"
    "00012345678905*VN*WID-200",
    "CTT*2*14"};

struct Read {
  std::optional<model::PurchaseOrder> order;
  x12::Issues issues;
  std::string answer;  // the 997 body lines
};

Read read(const std::vector<std::string>& body) {
  Read result;
  std::string text = interchange_with(body);
  x12::Document document = x12::read_document(text, "po.edi", result.issues);
  REQUIRE(result.issues.empty());
  x12::TransactionSet& set = document.interchanges[0].groups[0].sets[0];
  transactions::SetLocation location{"po.edi", 0, 0, 0, "000000101", "101", "0001"};
  transactions::SetIssues issues(location, set, result.issues);
  result.order = transactions::read_purchase_order(set, {"VEND01"}, issues);
  if (issues.count() > 0) set.rejected = true;
  x12::AcknowledgmentPlan plan =
      x12::plan_acknowledgment(document.interchanges[0], 0, result.issues);
  for (const x12::SegmentBuilder& segment : plan.groups.at(0).segments) {
    result.answer += x12::format_segment(segment, x12::Delimiters{}) + "\n";
  }
  return result;
}

std::vector<std::string> without(std::vector<std::string> body, const std::string& prefix) {
  body.erase(std::remove_if(body.begin(), body.end(),
                            [&](const std::string& s) { return s.rfind(prefix, 0) == 0; }),
             body.end());
  return body;
}

std::vector<std::string> replaced(std::vector<std::string> body, const std::string& prefix,
                                  const std::string& segment) {
  for (std::string& item : body) {
    if (item.rfind(prefix, 0) == 0) item = segment;
  }
  return body;
}

}  // namespace

TEST_SUITE("transactions::read_purchase_order") {
  TEST_CASE("reads every field Amazon's Retail 850 carries") {
    Read result = read(kGood);
    REQUIRE(result.order);
    const model::PurchaseOrder& order = *result.order;
    CHECK(order.po_number == "2XK4FDJ3");
    CHECK(order.order_type == "NE");
    CHECK(order.order_date == "20261120");
    CHECK(order.vendor_code == "VEND01");
    CHECK(order.fob_payment == "CC");
    CHECK(order.backorder_allowed);
    CHECK(order.deliver_not_before == "20261201");
    CHECK(order.deliver_not_after == "20261208");
    CHECK(order.ship_to_fc == "ABE8");
    REQUIRE(order.lines.size() == 2);
    CHECK(order.lines[1].quantity == 4);
    CHECK(order.lines[1].uom == "CA");
    CHECK(order.lines[1].unit_price.to_string() == "48");
    REQUIRE(order.lines[1].ids.size() == 6);
    CHECK(order.lines[1].ids[5].qualifier == "VN");
    CHECK(order.lines[1].ids[5].value == "WID-200");
    CHECK(result.answer == "AK1*PO*101\nAK2*850*0001\nAK5*A\nAK9*A*1*1*1\n");
  }

  TEST_CASE("an unknown vendor code rejects the PO in the 997") {
    Read result = read(replaced(kGood, "REF*CR", "REF*CR*OTHER9"));
    CHECK_FALSE(result.order);
    REQUIRE(result.issues.size() == 1);
    CHECK(x12::format_issue(result.issues[0]) ==
          "po.edi: byte 207, ST 0001 segment 3 REF02 (element 2): vendor code \"OTHER9\" is not "
          "one of ours (vendors in the config)");
    CHECK(result.answer ==
          "AK1*PO*101\nAK2*850*0001\nAK3*REF*3**8\nAK4*2*127*7*OTHER9\nAK5*R*5\nAK9*R*1*1*0\n");
  }

  TEST_CASE("CTT line count and quantity hash are checked") {
    Read result = read(replaced(kGood, "CTT", "CTT*3*15"));
    CHECK_FALSE(result.order);
    REQUIRE(result.issues.size() == 2);
    CHECK(result.issues[0].message == "CTT01 \"3\" does not match the 2 PO1 lines");
    CHECK(result.issues[1].message == "CTT02 \"15\" does not match the sum of PO102, 14");
    CHECK(result.answer.find("AK3*CTT*11**8\nAK4*1*354*7*3\nAK4*2*347*7*15\nAK5*R*5\n") !=
          std::string::npos);
  }

  TEST_CASE("a missing mandatory segment is AK3 code 3") {
    struct Case {
      const char* removed;
      const char* expected;
    };
    const Case cases[] = {
        {"BEG", "AK3*BEG*8**3"},     {"REF*CR", "AK3*REF*8**3"}, {"CSH", "AK3*CSH*8**3"},
        {"DTM*064", "AK3*DTM*8**3"}, {"N1*ST", "AK3*N1*8**3"},   {"CTT", "AK3*CTT*11**3"},
    };
    for (const Case& c : cases) {
      std::string removed = c.removed;
      CAPTURE(removed);
      Read result = read(without(kGood, c.removed));
      CHECK_FALSE(result.order);
      CHECK(result.answer.find(c.expected) != std::string::npos);
      CHECK(result.answer.find("AK5*R*5") != std::string::npos);
    }
    Read no_lines = read(without(without(kGood, "PO1"), "CTT"));
    CHECK(no_lines.answer.find("AK3*PO1*9**3") != std::string::npos);
  }

  TEST_CASE("line problems: fractional quantity, unknown unit, no product id") {
    Read result = read(replaced(kGood, "PO1*1", "PO1*1*2.5*BX*12.5*PE"));
    CHECK_FALSE(result.order);
    REQUIRE(result.issues.size() >= 2);
    CHECK(result.issues[0].message == "quantity \"2.5\" must be a whole number above 0");
    CHECK(result.issues[1].message == "unit of measure \"BX\" is not EA or CA");
    Read no_id = read(replaced(kGood, "PO1*1", "PO1*1*10*EA*12.5*PE"));
    CHECK(no_id.issues.at(0).message == "the line has no product id (PO106/PO107)");
  }
}
