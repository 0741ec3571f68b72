// Every Amazon-specific choice of segment, qualifier and code avedi reads or writes, in one
// place, each marked as ../shared/reference/amazon-x12.md marks it. When Amazon's own spec
// package (Vendor Central, EDI -> Self Service Setup) says otherwise, the correction is one
// line here. docs/amazon-mapping.md lists the same choices for people.
#pragma once

#include <string_view>

namespace amazon {

// ---- 850 purchase order (004010) ----
inline constexpr std::string_view kVendorCodeQualifier = "CR";        // REF01 [confirmed S1/S4]
inline constexpr std::string_view kDeliverNotBefore = "064";          // DTM01 [confirmed S1/S4]
inline constexpr std::string_view kDeliverNotAfter = "063";           // DTM01 [confirmed S1/S4]
inline constexpr std::string_view kShipToEntity = "ST";               // N101 [confirmed S4]
inline constexpr std::string_view kBackorderAllowed = "Y";            // CSH01 Y / N [confirmed S4]
// PO1 product id qualifiers Amazon sends [confirmed S4; BP = ASIN unconfirmed].
inline constexpr std::string_view kAsin = "BP";
inline constexpr std::string_view kEan = "EN";
inline constexpr std::string_view kUpc = "UP";
inline constexpr std::string_view kGtin = "UK";
inline constexpr std::string_view kIsbn = "IB";
inline constexpr std::string_view kCaseCode = "UA";
inline constexpr std::string_view kVendorItem = "VN";
inline constexpr std::string_view kEach = "EA";                       // PO103 [confirmed S4]
inline constexpr std::string_view kCase = "CA";                       // PO103 [confirmed S4]

// ---- 855 acknowledgement (004010) ----
inline constexpr std::string_view kAckPurpose = "00";                 // BAK01 original
inline constexpr std::string_view kAckNoChange = "AD";                // BAK02 [confirmed S1]
inline constexpr std::string_view kAckWithChange = "AC";              // BAK02 [confirmed S1]
// BAK04 carries the PO date (BEG05), as X12 defines it [unconfirmed for Amazon].
inline constexpr std::string_view kItemAccepted = "IA";               // ACK01 [X12 668; subset unconfirmed]
inline constexpr std::string_view kItemBackordered = "IB";            // ACK01
inline constexpr std::string_view kItemRejected = "IR";               // ACK01
inline constexpr std::string_view kScheduledShipDate = "068";         // ACK04 [unconfirmed]
// The 855 PO1 may carry only these id qualifiers [confirmed S1]; others of the 850 are dropped.
inline constexpr std::string_view k855IdQualifiers = "BP EN IB UK UP VN VP";

}  // namespace amazon
