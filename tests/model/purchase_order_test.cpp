// The product ids of a PO line as the store keeps them: one text, decoded back unchanged.
#include "model/purchase_order.h"

#include <doctest/doctest.h>

namespace {

bool same_ids(const std::vector<model::ProductId>& a, const std::vector<model::ProductId>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].qualifier != b[i].qualifier || a[i].value != b[i].value) return false;
  }
  return true;
}

}  // namespace

TEST_SUITE("model::PurchaseOrder") {
  TEST_CASE("keeps plain ids in the readable form the store has always used") {
    std::vector<model::ProductId> ids{{"BP", "B0EXAMPLE1"}, {"UP", "012345678905"}};
    CHECK(model::encode_product_ids(ids) == "BP=B0EXAMPLE1;UP=012345678905");
    CHECK(same_ids(model::decode_product_ids("BP=B0EXAMPLE1;UP=012345678905"), ids));
    CHECK(model::decode_product_ids("").empty());
  }

  TEST_CASE("an id holding a semicolon, = or a backslash decodes to itself, not to other ids") {
    // Found by the 850 fuzz target: "B0EX;UP=1" came back as BP=B0EX plus a made-up UP=1,
    // which the 855, 856 and 810 would have echoed to Amazon.
    std::vector<model::ProductId> ids{{"BP", "B0EX;UP=1"}, {"VN", "A\\B"}, {"U=P", ";"}};
    std::string text = model::encode_product_ids(ids);
    CHECK(text == "BP=B0EX\\;UP\\=1;VN=A\\\\B;U\\=P=\\;");
    CHECK(same_ids(model::decode_product_ids(text), ids));
  }
}
