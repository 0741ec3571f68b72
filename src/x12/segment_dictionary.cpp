// The element definitions (004010 reference numbers, types and lengths) of the segments avedi
// reads and writes. Amazon-specific code choices do not live here: this is plain X12.
#include <algorithm>
#include <array>

#include "x12/element_rules.h"
#include "x12/quick_check.h"

namespace x12 {
namespace {

using T = ElementType;
constexpr Requirement M = Requirement::kMandatory;
constexpr Requirement O = Requirement::kOptional;

ElementRule el(int reference, T type, int min, int max, Requirement requirement = O,
               std::string_view codes = {}) {
  return ElementRule{reference, type, min, max, requirement, codes, {}};
}

// Adds `count` product id qualifier/id pairs (235/234), as PO1, ACK, LIN and IT1 carry.
void add_id_pairs(std::vector<ElementRule>& elements, int count) {
  for (int pair = 0; pair < count; ++pair) {
    elements.push_back(el(235, T::kIdentifier, 2, 2));
    elements.push_back(el(234, T::kAlphanumeric, 1, 48));
  }
}

std::vector<SegmentRule> build_dictionary(Release release) {
  const bool five_ten = release == Release::k5010;
  std::vector<SegmentRule> rules;
  // Envelopes.
  rules.push_back({"GS",
                   {el(479, T::kIdentifier, 2, 2, M), el(142, T::kAlphanumeric, 2, 15, M),
                    el(124, T::kAlphanumeric, 2, 15, M), el(373, T::kDate, 8, 8, M),
                    el(337, T::kTime, 4, 8, M), el(28, T::kNumeric, 1, 9, M),
                    el(455, T::kIdentifier, 1, 2, M, "T X"), el(480, T::kAlphanumeric, 1, 12, M)}});
  rules.push_back({"GE", {el(97, T::kNumeric, 1, 6, M), el(28, T::kNumeric, 1, 9, M)}});
  rules.push_back({"IEA", {el(0, T::kNumeric, 1, 5, M), el(0, T::kNumeric, 9, 9, M)}});
  rules.push_back({"ST",
                   {el(143, T::kIdentifier, 3, 3, M), el(329, T::kAlphanumeric, 4, 9, M),
                    el(1705, T::kAlphanumeric, 1, 35)}});
  rules.push_back({"SE", {el(96, T::kNumeric, 1, 10, M), el(329, T::kAlphanumeric, 4, 9, M)}});
  rules.push_back({"TA1",
                   {el(0, T::kNumeric, 9, 9, M), el(0, T::kDate, 6, 6, M), el(0, T::kTime, 4, 4, M),
                    el(0, T::kIdentifier, 1, 1, M, "A E R"), el(0, T::kIdentifier, 3, 3, M)}});
  // 997 functional acknowledgement.
  rules.push_back({"AK1",
                   {el(479, T::kIdentifier, 2, 2, M), el(28, T::kNumeric, 1, 9, M),
                    el(480, T::kAlphanumeric, 1, 12)}});
  rules.push_back({"AK2",
                   {el(143, T::kIdentifier, 3, 3, M), el(329, T::kAlphanumeric, 4, 9, M),
                    el(1705, T::kAlphanumeric, 1, 35)}});
  rules.push_back({"AK3",
                   {el(721, T::kIdentifier, 2, 3, M), el(719, T::kNumeric, 1, 6, M),
                    el(447, T::kAlphanumeric, 1, 4), el(720, T::kIdentifier, 1, 3)}});
  ElementRule position{
      0,
      T::kComposite,
      1,
      1,
      M,
      {},
      {el(722, T::kNumeric, 1, 2, M), el(1528, T::kNumeric, 1, 2), el(1686, T::kNumeric, 1, 4)}};
  rules.push_back({"AK4",
                   {position, el(725, T::kNumeric, 1, 4), el(723, T::kIdentifier, 1, 3, M),
                    el(724, T::kAlphanumeric, 1, 99)}});
  SegmentRule ak5{"AK5", {el(717, T::kIdentifier, 1, 1, M, "A E M R W X")}};
  for (int i = 0; i < 5; ++i) ak5.elements.push_back(el(718, T::kIdentifier, 1, 3));
  rules.push_back(ak5);
  SegmentRule ak9{"AK9",
                  {el(715, T::kIdentifier, 1, 1, M, "A E M P R W X"), el(97, T::kNumeric, 1, 6, M),
                   el(123, T::kNumeric, 1, 6, M), el(2, T::kNumeric, 1, 6, M)}};
  for (int i = 0; i < 5; ++i) ak9.elements.push_back(el(716, T::kIdentifier, 1, 3));
  rules.push_back(ak9);
  // 850 purchase order.
  rules.push_back({"BEG",
                   {el(353, T::kIdentifier, 2, 2, M), el(92, T::kIdentifier, 2, 2, M),
                    el(324, T::kAlphanumeric, 1, 22, M), el(328, T::kAlphanumeric, 1, 30),
                    el(373, T::kDate, 8, 8, M), el(367, T::kAlphanumeric, 1, 30),
                    el(587, T::kIdentifier, 2, 2), el(1019, T::kIdentifier, 3, 3),
                    el(1166, T::kIdentifier, 2, 2), el(1232, T::kIdentifier, 2, 2),
                    el(786, T::kIdentifier, 2, 2), el(640, T::kIdentifier, 2, 2)}});
  rules.push_back(
      {"REF",
       {el(128, T::kIdentifier, 2, 3, M), el(127, T::kAlphanumeric, 1, five_ten ? 50 : 30),
        el(352, T::kAlphanumeric, 1, 80),
        ElementRule{0,
                    T::kComposite,
                    1,
                    1,
                    O,
                    {},
                    {el(128, T::kIdentifier, 2, 3, M), el(127, T::kAlphanumeric, 1, 30, M),
                     el(128, T::kIdentifier, 2, 3), el(127, T::kAlphanumeric, 1, 30),
                     el(128, T::kIdentifier, 2, 3), el(127, T::kAlphanumeric, 1, 30)}}}});
  rules.push_back({"FOB",
                   {el(146, T::kIdentifier, 2, 2, M), el(309, T::kIdentifier, 1, 2),
                    el(352, T::kAlphanumeric, 1, 80), el(334, T::kIdentifier, 2, 2),
                    el(335, T::kIdentifier, 3, 3), el(309, T::kIdentifier, 1, 2),
                    el(352, T::kAlphanumeric, 1, 80), el(54, T::kIdentifier, 1, 2),
                    el(352, T::kAlphanumeric, 1, 80)}});
  rules.push_back(
      {"CSH",
       {el(563, T::kIdentifier, 1, 2), el(306, T::kIdentifier, 1, 2), el(610, T::kNumeric, 1, 15),
        el(508, T::kAlphanumeric, 1, 35), el(373, T::kDate, 8, 8), el(559, T::kIdentifier, 2, 2),
        el(560, T::kIdentifier, 2, 10), el(566, T::kIdentifier, 1, 2), el(954, T::kDecimal, 1, 10),
        el(1004, T::kIdentifier, 1, 2)}});
  rules.push_back({"DTM",
                   {el(374, T::kIdentifier, 3, 3, M), el(373, T::kDate, 8, 8),
                    el(337, T::kTime, 4, 8), el(623, T::kIdentifier, 2, 2),
                    el(1250, T::kIdentifier, 2, 3), el(1251, T::kAlphanumeric, 1, 35)}});
  rules.push_back({"N1",
                   {el(98, T::kIdentifier, 2, 3, M), el(93, T::kAlphanumeric, 1, 60),
                    el(66, T::kIdentifier, 1, 2), el(67, T::kAlphanumeric, 2, 80),
                    el(706, T::kIdentifier, 2, 2), el(98, T::kIdentifier, 2, 3)}});
  SegmentRule po1{
      "PO1",
      {el(350, T::kAlphanumeric, 1, 20), el(330, T::kDecimal, 1, 15), el(355, T::kIdentifier, 2, 2),
       el(212, T::kDecimal, 1, 17), el(639, T::kIdentifier, 2, 2)}};
  add_id_pairs(po1.elements, 10);
  rules.push_back(po1);
  rules.push_back(
      {"CTT",
       {el(354, T::kNumeric, 1, 6, M), el(347, T::kDecimal, 1, 10), el(81, T::kDecimal, 1, 10),
        el(355, T::kIdentifier, 2, 2), el(183, T::kDecimal, 1, 8), el(355, T::kIdentifier, 2, 2),
        el(352, T::kAlphanumeric, 1, 80)}});
  SegmentRule cur{"CUR",
                  {el(98, T::kIdentifier, 2, 3, M), el(100, T::kIdentifier, 3, 3, M),
                   el(280, T::kDecimal, 4, 10), el(98, T::kIdentifier, 2, 3),
                   el(100, T::kIdentifier, 3, 3), el(669, T::kIdentifier, 3, 3)}};
  for (int i = 0; i < 5; ++i) {  // CUR07-CUR21: five date/time triplets
    cur.elements.push_back(el(374, T::kIdentifier, 3, 3));
    cur.elements.push_back(el(373, T::kDate, 8, 8));
    cur.elements.push_back(el(337, T::kTime, 4, 8));
  }
  rules.push_back(cur);
  // 855 purchase order acknowledgement.
  rules.push_back({"BAK",
                   {el(353, T::kIdentifier, 2, 2, M), el(587, T::kIdentifier, 2, 2, M),
                    el(324, T::kAlphanumeric, 1, 22, M), el(373, T::kDate, 8, 8, M),
                    el(328, T::kAlphanumeric, 1, 30), el(326, T::kAlphanumeric, 1, 30),
                    el(367, T::kAlphanumeric, 1, 30), el(127, T::kAlphanumeric, 1, 30),
                    el(373, T::kDate, 8, 8), el(640, T::kIdentifier, 2, 2)}});
  SegmentRule ack{
      "ACK",
      {el(668, T::kIdentifier, 2, 2, M), el(380, T::kDecimal, 1, 15), el(355, T::kIdentifier, 2, 2),
       el(374, T::kIdentifier, 3, 3), el(373, T::kDate, 8, 8), el(326, T::kAlphanumeric, 1, 30)}};
  add_id_pairs(ack.elements, 10);
  ack.elements.push_back(el(559, T::kIdentifier, 2, 2));
  ack.elements.push_back(el(822, T::kAlphanumeric, 1, 15));
  ack.elements.push_back(el(1271, T::kAlphanumeric, 1, 30));
  rules.push_back(ack);
  // Addresses and contacts (810 remit-to, 753 ship-from, 754 carrier).
  rules.push_back({"N3", {el(166, T::kAlphanumeric, 1, 55, M), el(166, T::kAlphanumeric, 1, 55)}});
  rules.push_back(
      {"N4",
       {el(19, T::kAlphanumeric, 2, 30), el(156, T::kIdentifier, 2, 2),
        el(116, T::kIdentifier, 3, 15), el(26, T::kIdentifier, 2, 3), el(309, T::kIdentifier, 1, 2),
        el(310, T::kAlphanumeric, 1, 30), el(1715, T::kIdentifier, 1, 3)}});
  const int contact_length = five_ten ? 256 : 80;
  rules.push_back({"PER",
                   {el(366, T::kIdentifier, 2, 2, M), el(93, T::kAlphanumeric, 1, 60),
                    el(365, T::kIdentifier, 2, 2), el(364, T::kAlphanumeric, 1, contact_length),
                    el(365, T::kIdentifier, 2, 2), el(364, T::kAlphanumeric, 1, contact_length),
                    el(365, T::kIdentifier, 2, 2), el(364, T::kAlphanumeric, 1, contact_length),
                    el(443, T::kAlphanumeric, 1, 20)}});
  // 810 invoice.
  rules.push_back({"BIG",
                   {el(373, T::kDate, 8, 8, M), el(76, T::kAlphanumeric, 1, 22, M),
                    el(373, T::kDate, 8, 8), el(324, T::kAlphanumeric, 1, 22),
                    el(328, T::kAlphanumeric, 1, 30), el(327, T::kAlphanumeric, 1, 8),
                    el(640, T::kIdentifier, 2, 2), el(353, T::kIdentifier, 2, 2),
                    el(306, T::kIdentifier, 1, 2), el(76, T::kAlphanumeric, 1, 22)}});
  rules.push_back(
      {"ITD",
       {el(336, T::kIdentifier, 2, 2), el(333, T::kIdentifier, 1, 2), el(338, T::kDecimal, 1, 6),
        el(370, T::kDate, 8, 8), el(351, T::kNumeric, 1, 3), el(446, T::kDate, 8, 8),
        el(386, T::kNumeric, 1, 3), el(362, T::kNumeric, 1, 10), el(388, T::kNumeric, 1, 10),
        el(389, T::kNumeric, 1, 10), el(342, T::kDecimal, 1, 5), el(352, T::kAlphanumeric, 1, 80),
        el(765, T::kNumeric, 1, 2), el(107, T::kIdentifier, 1, 2), el(954, T::kDecimal, 1, 10)}});
  SegmentRule it1{
      "IT1",
      {el(350, T::kAlphanumeric, 1, 20), el(358, T::kDecimal, 1, 10), el(355, T::kIdentifier, 2, 2),
       el(212, T::kDecimal, 1, 17), el(639, T::kIdentifier, 2, 2)}};
  add_id_pairs(it1.elements, 10);
  rules.push_back(it1);
  rules.push_back({"TDS",
                   {el(610, T::kNumeric, 1, 15, M), el(610, T::kNumeric, 1, 15),
                    el(610, T::kNumeric, 1, 15), el(610, T::kNumeric, 1, 15)}});
  // 856 ship notice.
  rules.push_back({"BSN",
                   {el(353, T::kIdentifier, 2, 2, M), el(396, T::kAlphanumeric, 2, 30, M),
                    el(373, T::kDate, 8, 8, M), el(337, T::kTime, 4, 8, M),
                    el(1005, T::kIdentifier, 4, 4), el(640, T::kIdentifier, 2, 2),
                    el(641, T::kIdentifier, 3, 3), el(306, T::kIdentifier, 1, 2)}});
  rules.push_back({"HL",
                   {el(628, T::kAlphanumeric, 1, 12, M), el(734, T::kAlphanumeric, 1, 12),
                    el(735, T::kIdentifier, 1, 2, M), el(736, T::kIdentifier, 1, 1)}});
  rules.push_back(
      {"TD1",
       {el(103, T::kAlphanumeric, 3, 5), el(80, T::kNumeric, 1, 7), el(23, T::kIdentifier, 1, 1),
        el(22, T::kAlphanumeric, 1, 30), el(79, T::kAlphanumeric, 1, 50),
        el(187, T::kIdentifier, 1, 2), el(81, T::kDecimal, 1, 10), el(355, T::kIdentifier, 2, 2),
        el(183, T::kDecimal, 1, 8), el(355, T::kIdentifier, 2, 2)}});
  rules.push_back(
      {"TD5",
       {el(133, T::kIdentifier, 1, 2), el(66, T::kIdentifier, 1, 2),
        el(67, T::kAlphanumeric, 2, 80), el(91, T::kIdentifier, 1, 2),
        el(387, T::kAlphanumeric, 1, 35), el(368, T::kIdentifier, 2, 2),
        el(309, T::kIdentifier, 1, 2), el(310, T::kAlphanumeric, 1, 30),
        el(731, T::kIdentifier, 2, 2), el(732, T::kIdentifier, 1, 2), el(733, T::kIdentifier, 1, 2),
        el(284, T::kIdentifier, 1, 2), el(284, T::kIdentifier, 1, 2), el(284, T::kIdentifier, 1, 2),
        el(26, T::kIdentifier, 2, 3)}});
  rules.push_back({"MAN",
                   {el(88, T::kIdentifier, 1, 2, M), el(87, T::kAlphanumeric, 1, 48, M),
                    el(87, T::kAlphanumeric, 1, 48), el(88, T::kIdentifier, 1, 2),
                    el(87, T::kAlphanumeric, 1, 48), el(87, T::kAlphanumeric, 1, 48)}});
  SegmentRule lin{"LIN", {el(350, T::kAlphanumeric, 1, 20)}};
  add_id_pairs(lin.elements, 15);
  rules.push_back(lin);
  rules.push_back({"SN1",
                   {el(350, T::kAlphanumeric, 1, 20), el(382, T::kDecimal, 1, 10, M),
                    el(355, T::kIdentifier, 2, 2, M), el(646, T::kDecimal, 1, 15),
                    el(330, T::kDecimal, 1, 15), el(355, T::kIdentifier, 2, 2),
                    el(728, T::kIdentifier, 2, 2), el(668, T::kIdentifier, 2, 2)}});
  rules.push_back(
      {"PRF",
       {el(324, T::kAlphanumeric, 1, 22, M), el(328, T::kAlphanumeric, 1, 30),
        el(327, T::kAlphanumeric, 1, 8), el(373, T::kDate, 8, 8), el(350, T::kAlphanumeric, 1, 20),
        el(367, T::kAlphanumeric, 1, 30), el(92, T::kIdentifier, 2, 2)}});
  // 753 routing request and 754 routing instructions.
  rules.push_back(
      {"BGN",
       {el(353, T::kIdentifier, 2, 2, M), el(127, T::kAlphanumeric, 1, 50, M),
        el(373, T::kDate, 8, 8, M), el(337, T::kTime, 4, 8), el(623, T::kIdentifier, 2, 2),
        el(127, T::kAlphanumeric, 1, 50), el(640, T::kIdentifier, 2, 2),
        el(306, T::kIdentifier, 1, 2), el(786, T::kIdentifier, 2, 2)}});
  rules.push_back({"LX", {el(554, T::kNumeric, 1, 6, M)}});
  rules.push_back({"L11",
                   {el(127, T::kAlphanumeric, 1, 80), el(128, T::kIdentifier, 2, 3),
                    el(352, T::kAlphanumeric, 1, 80), el(373, T::kDate, 8, 8)}});
  rules.push_back(
      {"G62",
       {el(432, T::kIdentifier, 2, 2), el(373, T::kDate, 8, 8), el(176, T::kIdentifier, 1, 2),
        el(337, T::kTime, 4, 8), el(623, T::kIdentifier, 2, 2)}});
  rules.push_back(
      {"OID",
       {el(127, T::kAlphanumeric, 1, 80), el(324, T::kAlphanumeric, 1, 22),
        el(355, T::kIdentifier, 2, 2), el(380, T::kDecimal, 1, 15), el(188, T::kIdentifier, 1, 1),
        el(81, T::kDecimal, 1, 10), el(184, T::kIdentifier, 1, 1), el(183, T::kDecimal, 1, 8)}});
  std::sort(rules.begin(), rules.end(),
            [](const SegmentRule& a, const SegmentRule& b) { return a.id < b.id; });
  return rules;
}

}  // namespace

namespace {

// The rules of one release with their packed ids, sorted by packed id.
struct Dictionary {
  std::vector<SegmentRule> rules;
  std::vector<std::uint32_t> keys;

