// Fulfilment end to end with the real jobs: ready CSV -> 753 -> 754 -> routing CSV -> shipped CSV
// -> 856 -> 810 -> Amazon's 997s, plus the gate, SSCC and partial-shipment rules.
#include <doctest/doctest.h>

#include <sstream>

#include "golden_support.h"
#include "job_fixture.h"
#include "util/file.h"
#include "x12/reader.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::query_text;

namespace {

const std::map<std::string, std::string> kDay1 = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};
const std::map<std::string, std::string> kDay2 = {{"AVEDI_NOW", "2026-11-27T10:00:00Z"}};
const std::map<std::string, std::string> kDay3 = {{"AVEDI_NOW", "2026-11-28T16:00:00Z"}};

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

const char* const kSample850 = "sample-inbox/as2/amazon-850-two-orders.edi";

// The sample story up to released POs (850s, stock, 855s); `po_file` is the 850s' text.
void released_orders(JobTree& tree, const std::string& po_file = repo_file(kSample850)) {
  tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
  tree.drop("po-file", po_file);
  tree.drop_3pl("inventory_20261126.csv", repo_file("sample-inbox/3pl/inventory_20261126.csv"));
  REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
  REQUIRE(tree.run("avedi-stock", {}, kDay1).exit_code == 0);
  REQUIRE(tree.run("avedi-acknowledge", {}, kDay1).exit_code == 0);
}

// The sample story up to routed shipments (ready CSV, 753s, Amazon's 754 for both).
void routed_sample_story(JobTree& tree) {
  released_orders(tree);
  tree.drop_3pl("ready_20261127.csv", repo_file("sample-inbox/3pl/ready_20261127.csv"));
  REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
  tree.drop("routing", repo_file("sample-inbox/as2/amazon-754-routing-two-shipments.edi"));
  REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);
}

// An Amazon 997 accepting our group `functional_id` `group`.
std::string accepting_997(int control, const std::string& functional_id, const std::string& group) {
  std::string c = std::to_string(control);
  std::string isa13 = std::string(9 - c.size(), '0') + c;
  return "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261129*0100*U*"
         "00401*" +
         isa13 + "*0*T*>~\nGS*FA*AMAZON*VENDORID*20261129*0100*" + c +
         "*X*004010~\nST*997*0001~\nAK1*" + functional_id + "*" + group +
         "~\nAK9*A*1*1*1~\nSE*4*0001~\nGE*1*" + c + "~\nIEA*1*" + isa13 + "~\n";
}

// Of the released sample POs: 2XK4FDJ3's WID-100 ready in cartons C1 and C2 of 3 units each
// (one shipment, AVD00000001), and Amazon's 754 routing it (ARN1, UPS).
void route_one_line_in_two_cartons(JobTree& tree) {
  tree.drop_3pl("ready_two.csv",
                "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                "height_cm,ready_date,ship_from\n"
                "2XK4FDJ3,WID-100,3,C1,,,1,10,10,10,2026-11-28,WH1\n"
                "2XK4FDJ3,WID-100,3,C2,,,1,10,10,10,2026-11-28,WH1\n");
  REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
  tree.drop("routing",
            "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*1000*^*"
            "00501*000002301*0*T*>~\nGS*RG*AMAZON*VENDORID*20261127*1000*2301*X*005010~\n"
            "ST*754*0001~\nBGN*00*ARN1*20261127*1000**AVD00000001~\nN1*CA*UPS*2*UPSN~\n"
            "SE*4*0001~\nGE*1*2301~\nIEA*1*000002301~\n");
  REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);
}

// The shipped CSV for both cartons of route_one_line_in_two_cartons, 3 units each, by UPS.
std::string both_cartons_shipped() {
  std::string shipped =
      "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,"
      "pro_number,tracking_number,estimated_delivery\n";
  for (const std::string sscc : {"006141410000000012", "006141410000000029"}) {
    shipped += "AVD00000001,2XK4FDJ3,WID-100,3," + sscc + ",,2026-11-28,UPSN,BA,,,2026-12-02\n";
  }
  return shipped;
}

