// runner::stage_amazon_sets on a real store and staging folder: one interchange per chunk of
// sets, a set row per event, and never a second set for an event that has one (a set of an
// earlier interchange or a document of its own from before sets were batched).
#include "runner/amazon_sets.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "runner/amazon_sets_fixture.h"
#include "store/document_sets.h"
#include "store/records.h"
#include "transactions/amazon_mapping.h"
#include "util/file.h"

using testing_sets::sets_table;
using testing_sets::Staging;

TEST_SUITE("runner::stage_amazon_sets") {
  TEST_CASE("one interchange for the sets, a set row each, each range its own set") {
    Staging staging;
    std::vector<runner::PlacedSet> placed = staging.stage({"855:po:1", "855:po:2", "855:po:3"});
    REQUIRE(placed.size() == 3);
    CHECK(placed[0].file_name == "avedi_855_000000001.edi");
    CHECK(placed[2].set_control == "0003");
    CHECK(sets_table(staging.db) ==
          "avedi_855_000000001.edi|0001|855:po:1\navedi_855_000000001.edi|0002|855:po:2\n"
          "avedi_855_000000001.edi|0003|855:po:3\n");
    std::string staged = util::read_file((staging.staging / placed[0].file_name).string());
    CHECK(staged.find("GS*PR*VENDORID*AMAZON*20261120*1000*1*X*004010~\n") != std::string::npos);
    CHECK(staged.find("GE*3*1~\nIEA*1*000000001~\n") != std::string::npos);
    std::optional<store::SentSet> second = store::SentSetReader(staging.db).find("855:po:2");
    REQUIRE(second);
    CHECK(second->set == "ST*855*0002~\nBAK*00*AD*855:po:2~\nSE*3*0002~\n");
    CHECK(second->isa.rfind("ISA*00*", 0) == 0);
    CHECK(second->isa.size() == 106);
  }

  TEST_CASE("an event with a set or a document of its own is never sent again") {
    Staging staging;
    staging.stage({"855:po:1", "855:po:2"});
    // An 855 sent alone, before sets were batched: its own document, keyed by its event.
    store::DocumentRecord alone;
    alone.type = "855";
    alone.business_key = "855:po:9";
    alone.partner = "ZZ/AMAZON";
    alone.file_name = "avedi_855_000000777.edi";
    alone.outbox = "as2.outbox";
    alone.content = "ISA*alone~\nST*855*0001~\nBAK*00*AD*PO9~\nSE*3*0001~\nIEA~\n";
    {
      store::Transaction transaction(staging.db);
      store::insert_document(staging.db, staging.context.actor, alone);
      transaction.commit();
    }
    std::vector<runner::PlacedSet> placed = staging.stage({"855:po:2", "855:po:9", "855:po:3"});
    CHECK(placed[0].file_name == "avedi_855_000000001.edi");  // where it went the first time
    CHECK(placed[0].set_control == "0002");
    CHECK(placed[1].file_name == "avedi_855_000000777.edi");
    CHECK(placed[1].set_control == "0001");
    CHECK(placed[2].file_name == "avedi_855_000000002.edi");  // only the new event is sent
    CHECK(placed[2].set_control == "0001");
    CHECK(sets_table(staging.db) ==
          "avedi_855_000000001.edi|0001|855:po:1\navedi_855_000000001.edi|0002|855:po:2\n"
          "avedi_855_000000002.edi|0001|855:po:3\n");
    // The invoice reads the lone 855 whole, as before.
    std::optional<store::SentSet> old = store::SentSetReader(staging.db).find("855:po:9");
    REQUIRE(old);
    CHECK(old->set == alone.content);
    CHECK_FALSE(store::SentSetReader(staging.db).find("855:po:4"));
  }

  TEST_CASE("more sets than an interchange holds go out in several") {
    Staging staging;
    std::vector<std::string> keys;
    for (int po = 1; po <= amazon::kSetsPerInterchange + 2; ++po) {
      keys.push_back("855:po:" + std::to_string(po));
    }
    std::vector<runner::PlacedSet> placed = staging.stage(keys);
    CHECK(placed.front().file_name == "avedi_855_000000001.edi");
    CHECK(placed.back().file_name == "avedi_855_000000002.edi");
    CHECK(placed.back().set_control == "0002");
    CHECK(testing_store::query_text(staging.db.sql(),
                                    "SELECT business_key FROM documents ORDER BY id") ==
          "855:sets:855:po:1\n855:sets:855:po:" + std::to_string(amazon::kSetsPerInterchange + 1) +
              "\n");
  }
}
