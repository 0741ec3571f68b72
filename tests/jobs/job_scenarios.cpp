// The batches of the fault tests, built from the public samples the demo and the golden
// fulfilment test use, so they take the same paths through the jobs as real files.
#include "job_scenarios.h"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

#include "util/file.h"

namespace testing_jobs {
namespace {

const std::map<std::string, std::string> kDay1 = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};
const std::map<std::string, std::string> kDay2 = {{"AVEDI_NOW", "2026-11-27T10:00:00Z"}};
const std::map<std::string, std::string> kDay3 = {{"AVEDI_NOW", "2026-11-28T16:00:00Z"}};

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

std::string sample(const std::string& name) { return repo_file("sample-inbox/" + name); }

void run_ok(JobTree& tree, const std::string& job, const std::map<std::string, std::string>& now) {
  RunResult run = tree.run(job, {}, now);
  CAPTURE(run.output);
  REQUIRE(run.exit_code == 0);
}

void clear_outboxes(JobTree& tree) {
  for (const fs::path& outbox : {tree.outbox(), tree.tpl_outbox()}) {
    for (const auto& entry : fs::directory_iterator(outbox)) fs::remove(entry.path());
  }
}

// Five POs: the sample's two, then three more for WID-100 (backordered: the sample took it).
void received(JobTree& tree) {
  tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
  tree.drop("po-two-orders.edi", sample("as2/amazon-850-two-orders.edi"));
  tree.drop("po-three-orders.edi", amazon_850(7101, 3));
  run_ok(tree, "avedi-receive", kDay1);
}

void stocked(JobTree& tree) {
  received(tree);
  tree.drop_3pl("inventory_20261126.csv", sample("3pl/inventory_20261126.csv"));
  run_ok(tree, "avedi-stock", kDay1);
}

void acknowledged(JobTree& tree) {
  stocked(tree);
  run_ok(tree, "avedi-acknowledge", kDay1);
}

void routed(JobTree& tree) {
  acknowledged(tree);
  tree.drop_3pl("ready_20261127.csv", sample("3pl/ready_20261127.csv"));
  run_ok(tree, "avedi-route", kDay2);
}

void routing_received(JobTree& tree) {
  routed(tree);
  tree.drop("routing.edi", sample("as2/amazon-754-routing-two-shipments.edi"));
  run_ok(tree, "avedi-receive", kDay2);
}

void shipped(JobTree& tree) {
  routing_received(tree);
  tree.drop_3pl("shipped_20261128.csv", sample("3pl/shipped_20261128.csv"));
  run_ok(tree, "avedi-ship", kDay3);
}

// Amazon's 997 accepting our group `group` of functional id `functional_id`.
std::string accepting_997(int control, const std::string& functional_id, const std::string& group) {
  std::string c = std::to_string(control);
  std::string isa13 = std::string(9 - c.size(), '0') + c;
  return "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*0900*U*"
         "00401*" +
         isa13 + "*0*T*>~\nGS*FA*AMAZON*VENDORID*20261127*0900*" + c +
         "*X*004010~\nST*997*0001~\nAK1*" + functional_id + "*" + group +
         "~\nAK9*A*1*1*1~\nSE*4*0001~\nGE*1*" + c + "~\nIEA*1*" + isa13 + "~\n";
}

// Drops each (name, content) into the AS2 inbox (or the 3PL inbox) and returns the contents.
// The files arrive a minute apart from a fixed instant, so what depends on a file's arrival
// (the 855 deadline) is the same in every copy of a scenario.
std::multiset<std::string> drop_all(JobTree& tree,
                                    const std::vector<std::pair<std::string, std::string>>& files,
                                    bool third_party) {
  using namespace std::chrono;
  std::multiset<std::string> dropped;
  sys_seconds arrival = sys_days(2026y / 11 / 26);
  for (const auto& [name, content] : files) {
    third_party ? tree.drop_3pl(name, content) : tree.drop(name, content);
    fs::last_write_time((third_party ? tree.tpl_inbox() : tree.inbox()) / name,
                        file_clock::from_sys(arrival));
    arrival += minutes(1);
    dropped.insert(content);
  }
  return dropped;
}

std::multiset<std::string> receive_batch(JobTree& tree) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"routing.edi", sample("as2/amazon-754-routing-two-shipments.edi")}};
  // Amazon accepts our first 855 and our first 753 group, one 997 each.
  std::istringstream groups(
      query_text(tree,
                 "SELECT functional_id, min(CAST(group_control AS INTEGER)) FROM documents "
                 "WHERE functional_id IN ('PR', 'RF') GROUP BY functional_id ORDER BY 1"));
  int control = 9100;
  for (std::string line; std::getline(groups, line); ++control) {
    files.emplace_back("ack-" + std::to_string(control) + ".edi",
                       accepting_997(control, line.substr(0, 2), line.substr(3)));
  }
  files.emplace_back("po-new.edi", amazon_850(7201, 2));
  files.emplace_back("po-bad-date.edi", sample("as2/amazon-850-bad-order-date.edi"));
  // Amazon resends a file whose 997 it missed: a duplicate, answered with the original 997.
  files.emplace_back("po-two-orders-again.edi", sample("as2/amazon-850-two-orders.edi"));
  return drop_all(tree, files, false);
}

