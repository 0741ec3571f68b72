// The sets of a document that carries several business events: found by their key, read by
// their range of the document's bytes, answered one by one by a 997.
#include "store/document_sets.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

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

  // A fourth set of the document for `business_key`, not yet inserted (no bytes of its own).
  store::DocumentSet another_set(const std::string& business_key) const {
    store::DocumentSet set;
    set.document_id = id;
    set.set_control = "0004";
    set.business_key = business_key;
    return set;
  }
};

}  // namespace

TEST_SUITE("store::document_sets") {
  TEST_CASE("a reader of sent sets keeps a few documents and reads each set of many right") {
    testing_store::StoreFile file("sent-sets");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    db.sql().exec("INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-invoice', 't')");
    store::Actor actor{"avedi-invoice", 1, "2026-11-20T10:00:00Z"};
    // Seven documents of two sets each, more than the reader keeps: its choice of what to
    // forget must never hand out another document's bytes.
    for (int d = 1; d <= 7; ++d) {
      store::DocumentRecord document;
      document.type = "856";
      document.business_key = fmt::format("856:sets:856:shipment:{}", d * 10 + 1);
      document.partner = "ZZ/AMAZON";
      document.file_name = fmt::format("avedi_856_{:09}.edi", d);
      document.outbox = "as2.outbox";
      document.content = fmt::format("ISA*{}~\n", d);
      std::vector<store::DocumentSet> sets;
      for (int s = 1; s <= 2; ++s) {
        store::DocumentSet set;
        set.set_control = fmt::format("000{}", s);
        set.business_key = fmt::format("856:shipment:{}", d * 10 + s);
        set.offset = static_cast<std::int64_t>(document.content.size());
        document.content += fmt::format("ST*856*000{}~\nPRF*{}~\nSE*3*000{}~\n", s, d * 10 + s, s);
        set.length = static_cast<std::int64_t>(document.content.size()) - set.offset;
        document.content += std::string(static_cast<std::size_t>(100 * d), 'x');
        sets.push_back(set);
      }
      std::int64_t id = store::insert_document(db, actor, document);
      for (store::DocumentSet& set : sets) {
        set.document_id = id;
        store::insert_document_set(db, set);
      }
    }
    store::SentSetReader sent(db);
    // Forwards, backwards and back again: kept, forgotten and read anew.
    for (int d : {1, 2, 3, 4, 5, 6, 7, 7, 6, 1, 4, 2, 3}) {
      for (int s : {2, 1}) {
        CAPTURE(d);
        CAPTURE(s);
        std::optional<store::SentSet> read = sent.find(fmt::format("856:shipment:{}", d * 10 + s));
        REQUIRE(read);
        CHECK(read->set == fmt::format("ST*856*000{}~\nPRF*{}~\nSE*3*000{}~\n", s, d * 10 + s, s));
        CHECK(read->isa.rfind(fmt::format("ISA*{}~\n", d), 0) == 0);
      }
    }
  }

  TEST_CASE("a set whose range lies outside its document is an error, not other bytes") {
    testing_store::StoreFile file("bad-range");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    ThreeSets document(db);
    store::DocumentSet beyond = document.another_set("855:po:4");
    beyond.offset = static_cast<std::int64_t>(document.content.size()) - 2;
    beyond.length = 3;
    store::insert_document_set(db, beyond);
    CHECK_THROWS_AS(store::SentSetReader(db).find("855:po:4"), std::logic_error);
  }

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

    store::SentSetReader sent(db);
    std::optional<store::SentSet> read = sent.find("855:po:2");
    REQUIRE(read);
    CHECK(read->set == "ST*855*0002~\nBAK~\nSE*3*0002~\n");
    CHECK(read->isa == document.content.substr(0, 106));
    read = sent.find("855:po:3");  // after the 2 MB
    REQUIRE(read);
    CHECK(read->set == "ST*855*0003~\nSE*2*0003~\n");
    CHECK(store::SentSetReader(db).find("855:po:1")->set == "ST*855*0001~\nSE*2*0001~\n");
    CHECK_FALSE(sent.find("855:po:4"));

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
    CHECK_THROWS(store::insert_document_set(db, document.another_set("855:po:2")));
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
