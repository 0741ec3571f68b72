// The engine's whole verdict on one X12 file as text: the outline of what was read, every
// problem with its position, and the TA1/997 avedi answers with. `avedi inspect` prints it and
// the golden tests compare it, so the tests check exactly what an operator sees.
#pragma once

#include <string>
#include <string_view>

#include "x12/writer.h"

namespace x12 {

struct ReportSettings {
  std::string date;  // CCYYMMDD of the answer's GS04 (ISA09 takes the YYMMDD part)
  std::string time;  // HHMM
  // Control numbers of the answers: interchange i gets first_control + i for ISA13 and GS06.
  // avedi-receive allocates real ones from the store instead.
  long first_control = 1;
  WriteOptions options{{'*', '>', '~', '^'}, LineBreak::kAfterSegment};
};

struct Report {
  std::string text;
  int problem_count = 0;
};

// Reads `buffer` as file `file_name` and describes it. The answers swap the received parties.
Report inspect_x12(std::string_view buffer, std::string_view file_name,
                   const ReportSettings& settings);

}  // namespace x12
