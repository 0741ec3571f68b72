// What the crash and overlap tests check after a job was killed or raced: the whole observable
// state of an installation (folders and store) to compare with an undisturbed reference run,
// and the guarantees that must hold whatever happened, checked from folders and database.
#pragma once

#include <map>
#include <set>
#include <string>

#include "job_fixture.h"

namespace testing_jobs {

// Everything a run can change, with the tree's own root path replaced by "<root>": every file
// under the AS2 and 3PL folders, work/, staging/, archive/ and error/ (relative path ->
// content), and every row of every store table but `runs` (without run ids, which a killed run
// shifts, and transitions without their detail text). The log and the config are left out.
struct TreeState {
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> tables;  // table -> its rows, one per line, in id order
  bool operator==(const TreeState&) const = default;
};

TreeState capture(const JobTree& tree);

// Makes `to` a copy of `from` (folders, config, store), its store's paths pointing into `to`:
// one prepared installation serves many runs without running the jobs before each again.
void copy_installation(const JobTree& from, const JobTree& to);

// The first difference between two states, "" when equal (for a readable failure).
std::string first_difference(const TreeState& expected, const TreeState& actual);

// What the tree held before the run under test: the inputs already taken in and the documents
// already sent. The guarantees are checked for what came after.
struct Before {
  std::multiset<std::string> stored_inputs;  // contents of archive/ and error/ (no reasons)
  std::set<long> documents;                  // ids of documents already in the store
};

Before before_run(const JobTree& tree);

// Checks (with doctest CHECKs) every guarantee that holds once a job has run to completion,
// whatever interrupted it before: each of `inputs` (contents dropped for the job) is in
// exactly one of archive/error and nothing else arrived there; no inbox file the job wants,
// nothing in work/ or staging/; every error file has its reason; integrity_check and
// foreign_key_check are clean; every file record is final; every document is delivered, each
// new one in its outbox byte for byte with the ISA13 its row names, no outbox file that is not
// a document; ISA13 and GS06 never used twice; no PO, shipment, SSCC or invoice twice.
void check_guarantees(const JobTree& tree, const Before& before,
                      const std::multiset<std::string>& inputs);

}  // namespace testing_jobs
