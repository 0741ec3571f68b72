// What each fuzz target does with one input, shared by the libFuzzer targets (tests/fuzz/
// *_fuzz.cpp) and the regression test that replays tests/data/fuzz-regressions/ in the normal
// suite, so a saved crash is replayed through exactly the code that found it.
#pragma once

#include <string>
#include <string_view>

namespace fuzz {

// Each check runs one reader (and what avedi does next with its result) on `input`, which may
// be any bytes. It returns "" when every invariant held, else the broken invariant; a crash
// or a sanitizer report is the other way to fail. Never throws on bad input.

// The X12 reader, the 997/TA1 planner and writer: every answer written reads back cleanly.
std::string check_x12_reader(std::string_view input);

// The inbound mappings. `input` is a whole X12 file when it starts with "ISA", else the
// segments of one set between ST and SE (written with * > ~ ^), which the check wraps in an
// envelope with correct counts so mutations reach the mapping instead of the envelope checks.
// Each mapping runs, as in avedi-receive, on every set of its kind that passed the syntax
// checks; it must return a value exactly when it reported nothing, the same one twice.
std::string check_purchase_order_850(std::string_view input);
std::string check_routing_instructions_754(std::string_view input);
std::string check_functional_ack_997(std::string_view input);

// The CSV readers: a value exactly when no problem was reported, every problem on a real row,
// every value within its documented rule.
std::string check_csv(std::string_view input);  // also: a written row reads back the same
std::string check_inventory_csv(std::string_view input);
std::string check_ready_csv(std::string_view input);
std::string check_shipped_csv(std::string_view input);
std::string check_catalog_csv(std::string_view input);

}  // namespace fuzz