std::multiset<std::string> stock_batch(JobTree& tree) {
  std::string first = sample("3pl/inventory_20261126.csv");
  return drop_all(tree,
                  {{"inventory_20261126.csv", first},
                   {"inventory_20261126b.csv",
                    "sku,available,warehouse,as_of\nWID-100,4,3PL-EAST,2026-11-26T07:00:00Z\n"
                    "WID-200,30,3PL-EAST,2026-11-26T07:00:00Z\n"
                    "WID-S,18,3PL-EAST,2026-11-26T07:00:00Z\n"},
                   {"inventory_bad.csv", "sku,available\nWID-100,4\nWID-200,ten\n"},
                   {"inventory_again.csv", first}},
                  true);
}

std::multiset<std::string> route_batch(JobTree& tree) {
  std::string ready = sample("3pl/ready_20261127.csv");
  return drop_all(
      tree,
      {{"ready_20261127.csv", ready},
       {"ready_bad.csv",
        "po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,height_cm,"
        "ready_date,ship_from\nNOSUCHPO,WID-100,1,Z1,,,1,10,10,10,2026-11-28,WH1\n"},
       {"ready_again.csv", ready}},
      true);
}

std::multiset<std::string> ship_batch(JobTree& tree) {
  std::string shipped = sample("3pl/shipped_20261128.csv");
  return drop_all(
      tree,
      {{"shipped_20261128.csv", shipped},
       {"shipped_bad.csv",
        "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,"
        "pro_number,tracking_number,estimated_delivery\nAVD00000099,2XK4FDJ3,WID-100,6,"
        "006141410000000012,,2026-11-28,UPSN,B1,,,2026-12-02\n"},
       {"shipped_again.csv", shipped}},
      true);
}

std::multiset<std::string> nothing(JobTree&) { return {}; }

template <void (*Before)(JobTree&)>
void then_clear(JobTree& tree) {
  Before(tree);
  clear_outboxes(tree);
}

}  // namespace

std::vector<JobScenario> job_scenarios() {
  return {{"avedi-receive", kDay2, then_clear<routed>, receive_batch},
          {"avedi-stock", kDay1, then_clear<received>, stock_batch},
          {"avedi-acknowledge", kDay1, then_clear<stocked>, nothing},
          {"avedi-route", kDay2, then_clear<acknowledged>, route_batch},
          {"avedi-ship", kDay3, then_clear<routing_received>, ship_batch},
          {"avedi-invoice", kDay3, then_clear<shipped>, nothing}};
}

JobScenario job_scenario(const std::string& job) {
  for (JobScenario& scenario : job_scenarios()) {
    if (scenario.job == job) return scenario;
  }
  throw std::invalid_argument("no scenario for " + job);
}

}  // namespace testing_jobs
