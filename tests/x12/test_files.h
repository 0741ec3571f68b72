// Small X12 texts built in tests: a valid Amazon-style 850 interchange with chosen delimiters.
#pragma once

#include <string>

#include "x12/writer.h"

namespace testing_x12 {

// A valid 850 interchange (ISA13 `control`, one group, one set) written with `options`.
inline std::string amazon_850(const x12::WriteOptions& options, const std::string& control = "101",
                              const std::string& version = "00401") {
  x12::InterchangeHeader isa;
  isa.sender_qualifier = "ZZ";
  isa.sender_id = "AMAZON";
  isa.receiver_qualifier = "ZZ";
  isa.receiver_id = "VENDORID";
  isa.date = "261120";
  isa.time = "0830";
  isa.version = version;
  isa.control = control;
  isa.usage = 'T';
  x12::InterchangeWriter writer(isa, options);
  x12::GroupHeader gs{"PO",
                      "AMAZON",
                      "VENDORID",
                      "20261120",
                      "0830",
                      control,
                      version == "00501" ? "005010" : "004010"};
  writer.begin_group(gs);
  writer.begin_set("850", "0001");
  writer.add(
      x12::SegmentBuilder("BEG").add("00").add("NE").add("2XK4FDJ3").add("").add("20261120"));
  writer.add(x12::SegmentBuilder("REF").add("CR").add("VEND01"));
  writer.add(x12::SegmentBuilder("CSH").add("Y"));
  writer.add(x12::SegmentBuilder("DTM").add("064").add("20261201"));
  writer.add(x12::SegmentBuilder("N1").add("ST").add("").add("92").add("ABE8"));
  writer.add(x12::SegmentBuilder("PO1")
                 .add("1")
                 .add("10")
                 .add("EA")
                 .add("12.5")
                 .add("PE")
                 .add("BP")
                 .add("B0EXAMPLE1")
                 .add("UP")
                 .add("012345678905"));
  writer.add(x12::SegmentBuilder("CTT").add("1").add("10"));
  writer.end_set();
  writer.end_group();
  return writer.finish();
}

}  // namespace testing_x12