  explicit Dictionary(Release release) : rules(build_dictionary(release)) {
    std::sort(rules.begin(), rules.end(), [](const SegmentRule& a, const SegmentRule& b) {
      return packed_segment_id(a.id) < packed_segment_id(b.id);
    });
    for (SegmentRule& rule : rules) {
      keys.push_back(packed_segment_id(rule.id));
      for (std::size_t i = 0; i < rule.elements.size(); ++i) {
        if (rule.elements[i].requirement == Requirement::kMandatory) {
          rule.mandatory_end = static_cast<int>(i + 1);
        }
      }
      for (const ElementRule& element : rule.elements) rule.quick.push_back(quick_element(element));
    }
  }
};

}  // namespace

const SegmentRule* find_segment_rule(std::string_view id, Release release) {
  static const Dictionary k4010(Release::k4010);
  static const Dictionary k5010(Release::k5010);
  const Dictionary& dictionary = release == Release::k5010 ? k5010 : k4010;
  std::uint32_t key = packed_segment_id(id);
  if (key == 0) return nullptr;
  // Segments come in runs (a PO's PO1 lines): the last answer is usually the next one.
  thread_local const Dictionary* last_dictionary = nullptr;
  thread_local std::uint32_t last_key = 0;
  thread_local const SegmentRule* last_rule = nullptr;
  if (key == last_key && &dictionary == last_dictionary) return last_rule;
  last_dictionary = &dictionary;
  last_key = key;
  last_rule = nullptr;
  auto found = std::lower_bound(dictionary.keys.begin(), dictionary.keys.end(), key);
  if (found != dictionary.keys.end() && *found == key) {
    last_rule = &dictionary.rules[static_cast<std::size_t>(found - dictionary.keys.begin())];
  }
  return last_rule;
}

}  // namespace x12
