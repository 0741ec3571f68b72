// The sets of a document that carries several business events: found by their key, read by
// their range of the document's bytes, answered one by one by a 997.
#include "store/document_sets.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "store/database.h"
#include "store/query_text.h"
#include "store/store_file.h"

namespace {

// A document of three sets of different lengths, 2 MB of padding before the last one (a range
// read must not depend on the blob being small).
struct ThreeSets {
  std::string content;
  std::int64_t id = 0;

  explicit ThreeSets(store::Db& db) {
    db.sql().exec("INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-acknowledge', 't')");
    store::Actor actor{"avedi-acknowledge", 1, "2026-11-20T10:00:00Z"};
    store::DocumentRecord document;
    document.type = "855";
    document.business_key = "855:sets:855:po:1";
    document.partner = "ZZ/AMAZON";
    document.file_name = "avedi_855_000000002.edi";
    document.outbox = "as2.outbox";
    document.content = "ISA~\nGS~\nST*855*0001~\nSE*2*0001~\nST*855*0002~\nBAK~\nSE*3*0002~\n" +
                       std::string(2 * 1024 * 1024, 'x') + "ST*855*0003~\nSE*2*0003~\nGE~\nIEA~\n";
    content = document.content;
    id = store::insert_document(db, actor, document);
    for (int set = 1; set <= 3; ++set) {
      std::string st = "ST*855*000" + std::to_string(set) + "~";
      std::size_t begin = content.find(st);
      std::size_t end = content.find("~\n", content.find("SE*", begin)) + 2;
      store::DocumentSet row;
      row.document_id = id;
      row.set_control = "000" + std::to_string(set);
      row.business_key = "855:po:" + std::to_string(set);
      row.offset = static_cast<std::int64_t>(begin);
      row.length = static_cast<std::int64_t>(end - begin);
      store::insert_document_set(db, row);
    }
  }
};

}  // namespace

TEST_SUITE("store::document_sets") {
  TEST_CASE("a set is found by its event's key and read by its range alone") {
    testing_store::StoreFile file("sets");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    ThreeSets document(db);
    std::optional<store::DocumentSet> second = store::find_document_set_by_key(db, "855:po:2");
    REQUIRE(second);
    CHECK(second->document_id == document.id);
    CHECK(second->set_control == "0002");
    CHECK_FALSE(store::find_document_set_by_key(db, "855:po:4"));
    CHECK_FALSE(store::find_document_set_by_key(db, "855:sets:855:po:1"));  // a document's key

    store::DocumentContentReader reader(db, document.id);
    CHECK(reader.size() == static_cast<std::int64_t>(document.content.size()));
    CHECK(reader.read(second->offset, second->length) == "ST*855*0002~\nBAK~\nSE*3*0002~\n");
    std::optional<store::DocumentSet> third = store::find_document_set_by_key(db, "855:po:3");
    REQUIRE(third);
    CHECK(reader.read(third->offset, third->length) == "ST*855*0003~\nSE*2*0003~\n");
    CHECK(reader.read(0, 4) == "ISA~");
    CHECK_THROWS_AS(reader.read(reader.size() - 2, 3), std::logic_error);
    CHECK_THROWS_AS(reader.read(-1, 1), std::logic_error);
    CHECK_THROWS_AS(store::DocumentContentReader(db, document.id + 1), std::logic_error);

    std::vector<store::DocumentSet> sets = store::sets_of_document(db, document.id);
    REQUIRE(sets.size() == 3);
    CHECK(sets[0].business_key == "855:po:1");
    CHECK(sets[2].set_control == "0003");
    CHECK(store::sets_of_document(db, document.id + 1).empty());
  }

  TEST_CASE("a set's event has one set, ever") {
    testing_store::StoreFile file("sets");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    ThreeSets document(db);
    store::DocumentSet again;
    again.document_id = document.id;
    again.set_control = "0004";
    again.business_key = "855:po:2";
    CHECK_THROWS(store::insert_document_set(db, again));
  }

  TEST_CASE("a 997's verdict on a set is a state change with its transition") {
    testing_store::StoreFile file("sets");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    ThreeSets document(db);
    store::Actor actor{"avedi-receive", 1, "2026-11-21T10:00:00Z"};
    store::DocumentSet second = *store::find_document_set_by_key(db, "855:po:2");
    store::record_set_ack(db, actor, second, "rejected", "AK5 R 5", std::nullopt);
    CHECK(store::find_document_set_by_key(db, "855:po:2")->ack_status == "rejected");
    CHECK(store::find_document_set_by_key(db, "855:po:1")->ack_status == "");
    CHECK(testing_store::query_text(
              db.sql(),
              "SELECT entity_id, from_state, to_state, detail FROM transitions WHERE "
              "entity_type = 'document_set'") ==
          std::to_string(second.id) + "|awaiting_997|rejected|set 0002 (855:po:2): AK5 R 5\n");
  }
}