// route_one_line_in_two_cartons, then both cartons shipped (both_cartons_shipped).
void ship_both_cartons(JobTree& tree) {
  route_one_line_in_two_cartons(tree);
  tree.drop_3pl("shipped_split.csv", both_cartons_shipped());
  REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
}

std::string outputs(const JobTree& tree, const std::string& infix) {
  std::string out;
  for (const fs::path& folder : {tree.outbox(), tree.tpl_outbox()}) {
    for (const auto& [name, content] : tree.files_under(folder)) {
      if (name.find(infix) != std::string::npos) out += "== " + name + "\n" + content;
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("fulfilment") {
  TEST_CASE("golden: the whole story on the sample files") {
    JobTree tree;
    routed_sample_story(tree);
    tree.drop_3pl("shipped_20261128.csv", repo_file("sample-inbox/3pl/shipped_20261128.csv"));
    CHECK(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    CHECK(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    // Amazon accepts every group we sent (GS06 of the 855s 2, 753s 3-4, 856s 7-8, 810s 9-10).
    std::string groups = query_text(tree,
                                    "SELECT functional_id, group_control FROM documents "
                                    "WHERE functional_id IN ('PR','RF','SH','IN')");
    int control = 9000;
    std::istringstream lines(groups);
    for (std::string line; std::getline(lines, line);) {
      tree.drop("ack-" + std::to_string(control),
                accepting_997(control, line.substr(0, 2), line.substr(3)));
      ++control;
    }
    CHECK(tree.run("avedi-receive", {}, kDay3).exit_code == 0);
    std::string story = outputs(tree, "_753_") + outputs(tree, "labels_") +
                        outputs(tree, "routing_") + outputs(tree, "_856_") +
                        outputs(tree, "_810_") + "== documents\n" +
                        query_text(tree,
                                   "SELECT type, file_name, coalesce(ack_status, '-') FROM "
                                   "documents ORDER BY id") +
                        "== sets\n" +
                        query_text(tree,
                                   "SELECT d.file_name, s.set_control, s.business_key, "
                                   "coalesce(s.ack_status, '-') FROM document_sets s JOIN "
                                   "documents d ON d.id = s.document_id ORDER BY s.id") +
                        "== orders\n" + query_text(tree, "SELECT po_number, state FROM v_orders") +
                        "== shipments\n" +
                        query_text(tree,
                                   "SELECT supplier_reference, state, arn, carrier_scac, "
                                   "cartons FROM v_shipments");
    CHECK(golden::compare_or_update(AVEDI_GOLDEN_DIR "/fulfilment/sample-story.expected", story) ==
          "");
    for (const auto& [file_name, content] : tree.files_under(tree.outbox())) {
      x12::Issues issues;
      x12::read_document(content, file_name, issues);
      const std::string& name = file_name;  // clang 14 cannot capture a structured binding
      CAPTURE(name);
      CHECK(issues.empty());
    }
  }

  TEST_CASE("a shipped carton keeps its pallet, and a pallet that stays is not written again") {
    JobTree tree;
    routed_sample_story(tree);
    // The sample ships AVD00000001 on pallet ...9000000015 and AVD00000002 on none.
    tree.drop_3pl("shipped_20261128.csv", repo_file("sample-inbox/3pl/shipped_20261128.csv"));
    std::string trace = (tree.root() / "statements.sql").string();
    std::map<std::string, std::string> traced = kDay3;
    traced["AVEDI_SQL_TRACE"] = trace;
    REQUIRE(tree.run("avedi-ship", {}, traced).exit_code == 0);
    CHECK(query_text(tree,
                     "SELECT s.supplier_reference, c.sscc, c.shipped, "
                     "coalesce(c.pallet_sscc, '-') FROM cartons c JOIN shipments s "
                     "ON s.id = c.shipment_id ORDER BY c.sscc") ==
          "AVD00000001|006141410000000012|1|006141419000000015\n"
          "AVD00000001|006141410000000029|1|006141419000000015\n"
          "AVD00000002|006141410000000036|1|-\n"
          "AVD00000002|006141410000000043|1|-\n");
    // AVD00000002's cartons had no pallet and still have none: their statement leaves
    // pallet_sscc (and its index) alone. AVD00000001's gained one.
    std::string statements = util::read_file(trace);
    CHECK(statements.find("UPDATE cartons SET shipped = 1 WHERE id = ?") != std::string::npos);
    CHECK(statements.find("UPDATE cartons SET shipped = 1, pallet_sscc = ? WHERE id = ?") !=
          std::string::npos);
  }

  TEST_CASE("SSCCs: GS1 serials persist across runs and are never issued twice") {
    JobTree tree;
    released_orders(tree);
    tree.drop_3pl("ready_1.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n"
                  "2XK4FDJ3,WID-100,3,A1,,,1,10,10,10,2026-11-28,WH1\n"
                  "2XK4FDJ3,WID-100,3,A2,,,1,10,10,10,2026-11-28,WH1\n");
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    tree.drop_3pl("ready_2.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n"
                  "2XK4FDJ3,WID-200,24,B1,,,1,10,10,10,2026-11-29,WH1\n");
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    CHECK(query_text(tree, "SELECT sscc FROM cartons ORDER BY id") ==
          "006141410000000012\n006141410000000029\n006141410000000036\n");
    // A given SSCC that is already taken is refused, with the whole file.
    tree.drop_3pl("ready_3.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n"
                  "7QW2MZ81,WID-S,1,X1,006141410000000029,,1,10,10,10,2026-11-29,WH1\n");
    CHECK(tree.run("avedi-route", {}, kDay2).exit_code == 65);
    CHECK(util::read_file((tree.error() / "ready_3.csv.reason.txt").string())
              .find("row 2, column sscc: 006141410000000029 is already used by another carton") !=
          std::string::npos);
  }

  TEST_CASE("the gate refuses, with the reason, and nothing is sent") {
    JobTree tree;
    released_orders(tree);
    tree.drop_3pl("ready_20261127.csv", repo_file("sample-inbox/3pl/ready_20261127.csv"));
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    const std::string header =
        "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,"
        "pro_number,tracking_number,estimated_delivery\n";
    struct Case {
      const char* name;
      std::string row;
      const char* reason;
    };
    const Case cases[] = {
        {"collect without ARN",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,UPSN,B1,,,2026-12-02\n",
         "row 2, column shipment_id: shipment AVD00000001 is collect freight and has no routing "
         "from Amazon yet (no 754, no ARN): it must not leave"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      tree.drop_3pl("shipped_gate.csv", header + c.row);
      CHECK(tree.run("avedi-ship", {}, kDay3).exit_code == 65);
      CHECK(
          util::read_file((tree.error() / "shipped_gate.csv.reason.txt").string()).find(c.reason) !=
          std::string::npos);
      fs::remove(tree.error() / "shipped_gate.csv");
      fs::remove(tree.error() / "shipped_gate.csv.reason.txt");
    }
    tree.drop("routing", repo_file("sample-inbox/as2/amazon-754-routing-two-shipments.edi"));
    REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);
    const Case routed_cases[] = {
        {"over-shipment",
         "AVD00000001,2XK4FDJ3,WID-100,7,006141410000000012,,2026-11-28,UPSN,B1,,,2026-12-02\n",
         "row 2, column quantity: 7 exceeds the 6 units of WID-100 on PO 2XK4FDJ3 accepted and "
         "not yet shipped"},
        {"unknown SKU",
         "AVD00000001,2XK4FDJ3,WID-S,1,006141410000000012,,2026-11-28,UPSN,B1,,,2026-12-02\n",
         "row 2, column sku: \"WID-S\" is not on PO 2XK4FDJ3"},
        {"bad check digit",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000013,,2026-11-28,UPSN,B1,,,2026-12-02\n",
         "row 2, column sscc: \"006141410000000013\" has check digit 3, GS1 mod 10 gives 2"},
        {"an X12 delimiter in the BOL",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,UPSN,B*1,,,2026-12-02\n",
         "row 2, column bol_number: \"B*1\" holds a character that cannot go into X12"},
        {"a character outside ASCII in the PRO number",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,UPSN,B1,PR\xC3\x96"
         "1,,"
         "2026-12-02\n",
         "row 2, column pro_number: \"PR\xC3\x96"
         "1\" holds a character that cannot go into X12"},
        {"a pallet SSCC that is a carton's",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,006141410000000029,2026-11-28,UPSN,B1,"
         ",,2026-12-02\n",
         "row 2, column pallet_sscc: 006141410000000029 is a carton's SSCC, not a pallet's"},
        {"a new SSCC for a PO of another shipment",
         "AVD00000002,2XK4FDJ3,WID-100,6,006141410000007776,,2026-11-28,ABFS,B1,,,2026-12-02\n",
         "row 2, column po_number: PO 2XK4FDJ3 is not in shipment AVD00000002"},
        {"no estimated delivery (DTM*017 is mandatory)",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,UPSN,B1,,,\n",
         "row 2, column estimated_delivery: \"\" is not a date YYYY-MM-DD"},
        {"carrier mismatch",
         "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,FDEG,B1,,,2026-12-02\n",
         "row 2, column carrier_scac: carrier FDEG is not the carrier Amazon routed shipment "
         "AVD00000001 to (UPSN)"},
    };
    for (const Case& c : routed_cases) {
      CAPTURE(c.name);
      tree.drop_3pl("shipped_gate.csv", header + c.row);
      CHECK(tree.run("avedi-ship", {}, kDay3).exit_code == 65);
      CHECK(
          util::read_file((tree.error() / "shipped_gate.csv.reason.txt").string()).find(c.reason) !=
          std::string::npos);
      fs::remove(tree.error() / "shipped_gate.csv");
      fs::remove(tree.error() / "shipped_gate.csv.reason.txt");
    }
    CHECK(outputs(tree, "_856_").empty());
    // Shipped once, an SSCC can never ship again.
    tree.drop_3pl("shipped_ok.csv", header +
                                        "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,"
                                        "2026-11-28,UPSN,B1,,,2026-12-02\n");
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    tree.drop_3pl("shipped_again.csv", header +
                                           "AVD00000002,7QW2MZ81,WID-S,1,006141410000000012,,"
                                           "2026-11-28,ABFS,B2,,,2026-12-02\n");
    CHECK(tree.run("avedi-ship", {}, kDay3).exit_code == 65);
    CHECK(util::read_file((tree.error() / "shipped_again.csv.reason.txt").string())
              .find("006141410000000012 was already shipped") != std::string::npos);
    // A price that no longer matches the 855 blocks the invoice.
    execute(tree, "UPDATE po_lines SET unit_price = '12.75' WHERE sku = 'WID-100'");
    testing_jobs::RunResult invoice = tree.run("avedi-invoice", {}, kDay3);
    CHECK(invoice.exit_code == 65);
    CHECK(invoice.output.find("no invoice sent: PO 2XK4FDJ3 line 1: unit price 12.75 differs "
                              "from the 855's 12.5") != std::string::npos);
    CHECK(outputs(tree, "_810_").empty());
  }

  TEST_CASE("prepaid freight: no routing request, the shipment ships on our carrier") {
    JobTree tree;
    tree.edit_config("freight_terms: collect", "freight_terms: prepaid");
    released_orders(tree);
    tree.drop_3pl("ready_p.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n2XK4FDJ3,WID-100,6,P1,,,2,20,20,20,2026-11-28,"
                  "WH1\n");
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    CHECK(outputs(tree, "_753_").empty());
    CHECK(query_text(tree, "SELECT state, freight_terms FROM shipments") == "ready|prepaid\n");
    tree.drop_3pl("shipped_p.csv",
                  "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,"
                  "bol_number,pro_number,tracking_number,estimated_delivery\nAVD00000001,2XK4FDJ3,"
                  "WID-100,6,006141410000000012,,2026-11-28,OURC,BP1,,,2026-12-02\n");
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    std::string asn = outputs(tree, "_856_");
    CHECK(asn.find("TD5**2*OURC~") != std::string::npos);
    CHECK(asn.find("REF*BX") == std::string::npos);  // no ARN for prepaid
  }

  TEST_CASE("a 754 that matches no shipment sends its file to error/, accepted in the 997") {
    JobTree tree;
    std::string routing =
        "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*1000*^*"
        "00501*000002201*0*T*>~\nGS*RG*AMAZON*VENDORID*20261127*1000*2201*X*005010~\n"
        "ST*754*0001~\nBGN*00*ARN9*20261127*1000**AVD09999999~\nSE*3*0001~\n"
        "GE*1*2201~\nIEA*1*000002201~\n";
    tree.drop("routing", routing);
    CHECK(tree.run("avedi-receive", {}, kDay2).exit_code == 65);
    CHECK(util::read_file((tree.error() / "routing.reason.txt").string())
              .find("754 with ARN ARN9 answers supplier reference AVD09999999, which is no "
                    "shipment of ours; nothing was routed") != std::string::npos);
    CHECK(outputs(tree, "_997_").find("AK5*A~") != std::string::npos);
    CHECK(query_text(tree, "SELECT state FROM transaction_sets") == "routing_unmatched\n");
  }

  TEST_CASE("a carton a shipment left behind gives its units back, a pallet carries one PO") {
    JobTree tree;
    released_orders(tree);
    tree.drop_3pl("ready_mixed.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n"
                  "2XK4FDJ3,WID-100,6,C1,,P1,1,10,10,10,2026-11-28,WH1\n"
                  "7QW2MZ81,WID-S,20,C2,,P1,1,10,10,10,2026-11-28,WH1\n");
    CHECK(tree.run("avedi-route", {}, kDay2).exit_code == 65);
    CHECK(util::read_file((tree.error() / "ready_mixed.csv.reason.txt").string())
              .find("row 3, column pallet_id: pallet P1 already holds carton C1 of PO 2XK4FDJ3; "
                    "a pallet carries one PO") != std::string::npos);
    route_one_line_in_two_cartons(tree);
    tree.drop_3pl("shipped_one.csv",
                  "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,"
                  "bol_number,pro_number,tracking_number,estimated_delivery\n"
                  "AVD00000001,2XK4FDJ3,WID-100,3,006141410000000012,,2026-11-28,UPSN,B1,,,"
                  "2026-12-02\n");
    testing_jobs::RunResult ship = tree.run("avedi-ship", {}, kDay3);
    CHECK(ship.exit_code == 0);
    CHECK(ship.output.find("shipment AVD00000001 left 1 packed carton(s) behind") !=
          std::string::npos);
    CHECK(query_text(tree,
                     "SELECT packed_units, shipped_units FROM v_line_progress WHERE sku = "
                     "'WID-100'") == "3|3\n");
    // The 3 units left behind can be packed again.
    tree.drop_3pl("ready_again.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n"
                  "2XK4FDJ3,WID-100,3,C3,,,1,10,10,10,2026-11-30,WH1\n");
    CHECK(tree.run("avedi-route", {}, kDay3).exit_code == 0);
  }

  TEST_CASE("partial shipments over two shipment files, then an invoice for each") {
    JobTree tree;
    released_orders(tree);
    const std::string ready_header =
        "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,height_cm,"
        "ready_date,ship_from\n";
    tree.drop_3pl("ready_a.csv",
                  ready_header + "2XK4FDJ3,WID-100,6,A1,,,2,20,20,20,2026-11-28,WH1\n");
    tree.drop_3pl("ready_b.csv",
                  ready_header + "2XK4FDJ3,WID-200,24,B1,,,8,40,40,40,2026-11-29,WH1\n");
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    std::string routing =
        "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*1000*^*"
        "00501*000002101*0*T*>~\nGS*RG*AMAZON*VENDORID*20261127*1000*2101*X*005010~\n"
        "ST*754*0001~\nBGN*00*ARN1*20261127*1000**AVD00000001~\nN1*CA*UPS*2*UPSN~\nSE*4*0001~\n"
        "ST*754*0002~\nBGN*00*ARN2*20261127*1000**AVD00000002~\nN1*CA*UPS*2*UPSN~\nSE*4*0002~\n"
        "GE*2*2101~\nIEA*1*000002101~\n";
    tree.drop("routing", routing);
    REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);
    const std::string header =
        "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,"
        "pro_number,tracking_number,estimated_delivery\n";
    tree.drop_3pl("shipped_a.csv",
                  header +
                      "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,UPSN,"
                      "BA,,,2026-12-02\n");
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    CHECK(query_text(tree, "SELECT state FROM v_orders WHERE po_number = '2XK4FDJ3'") ==
          "partially_shipped\n");
    tree.drop_3pl("shipped_b.csv",
                  header +
                      "AVD00000002,2XK4FDJ3,WID-200,24,006141410000000029,,2026-11-29,UPSN,"
                      "BB,,,2026-12-02\n");
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    CHECK(query_text(tree, "SELECT state FROM v_orders WHERE po_number = '2XK4FDJ3'") ==
          "shipped\n");
    // Both shipments due; the second's invoice is refused (its line's price no longer the
    // 855's): the first is invoiced, the PO is not all invoiced while the second is due.
    const std::string price =
        query_text(tree, "SELECT unit_price FROM po_lines WHERE sku = 'WID-200'");
    auto set_price = [&](const std::string& value) {
      execute(tree, "UPDATE po_lines SET unit_price = '" + value + "' WHERE sku = 'WID-200'");
    };
    set_price("999");
    tree.run("avedi-invoice", {}, kDay3);
    CHECK(count(tree, "SELECT count(*) FROM invoices") == 1);
    CHECK(query_text(tree, "SELECT state FROM v_orders WHERE po_number = '2XK4FDJ3'") ==
          "shipped\n");
    // What each line was invoiced, as avedi order derives it: all of the first shipment's.
    std::string report = tree.run_avedi({"order", "2XK4FDJ3", "--json"}, kDay3).output;
    CHECK(report.find("\"sku\":\"WID-100\",\"ordered\":\"10\",\"uom\":\"EA\",\"accepted\":"
                      "\"6\",\"backordered\":\"4\",\"rejected\":\"0\",\"shipped_each\":\"6\","
                      "\"invoiced_each\":\"6\"") != std::string::npos);
    CHECK(report.find("\"sku\":\"WID-200\",\"ordered\":\"4\",\"uom\":\"CA\",\"accepted\":"
                      "\"4\",\"backordered\":\"0\",\"rejected\":\"0\",\"shipped_each\":\"24\","
                      "\"invoiced_each\":\"0\"") != std::string::npos);
    set_price(price.substr(0, price.size() - 1));  // without query_text's line break
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    CHECK(query_text(tree, "SELECT invoice_number, total_cents FROM invoices ORDER BY id") ==
          "INV000001|7500\nINV000002|19200\n");
    CHECK(query_text(tree, "SELECT state FROM v_orders WHERE po_number = '2XK4FDJ3'") ==
          "invoiced\n");
  }

  TEST_CASE("a shipment due again though invoiced is taken off the due list, not invoiced twice") {
    JobTree tree;
    released_orders(tree);
    ship_both_cartons(tree);
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    REQUIRE(count(tree, "SELECT count(*) FROM invoices") == 1);
    // A due row that outlived its invoice (a store repaired by hand, say) would keep the PO
    // from ever counting as all invoiced, which now reads invoices_due.
    execute(
        tree,
        "INSERT INTO invoices_due (shipment_id, po_id) SELECT shipment_id, po_id FROM invoices");
    testing_jobs::RunResult again = tree.run("avedi-invoice", {}, kDay3);
    REQUIRE(again.exit_code == 0);
    CHECK(again.output.find("is invoiced already; taken off the invoices due") !=
          std::string::npos);
    CHECK(count(tree, "SELECT count(*) FROM invoices") == 1);
    CHECK(count(tree, "SELECT count(*) FROM invoices_due") == 0);
  }

  TEST_CASE("an invoice waits while a line's price or id is not what the 855 sent") {
    JobTree tree;
    released_orders(tree);
    ship_both_cartons(tree);
    // The stored line no longer says what the 855 acknowledged: no invoice, still due.
    execute(tree, "UPDATE po_lines SET unit_price = '13' WHERE sku = 'WID-100'");
    testing_jobs::RunResult price = tree.run("avedi-invoice", {}, kDay3);
    CHECK(price.output.find("unit price 13 differs from the 855's 12.5") != std::string::npos);
    execute(tree, "UPDATE po_lines SET unit_price = '12.50', line_id = '99' WHERE sku = 'WID-100'");
    testing_jobs::RunResult id = tree.run("avedi-invoice", {}, kDay3);
    CHECK(id.output.find("line 99: no 855 price to invoice at") != std::string::npos);
    CHECK(count(tree, "SELECT count(*) FROM invoices") == 0);
    CHECK(count(tree, "SELECT count(*) FROM invoices_due") == 1);
    // 12.50 is the 855's 12.5: once the line is its own again, the invoice goes.
    execute(tree, "UPDATE po_lines SET line_id = '1' WHERE sku = 'WID-100'");
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    CHECK(query_text(tree, "SELECT invoice_number, total_cents FROM invoices") ==
          "INV000001|7500\n");
  }

  TEST_CASE("a line packed in two cartons of one shipment is invoiced once, with both") {
    JobTree tree;
    released_orders(tree);
    route_one_line_in_two_cartons(tree);
    REQUIRE(query_text(tree, "SELECT count(*) FROM cartons") == "2\n");
    std::string shipped = both_cartons_shipped();
    tree.drop_3pl("shipped_split.csv", shipped);
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    // 6 units at 12.50: one IT1 line carrying both cartons' units.
    CHECK(query_text(tree, "SELECT invoice_number, total_cents FROM invoices") ==
          "INV000001|7500\n");
    std::string invoice = outputs(tree, "_810_");
    CHECK(invoice.find("IT1*1*6*") != std::string::npos);
    CHECK(invoice.find("IT1*", invoice.find("IT1*") + 1) == std::string::npos);
  }

  TEST_CASE("a product id holding the stored text's separators is invoiced as the 856 sent it") {
    // po_lines.product_ids escapes '\\', ';' and '=' inside an id; the 856's LIN carries the id
    // as Amazon sent it. The invoice's check compares the two and must undo the difference.
    std::string po_file = repo_file(kSample850);
    const std::string plain = "PO1*1*10*EA*12.5*PE*BP*B0EXAMPLE1*UP*012345678905~";
    const std::size_t at = po_file.find(plain);
    REQUIRE(at != std::string::npos);
    po_file.replace(at, plain.size(),
                    "PO1*1*10*EA*12.5*PE*BP*B0EXAMPLE1*UP*012345678905*VN*WID=100;A\\B~");
    JobTree tree;
    released_orders(tree, po_file);
    REQUIRE(
        query_text(tree, "SELECT product_ids FROM po_lines WHERE product_ids LIKE '%WID%100%'") ==
        "BP=B0EXAMPLE1;UP=012345678905;VN=WID\\=100\\;A\\\\B\n");
    ship_both_cartons(tree);
    CHECK(outputs(tree, "_856_").find("*VN*WID=100;A\\B") != std::string::npos);
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    CHECK(query_text(tree, "SELECT invoice_number, total_cents FROM invoices") ==
          "INV000001|7500\n");
  }

  TEST_CASE("a line first seen in a carton labelled after routing is counted shipped, invoiced") {
    JobTree tree;
    released_orders(tree);
    route_one_line_in_two_cartons(tree);  // WID-100 only: WID-200 has no packed units
    REQUIRE(query_text(tree, "SELECT count(*) FROM line_progress") == "1\n");
    std::string shipped = both_cartons_shipped();
    shipped +=
        "AVD00000001,2XK4FDJ3,WID-200,24,006141410000000036,,2026-11-28,UPSN,BA,,,2026-12-02\n";
    tree.drop_3pl("shipped_late_label.csv", shipped);
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    // WID-200 gets its progress row with the late carton's item (0 packed), then its units.
    CHECK(query_text(tree,
                     "SELECT sku, packed_units, shipped_units, invoiced_units FROM v_line_progress "
                     "WHERE po_number = '2XK4FDJ3'") == "WID-100|6|6|6\nWID-200|0|24|24\n");
    CHECK(query_text(tree, "SELECT invoice_number, total_cents FROM invoices") ==
          "INV000001|26700\n");
    CHECK(query_text(tree, "SELECT state FROM v_orders WHERE po_number = '2XK4FDJ3'") ==
          "invoiced\n");
  }

  TEST_CASE("a PO whose cartons were all left behind is not invoiced, nor counted as invoiced") {
    JobTree tree;
    // Both sample POs to the same FC, so one shipment carries both.
    std::string orders = repo_file("sample-inbox/as2/amazon-850-two-orders.edi");
    orders.replace(orders.find("N1*ST**92*SDF8"), 14, "N1*ST**92*ABE8");
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    tree.drop("po-file", orders);
    tree.drop_3pl("inventory_20261126.csv", repo_file("sample-inbox/3pl/inventory_20261126.csv"));
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kDay1).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kDay1).exit_code == 0);
    tree.drop_3pl("ready_1.csv",
                  "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,"
                  "height_cm,ready_date,ship_from\n"
                  "2XK4FDJ3,WID-100,6,A1,,,2,20,20,20,2026-11-28,WH1\n"
                  "7QW2MZ81,WID-S,20,B1,,,4,30,30,30,2026-11-28,WH1\n");
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    REQUIRE(count(tree, "SELECT count(*) FROM shipments") == 1);
    tree.drop("routing",
              "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*1000*^*"
              "00501*000002101*0*T*>~\nGS*RG*AMAZON*VENDORID*20261127*1000*2101*X*005010~\n"
              "ST*754*0001~\nBGN*00*ARN1*20261127*1000**AVD00000001~\nN1*CA*UPS*2*UPSN~\n"
              "SE*4*0001~\nGE*1*2101~\nIEA*1*000002101~\n");
    REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);
    // Only 2XK4FDJ3's carton leaves; 7QW2MZ81's is left behind.
    tree.drop_3pl("shipped_1.csv",
                  "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,"
                  "bol_number,pro_number,tracking_number,estimated_delivery\n"
                  "AVD00000001,2XK4FDJ3,WID-100,6,006141410000000012,,2026-11-28,UPSN,BA,,,"
                  "2026-12-02\n");
    REQUIRE(tree.run("avedi-ship", {}, kDay3).exit_code == 0);
    REQUIRE(count(tree, "SELECT count(*) FROM cartons WHERE left_behind = 1") == 1);
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    REQUIRE(tree.run("avedi-invoice", {}, kDay3).exit_code == 0);
    CHECK(
        query_text(tree,
                   "SELECT o.po_number FROM invoices v JOIN purchase_orders o ON o.id = v.po_id") ==
        "2XK4FDJ3\n");
    // One invoice in the first run, nothing in the second: the left-behind PO is no invoice.
    CHECK(query_text(tree,
                     "SELECT files_processed FROM runs WHERE job = 'avedi-invoice' "
                     "ORDER BY id") == "1\n0\n");
    CHECK(count(tree, "SELECT count(*) FROM invoices_due") == 0);
  }
}
