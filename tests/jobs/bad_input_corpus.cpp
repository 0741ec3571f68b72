// Reading the corpus manifest and building recipe inputs.
#include "bad_input_corpus.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace testing_jobs {
namespace {

namespace fs = std::filesystem;

const fs::path kBadFolder = fs::path(AVEDI_TEST_DATA) / "bad";

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    std::size_t at = text.find(separator, from);
    parts.push_back(text.substr(from, at - from));
    if (at == std::string::npos) return parts;
    from = at + separator.size();
  }
}

std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char next = text[++i];
    if (next == 'n') {
      out += '\n';
    } else if (next == 'r') {
      out += '\r';
    } else if (next == 't') {
      out += '\t';
    } else if (next == 'x' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += next;
    }
  }
  return out;
}

}  // namespace

bool BadCase::generated() const { return fs::path(file).extension() == ".recipe"; }

std::string BadCase::inbox_name() const {
  fs::path path(file);
  if (!generated()) return path.filename().string();
  return path.stem().string() + (job == "avedi-receive" ? ".edi" : ".csv");
}

std::vector<BadCase> load_bad_cases() {
  std::ifstream in(kBadFolder / "EXPECTED.tsv");
  if (!in) throw std::runtime_error("cannot open tests/data/bad/EXPECTED.tsv");
  std::vector<BadCase> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split(line, "\t");
    if (fields.size() != 5) throw std::runtime_error("EXPECTED.tsv: not 5 fields: " + line);
    BadCase c;
    c.file = fields[0];
    c.job = fields[1];
    c.exit_code = std::stoi(fields[2]);
    c.reasons = split(fields[3], " && ");
    if (fields[4] != "none" && fields[4] != "-") c.answer = split(fields[4], " && ");
    cases.push_back(c);
  }
  return cases;
}

std::uintmax_t write_bad_input(const BadCase& c, const fs::path& target) {
  fs::path source = kBadFolder / c.file;
  if (c.generated()) return build_recipe(source, target);
  fs::copy_file(source, target, fs::copy_options::overwrite_existing);
  return fs::file_size(target);
}

std::uintmax_t build_recipe(const fs::path& recipe, const fs::path& target) {
  std::ifstream in(recipe);
  if (!in) throw std::runtime_error("cannot open " + recipe.string());
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    if (verb == "text") {
      out << unescape(line.substr(5));
    } else if (verb == "repeat") {
      long long count = 0;
      words >> count;
      std::string rest;
      std::getline(words, rest);
      std::string unit = unescape(rest.substr(1));
      // Repeat in blocks: a 100 MB run costs a few hundred writes, not 10^8.
      std::string block;
      long long per_block =
          std::max<long long>(1, (1 << 20) / std::max<std::size_t>(1, unit.size()));
      for (long long i = 0; i < std::min(count, per_block); ++i) block += unit;
      long long left = count;
      while (left > 0) {
        long long now = std::min(left, per_block);
        out.write(block.data(), static_cast<std::streamsize>(now * unit.size()));
        left -= now;
      }
    } else if (verb == "include-range") {
      std::string file, from_text, to_text;
      words >> file >> from_text >> to_text;
      std::ifstream source(recipe.parent_path() / file, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(source)), std::istreambuf_iterator<char>());
      std::size_t from = std::stoul(from_text);
      std::size_t to = to_text == "end" ? bytes.size() : std::stoul(to_text);
      out << bytes.substr(from, to - from);
    } else {
      throw std::runtime_error(recipe.string() + ": unknown instruction: " + line);
    }
  }
  out.close();
  return fs::file_size(target);
}

}  // namespace testing_jobs
