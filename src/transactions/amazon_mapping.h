// Every Amazon-specific choice of segment, qualifier and code avedi reads or writes, in one
// place, each marked as ../shared/reference/amazon-x12.md marks it. When Amazon's own spec
// package (Vendor Central, EDI -> Self Service Setup) says otherwise, the correction is one
// line here. docs/amazon-mapping.md lists the same choices for people.
#pragma once

#include <string_view>

namespace amazon {

// ---- the envelope of what we send ----
// Transaction sets per interchange (one group) when a job sends a batch of 855s, 753s, 856s or
// 810s: X12 allows any number and Amazon's own 850 files carry several POs, but no Amazon rule
// on a limit is known [unconfirmed]. 1 sends each set in an interchange of its own.
inline constexpr int kSetsPerInterchange = 100;

// ---- 850 purchase order (004010) ----
inline constexpr std::string_view kVendorCodeQualifier = "CR";  // REF01 [confirmed S1/S4]
inline constexpr std::string_view kDeliverNotBefore = "064";    // DTM01 [confirmed S1/S4]
inline constexpr std::string_view kDeliverNotAfter = "063";     // DTM01 [confirmed S1/S4]
inline constexpr std::string_view kShipToEntity = "ST";         // N101 [confirmed S4]
inline constexpr std::string_view kBackorderAllowed = "Y";      // CSH01 Y / N [confirmed S4]
// PO1 product id qualifiers Amazon sends [confirmed S4; BP = ASIN unconfirmed].
inline constexpr std::string_view kAsin = "BP";
inline constexpr std::string_view kEan = "EN";
inline constexpr std::string_view kUpc = "UP";
inline constexpr std::string_view kGtin = "UK";
inline constexpr std::string_view kIsbn = "IB";
inline constexpr std::string_view kCaseCode = "UA";
inline constexpr std::string_view kVendorItem = "VN";
inline constexpr std::string_view kEach = "EA";  // PO103 [confirmed S4]
inline constexpr std::string_view kCase = "CA";  // PO103 [confirmed S4]

// ---- 855 acknowledgement (004010) ----
inline constexpr std::string_view kAckPurpose = "00";     // BAK01 original
inline constexpr std::string_view kAckNoChange = "AD";    // BAK02 [confirmed S1]
inline constexpr std::string_view kAckWithChange = "AC";  // BAK02 [confirmed S1]
// BAK04 carries the PO date (BEG05), as X12 defines it [unconfirmed for Amazon].
inline constexpr std::string_view kItemAccepted = "IA";     // ACK01 [X12 668; subset unconfirmed]
inline constexpr std::string_view kItemBackordered = "IB";  // ACK01
inline constexpr std::string_view kItemRejected = "IR";     // ACK01
inline constexpr std::string_view kScheduledShipDate = "068";  // ACK04 [unconfirmed]
// The 855 PO1 may carry only these id qualifiers [confirmed S1]; others of the 850 are dropped.
inline constexpr std::string_view k855IdQualifiers = "BP EN IB UK UP VN VP";

// ---- 753 request for routing instructions (005010) ----
// Element placement below is the standard 753 [unconfirmed for Amazon; S3 not readable].
inline constexpr std::string_view kRoutingPurpose = "00";  // BGN01
// BGN02 carries our supplier reference, unique per request; Amazon echoes it [confirmed S12].
inline constexpr std::string_view kShipFromEntity = "SF";          // N101
inline constexpr std::string_view kAssignedByBuyer = "92";         // N103
inline constexpr std::string_view kPurchaseOrderReference = "PO";  // L1102
inline constexpr std::string_view kFreightReadyDate = "10";        // G6201 [unconfirmed]
inline constexpr std::string_view kCartons = "CT";                 // OID03
inline constexpr std::string_view kPallets = "PL";                 // OID03
inline constexpr std::string_view kPounds = "L";                   // OID05 weight unit
inline constexpr std::string_view kCubicFeet = "E";                // OID07 volume unit

// ---- 754 routing instructions (005010) ----
// Where Amazon puts each fact is unconfirmed (amazon-x12.md 4.3); one place to correct it.
// BGN02: the ARN; BGN06: the supplier reference of our 753 (fallback: L11 with kSupplierRef).
inline constexpr std::string_view kSupplierReference = "SI";  // L1102 fallback
inline constexpr std::string_view kCarrierEntity = "CA";      // N101 carrier, N104 SCAC
inline constexpr std::string_view kPickupDate = "69";         // G6201 scheduled pickup
// BLR01, when present, is the carrier SCAC too.

// ---- 856 ship notice (005010) ----
inline constexpr std::string_view kAsnPurpose = "00";  // BSN01
// BSN05 hierarchical structure code 1005: 0001 = shipment, order, packaging, item (the tare
// level is optional within it; 0002 would put items above packs) [unconfirmed for Amazon].
inline constexpr std::string_view kHierarchyStructure = "0001";
inline constexpr std::string_view kCartonPackaging = "CTN25";  // TD101 [unconfirmed]
inline constexpr std::string_view kGrossWeight = "G";          // TD106
inline constexpr std::string_view kScacQualifier = "2";        // TD502
inline constexpr std::string_view kBillOfLading = "BM";        // REF01
inline constexpr std::string_view kProNumber = "CN";           // REF01 [unconfirmed]
// The ARN's REF01 is configurable (shipping.arn_qualifier, default BX) [unconfirmed].
inline constexpr std::string_view kShipped = "011";            // DTM01
inline constexpr std::string_view kEstimatedDelivery = "017";  // DTM01
inline constexpr std::string_view kSsccQualifier = "GM";       // MAN01 [confirmed S13]

// ---- 810 invoice (004010) ----
inline constexpr std::string_view kCurrencyEntity = "SE";  // CUR01 [unconfirmed]
inline constexpr std::string_view kCurrency = "USD";       // CUR02
inline constexpr std::string_view kRemitTo = "RI";         // N101 [confirmed S1 name]
// IT1 may carry only these id qualifiers [confirmed S1].
inline constexpr std::string_view k810IdQualifiers = "BP EN IB UA UK UP";

}  // namespace amazon
