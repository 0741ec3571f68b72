// Helpers shared by the golden tests: list a folder's inputs, compare with (or rewrite, under
// UPDATE_GOLDEN=1) the `.expected` file beside them.
#pragma once

#include <string>
#include <vector>

namespace golden {

// Paths of the files in `folder` whose name ends with `extension`, sorted.
std::vector<std::string> list_files(const std::string& folder, const std::string& extension);

// Compares `actual` with the file `expected_path`; with UPDATE_GOLDEN=1 writes it instead.
// Returns "" when equal, else a short description of the first difference.
std::string compare_or_update(const std::string& expected_path, const std::string& actual);

}  // namespace golden
