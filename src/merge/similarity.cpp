#include "merge/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {
namespace {

// Light suffix stripping, enough for reports that say "called" and "calls".
std::string stem(std::string word) {
  for (const std::string_view suffix : {"ing", "ed", "es", "s"}) {
    if (word.size() >= suffix.size() + 4 && word.ends_with(suffix)) {
      word.resize(word.size() - suffix.size());
      break;
    }
  }
  return word;
}

}  // namespace

std::map<std::string, double> content_words(std::string_view text, std::size_t skip_begin,
                                            std::size_t skip_end, const language_pack& pack) {
  const token_list tokenized = tokenize(text);
  const std::vector<token>& tokens = tokenized.tokens;
  const word_table& stopwords = pack.table("stopword");
  std::map<std::string, double> words;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const token& t = tokens[i];
    if (t.begin >= skip_begin && t.end <= skip_end) continue;
    if (t.kind != token_kind::word && t.kind != token_kind::number) continue;
    std::string word(t.lower);
    // "cease-fire" and "ceasefire" are one word.
    while (i + 2 < tokens.size() && tokens[i + 1].lower == "-" && !tokens[i + 1].space_before &&
           !tokens[i + 2].space_before && tokens[i + 2].kind == token_kind::word) {
      word += tokens[i + 2].lower;
      i += 2;
    }
    if (stopwords.contains(word) || (word.size() < 3 && t.kind == token_kind::word)) continue;
    const double factor = (t.capitalized || t.kind == token_kind::number) ? 2.0 : 1.0;
    const auto [it, inserted] = words.emplace(stem(std::move(word)), factor);
    if (!inserted) it->second = std::min(it->second, factor);
  }
  return words;
}

void settle_names(std::vector<std::map<std::string, double>>& reports) {
  std::set<std::string> lower_case;
  for (const auto& r : reports) {
    for (const auto& [word, factor] : r) {
      if (factor == 1.0) lower_case.insert(word);
    }
  }
  for (auto& r : reports) {
    for (auto& [word, factor] : r) {
      if (lower_case.contains(word)) factor = 1.0;
    }
  }
}

std::map<std::string, double> inverse_frequencies(
    const std::vector<std::map<std::string, double>>& reports) {
  std::map<std::string, double> frequency;
  for (const auto& r : reports) {
    for (const auto& [word, factor] : r) frequency[word] += 1.0;
  }
  const double n = static_cast<double>(reports.size());
  for (auto& [word, f] : frequency) f = std::log(1.0 + n / f);
  return frequency;
}

likeness similarity(const std::map<std::string, double>& a, const std::map<std::string, double>& b,
                    const std::map<std::string, double>& idf) {
  auto weight = [&](const std::string& word, double factor) {
    const auto it = idf.find(word);
    return factor * (it == idf.end() ? 1.0 : it->second);
  };
  // A word at most one report in ten says: in a set of stories about one company, its name
  // and its products are in every other report and tell two happenings apart no better than
  // "said" does.
  const double rare_idf = std::log(1.0 + 10.0);
  auto rare = [&](const std::string& word) {
    const auto it = idf.find(word);
    return it == idf.end() || it->second >= rare_idf;
  };
  double total = 0;
  double shared = 0;
  likeness result;
  for (const auto& [word, factor] : a) {
    const double w = weight(word, factor);
    total += w;
    if (const auto it = b.find(word); it != b.end()) {
      shared += w + weight(word, it->second);
      if (factor == 1.0) ++result.shared_words;
      if (factor == 1.0 && rare(word)) ++result.shared_rare;
    }
  }
  for (const auto& [word, factor] : b) total += weight(word, factor);
  result.dice = total == 0 ? 0 : shared / total;
  return result;
}

}  // namespace chronicle::detail
