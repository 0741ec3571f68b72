// A realistic batch for each job, for the crash matrix and the overlap tests: the sample story
// (850s, stock, 855s, ready, 753s, 754, shipped, 856s, 810s) run up to the job under test,
// then that job's own input, with a rejected file and a resent copy among it.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "job_fixture.h"

namespace testing_jobs {

struct JobScenario {
  std::string job;                         // e.g. "avedi-route"
  std::map<std::string, std::string> now;  // AVEDI_NOW of the run under test
  // Runs the jobs before this one, undisturbed, and then empties both outboxes as the AS2
  // gateway and the 3PL would, so the outboxes afterwards hold what this job sent.
  std::function<void(JobTree&)> upstream;
  // Drops the job's input; returns the contents dropped (empty for the store-driven jobs).
  std::function<std::multiset<std::string>(JobTree&)> batch;
};

// receive (754, Amazon's 997s, 850s, a rejected 850, a resent file), stock, acknowledge,
// route, ship, invoice, in pipeline order.
std::vector<JobScenario> job_scenarios();
JobScenario job_scenario(const std::string& job);

}  // namespace testing_jobs
