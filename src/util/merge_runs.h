// Folding runs of equal neighbours in a sorted vector into one element each: what a map
// keyed by the same thing would have summed, without a node per element.
#pragma once

#include <cstddef>
#include <vector>

namespace util {

// Keeps the first element of each run of neighbours `same` holds for, calling
// `merge(first, later)` for each later one, and drops the later ones. Sort `values` first.
template <class T, class Same, class Merge>
void merge_runs(std::vector<T>& values, Same same, Merge merge) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (kept > 0 && same(values[kept - 1], values[i])) {
      merge(values[kept - 1], values[i]);
    } else {
      values[kept++] = values[i];
    }
  }
  values.resize(kept);
}

}  // namespace util
