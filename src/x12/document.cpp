// Accessors of the document tree that need more than a one-liner.
#include "x12/document.h"

namespace x12 {

std::string_view Interchange::trimmed(std::size_t position) const {
  std::string_view value = header.element(position);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  return value;
}

}  // namespace x12
