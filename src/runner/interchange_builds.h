// The bytes of a batch's interchanges, built on a second thread while the job's own thread goes
// on with its store: a backlog's 855s, 753s, 856s and 810s cost the job's thread their rows, not
// their text (the machine has two cores; the job used one).
//
// What a document is was fixed on the job's thread before its build starts: its control
// numbers, file name and business keys, and where each set goes; its row (state built) is
// written then, where a document built on the job's thread had it. Nothing the job records
// depends on the bytes. The bytes, their hash, the document_sets rows and the staging file are
// recorded on the job's thread, in the order the builds started, by record() (commit_staged()
// calls it before it commits).
//
// Tied to the transaction: a rollback drops the builds started in it (their control numbers
// were rolled back with it), and a commit with builds not recorded fails and rolls back, so a
// committed transaction never holds numbers without their document.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

namespace runner {

struct JobContext;

// Where one set lies in an interchange's text: its ST through the line break after its SE.
struct SetSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

// What a build returns: the interchange and where each of its sets lies.
struct BuiltInterchange {
  std::string content;
  std::vector<SetSpan> spans;
};

// A document decided on the job's thread, to be built on the other.
struct InterchangeOrder {
  store::DocumentRecord document;     // all but id and content: start() writes its row
  std::vector<std::string> set_keys;  // each set's business event, in order
  std::vector<std::string> set_controls;
  // Runs on the build thread: reads only what stays alive and unchanged until the build is
  // recorded (or the caller waited for it, see BuildsFinished).
  std::function<BuiltInterchange()> build;
};

class InterchangeBuilds {
 public:
  InterchangeBuilds();
  ~InterchangeBuilds();  // waits for the builds still running; records nothing
  InterchangeBuilds(const InterchangeBuilds&) = delete;
  InterchangeBuilds& operator=(const InterchangeBuilds&) = delete;

  // Starts building `order` inside the caller's open transaction. The builds started before
  // are recorded first: at most one runs while the job goes on, and the store's rows come in
  // the same order whatever the timing.
  void start(JobContext& context, InterchangeOrder order);

  // The document and set control of `set_key` when a build not yet recorded holds it.
  struct Place {
    std::string file_name;
    std::string set_control;
  };
  std::optional<Place> place_of(const std::string& set_key) const;

  // Waits for each build, in order, and records it: the document's bytes and hash, the staging
  // file (durable at the next sync_pending()), a document_sets row per set. Rethrows what a
  // build threw (the caller's transaction then rolls back).
  void record(JobContext& context);

  // Waits until no build runs, recording nothing: for a caller whose builds read data about
  // to go away, when it leaves by an exception.
  void wait() noexcept;

 private:
  struct Running;
  void drop_all() noexcept;
  void watch(JobContext& context);
  static int on_commit(void* self);
  static void on_rollback(void* self);

  std::vector<std::unique_ptr<Running>> running_;
  void* watched_ = nullptr;  // the sqlite3 connection whose hooks are ours
};

// Waits for the context's builds when it goes out of scope: declared after the data a
// caller's builds read, it keeps that data alive until no build reads it, also when an
// exception leaves the caller (the transaction's rollback then drops the builds).
class BuildsFinished {
 public:
  explicit BuildsFinished(InterchangeBuilds& builds) : builds_(builds) {}
  ~BuildsFinished() { builds_.wait(); }
  BuildsFinished(const BuildsFinished&) = delete;
  BuildsFinished& operator=(const BuildsFinished&) = delete;

 private:
  InterchangeBuilds& builds_;
};

}  // namespace runner
