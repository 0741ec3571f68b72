// Interchanges built on a second thread, recorded on the job's thread in the order they started.
#include "runner/interchange_builds.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <future>
#include <stdexcept>

#include "runner/job_context.h"
#include "runner/outbox.h"
#include "store/database.h"
#include "store/document_sets.h"
#include "util/crash_point.h"
#include "util/sha256.h"

namespace runner {

struct InterchangeBuilds::Running {
  InterchangeOrder order;
  // The bytes, their spans and their SHA-256 (hashed on the build thread too).
  struct Result {
    BuiltInterchange built;
    std::string sha256;
  };
  std::future<Result> result;
};

InterchangeBuilds::InterchangeBuilds() = default;

InterchangeBuilds::~InterchangeBuilds() {
  drop_all();
  if (watched_ != nullptr) {
    auto* connection = static_cast<sqlite3*>(watched_);
    sqlite3_commit_hook(connection, nullptr, nullptr);
    sqlite3_rollback_hook(connection, nullptr, nullptr);
  }
}

void InterchangeBuilds::watch(JobContext& context) {
  sqlite3* connection = context.db.sql().getHandle();
  if (watched_ == connection) return;
  watched_ = connection;
  sqlite3_commit_hook(connection, &InterchangeBuilds::on_commit, this);
  sqlite3_rollback_hook(connection, &InterchangeBuilds::on_rollback, this);
}

// A commit with a build not recorded would keep control numbers, and the state changes that
// sent the document, without the document: SQLite turns it into a rollback (the COMMIT fails).
int InterchangeBuilds::on_commit(void* self) {
  return static_cast<InterchangeBuilds*>(self)->running_.empty() ? 0 : 1;
}

// The builds of a rolled-back transaction belong to nothing: their numbers went with it. Waits
// for a running build inside SQLite's rollback, which is why a build never uses the store.
void InterchangeBuilds::on_rollback(void* self) {
  static_cast<InterchangeBuilds*>(self)->drop_all();
}

void InterchangeBuilds::start(JobContext& context, InterchangeOrder order) {
  watch(context);
  record(context);
  auto running = std::make_unique<Running>();
  running->order = std::move(order);
  // The build reads only the order's own function (and what its caller keeps alive for it).
  running->result = std::async(std::launch::async, [build = std::move(running->order.build)] {
    Running::Result result{build(), {}};
    result.sha256 = util::sha256_hex(result.built.content);
    return result;
  });
  Running& started = *running_.emplace_back(std::move(running));
  // The row (and its transition) now, where a document built here would have had it; its
  // bytes and their hash when record() has them. Written once the build is listed, so no
  // commit can keep the row without its bytes.
  started.order.document.id =
      store::insert_document_row(context.db, context.actor, started.order.document, "");
}

std::optional<InterchangeBuilds::Place> InterchangeBuilds::place_of(
    const std::string& set_key) const {
  for (const std::unique_ptr<Running>& running : running_) {
    const InterchangeOrder& order = running->order;
    for (std::size_t index = 0; index < order.set_keys.size(); ++index) {
      if (order.set_keys[index] == set_key) {
        return Place{order.document.file_name, order.set_controls[index]};
      }
    }
  }
  return std::nullopt;
}

void InterchangeBuilds::record(JobContext& context) {
  while (!running_.empty()) {
    Running& running = *running_.front();
    if (!running.result.valid()) {
      // Its build failed or could not be recorded: only a rollback ends this transaction.
      throw std::logic_error("interchange " + running.order.document.file_name +
                             " failed before: its transaction must roll back");
    }
    Running::Result result = running.result.get();  // rethrows what the build threw
    InterchangeOrder& order = running.order;
    if (result.built.spans.size() != order.set_keys.size()) {
      throw std::logic_error("interchange " + order.document.file_name + " was built with " +
                             std::to_string(result.built.spans.size()) + " sets instead of " +
                             std::to_string(order.set_keys.size()));
    }
    const store::DocumentRecord& document = order.document;
    store::insert_document_content(context.db, document.id, result.built.content, result.sha256);
    // Written before the commit, durable by commit_staged(): once the row exists, its bytes
    // are on disk in staging (a missing staging file means "already moved to the outbox").
    context.effects.write_pending(staging_path(context, document.file_name), result.built.content);
    util::crash_point("after_staging_write");
    for (std::size_t index = 0; index < order.set_keys.size(); ++index) {
      store::DocumentSet set;
      set.document_id = document.id;
      set.set_control = order.set_controls[index];
      set.business_key = order.set_keys[index];
      set.offset = static_cast<std::int64_t>(result.built.spans[index].offset);
      set.length = static_cast<std::int64_t>(result.built.spans[index].length);
      store::insert_document_set(context.db, set);
    }
    running_.erase(running_.begin());
  }
}

void InterchangeBuilds::wait() noexcept {
  for (const std::unique_ptr<Running>& running : running_) {
    if (running->result.valid()) running->result.wait();
  }
}

void InterchangeBuilds::drop_all() noexcept {
  wait();
  running_.clear();
}

}  // namespace runner
