// chronicle's benchmark: throughput of tag and extract over a corpus of TimeML documents, the
// growth of tagging time with input size, batch scaling and peak memory. Figures are printed
// as a table; what counts are the ratios, taken in the same run.
//
// usage: chronicle_bench [CORPUS_DIR] [--seconds S] [--write-text FILE] [--only tag|extract]
//                        [--stages]
//   --write-text writes the corpus text, documents separated by blank lines, for the peers.
//   --only runs one measure alone, single-threaded, for a profiler (perf record, callgrind).
//   --stages tells where tagging's time goes, stage by stage, and prints nothing else.
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "allocator.hpp"
#include "chronicle/batch.hpp"
#include "chronicle/document.hpp"
#include "chronicle/io.hpp"
#include "chronicle/tagger.hpp"
#include "chronicle/timeline.hpp"
#include "chronicle/timeml.hpp"
#include "recognize/pack.hpp"
#include "recognize/recognize.hpp"
#include "recognize/shapes.hpp"
#include "text/tokenize.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

struct corpus {
  std::vector<chronicle::batch_document> docs;
  std::size_t bytes = 0;
};

corpus load(const std::string& folder) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".tml") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  corpus c;
  for (const auto& p : paths) {
    auto doc = chronicle::parse_timeml(chronicle::read_file(p.string()), p.string());
    c.bytes += doc.text.size();
    c.docs.push_back({p.stem().string(), std::move(doc.text), doc.dct});
  }
  return c;
}

// Runs `work` until `seconds` have passed (at least once); seconds per run. Never inlined, so
// that a profiler may count the runs alone (callgrind --toggle-collect='*seconds_per_run*').
template <typename Work>
[[gnu::noinline]] double seconds_per_run(double seconds, Work work) {
  const auto start = clock_type::now();
  int runs = 0;
  double elapsed = 0;
  do {
    work();
    ++runs;
    elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
  } while (elapsed < seconds);
  return elapsed / runs;
}

// The same, with a first run left out. A first run pays for cold caches, for the first touch of
// the memory it allocates and, in a JavaScript peer, for compiling its hot code: costs that a
// corpus-scale job pays once. (chrono-node's first pass over the silver text runs at 5 MB/s,
// its later ones at 8.4.) Ours and the peer's figures are taken alike; see chrono_bench.mjs.
template <typename Work>
double seconds_per_warm_run(double seconds, Work work) {
  work();
  return seconds_per_run(seconds, work);
}

// Runs `first` and `second` in turn, a run of each at a time, until both have had `seconds`;
// seconds per run of each. A machine shared with others is faster at some moments than at
// others: taking turns gives both the same moments, so that their ratio is fair.
template <typename First, typename Second>
std::pair<double, double> seconds_per_run_in_turn(double seconds, First first, Second second) {
  double first_total = 0;
  double second_total = 0;
  int runs = 0;
  first();  // untimed, as in seconds_per_warm_run
  second();
  do {
    const auto start = clock_type::now();
    first();
    const auto middle = clock_type::now();
    second();
    first_total += std::chrono::duration<double>(middle - start).count();
    second_total += std::chrono::duration<double>(clock_type::now() - middle).count();
    ++runs;
  } while (first_total + second_total < 2 * seconds);
  return {first_total / runs, second_total / runs};
}

std::size_t sink = 0;  // keeps results alive so that no work is optimized away

// Where tagging's time goes. The corpus is read a document at a time through the first stage,
// then through the first two, and so on; the last is the whole tagger. A stage's time is its
// line's less the line before. (Recognition computes the token facts itself, so its line
// less the facts' line is its gates, matching and choosing alone.) Time, not callgrind's
// instruction counts: a stage whose loads wait on the language pack takes longer an instruction.
void print_stages(const corpus& c, const chronicle::tagger& tagger, double seconds) {
  using namespace chronicle::detail;
  const language_pack& pack = *english_pack();
  enum stage { tokens = 1, words, facts, recognition, whole_tagger };
  constexpr std::array<const char*, whole_tagger> names = {
      "tokenize", "look up words", "token facts", "recognize (gates, match, choose)",
      "sentences, tenses, resolve, timexes"};
  const auto read_through = [&](stage last) {
    return [&c, &tagger, &pack, last] {
      for (const auto& d : c.docs) {
        if (last == whole_tagger) {
          sink += tagger.tag(d.text, {d.dct, chronicle::text_mode::automatic}).size();
          continue;
        }
        const token_list tokenized = tokenize(d.text);
        sink += tokenized.tokens.size();
        if (last == tokens) continue;
        const known_words known = look_up_words(tokenized.tokens, pack);
        if (last == words) continue;
        sink += last == facts ? facts_of_tokens(tokenized.tokens, known, pack).size()
                              : recognize(tokenized.tokens, known, pack).size();
      }
    };
  };
  const double mb = static_cast<double>(c.bytes) / 1e6;
  const double whole = seconds_per_warm_run(seconds, read_through(whole_tagger));
  double before = 0;
  for (int s = tokens; s <= whole_tagger; ++s) {
    const double t =
        s == whole_tagger ? whole : seconds_per_warm_run(seconds, read_through(stage(s)));
    std::printf("stage    %-36s %6.2f ms a MB  %5.1f%% of tag  (through it: %6.1f MB/s)\n",
                names[static_cast<std::size_t>(s - 1)], (t - before) * 1e3 / mb,
                (t - before) / whole * 100, mb / t);
    before = t;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder;
  std::string text_file;
  std::string only;
  bool stages = false;
  double seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (arg == "--write-text" && i + 1 < argc) {
      text_file = argv[++i];
    } else if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (arg == "--stages") {
      stages = true;
    } else {
      folder = arg;
    }
  }
  if (folder.empty()) {
    const char* data = std::getenv("CHRONICLE_DATA");
    folder = std::string(data ? data : "../shared/data") + "/te3-silver";
  }
  if (!std::filesystem::is_directory(folder)) {
    std::printf("chronicle_bench: no corpus at %s (set CHRONICLE_DATA); skipped\n", folder.c_str());
    return 77;  // meson's "skipped"
  }
  const corpus c = load(folder);
  const auto& tagger = chronicle::tagger::english();
  const double mb = static_cast<double>(c.bytes) / 1e6;
  std::printf("corpus   %s: %zu documents, %.1f MB of text\n", folder.c_str(), c.docs.size(), mb);
  std::printf("allocator %s\n", chronicle::allocator_name().c_str());
  if (!text_file.empty()) {
    std::ofstream out(text_file, std::ios::binary);
    for (const auto& d : c.docs) out << d.text << "\n\n";
  }

  const auto tag_corpus = [&] {
    sink += chronicle::tag_all(tagger, c.docs, chronicle::text_mode::automatic, 1).size();
  };
  const auto extract_corpus = [&] {
    for (const auto& d : c.docs) {
      chronicle::document doc;
      doc.id = d.id;
      doc.text = d.text;
      doc.published = d.dct;
      doc.published_from = chronicle::date_origin::metadata;
      sink += chronicle::extract(doc, tagger, {}).events.size();
    }
  };
  if (stages) {
    print_stages(c, tagger, seconds);
    return sink == 0 ? 1 : 0;
  }
  if (!only.empty()) {
    if (only != "tag" && only != "extract") {
      std::fprintf(stderr, "chronicle_bench: --only takes tag or extract, not %s\n", only.c_str());
      return 2;
    }
    const double t = only == "tag" ? seconds_per_run(seconds, tag_corpus)
                                   : seconds_per_run(seconds, extract_corpus);
    std::printf("%-8s 1 thread : %8.1f MB/s %9.0f docs/s\n", only.c_str(), mb / t, c.docs.size() / t);
    return sink == 0 ? 1 : 0;
  }

  const auto [tag1, tag2] = seconds_per_run_in_turn(seconds, tag_corpus, [&] {
    sink += chronicle::tag_all(tagger, c.docs, chronicle::text_mode::automatic, 2).size();
  });
  const double extract1 = seconds_per_warm_run(seconds, extract_corpus);
  std::printf("tag      1 thread : %8.1f MB/s %9.0f docs/s\n", mb / tag1, c.docs.size() / tag1);
  std::printf("tag      2 threads: %8.1f MB/s %9.0f docs/s  (%.2fx one thread)\n", mb / tag2,
              c.docs.size() / tag2, tag1 / tag2);
  std::printf("extract  1 thread : %8.1f MB/s %9.0f docs/s\n", mb / extract1, c.docs.size() / extract1);

  // Growth: the same text 1x, 10x and 100x as one document; each step should cost ~10x.
  std::string unit;
  for (std::size_t i = 0; i < c.docs.size() && unit.size() < 20000; ++i) unit += c.docs[i].text;
  double previous = 0;
  for (const int times : {1, 10, 100}) {
    std::string text;
    for (int i = 0; i < times; ++i) text += unit;
    const double t = seconds_per_warm_run(seconds / 3, [&] {
      sink += tagger.tag(text, {c.docs.front().dct, chronicle::text_mode::news}).size();
    });
    std::printf("growth   %3dx (%7zu bytes): %9.3f ms", times, text.size(), t * 1e3);
    if (previous > 0) std::printf("  (%.1fx the previous step)", t / previous);
    std::printf("\n");
    previous = t;
  }
  // The same steps over different text: the corpus's first 2 MB read as 100 documents of 20 KB,
  // 10 of 200 KB and one of 2 MB, the same bytes at every size. Tagging one short text again and
  // again, as above, lets the processor learn its branches, which flatters the 1x step.
  std::string corpus_text;
  for (const auto& d : c.docs) corpus_text += d.text + "\n\n";
  constexpr std::size_t read_in_all = 2000000;
  if (corpus_text.size() >= read_in_all) {
    previous = 0;
    for (const std::size_t size : {read_in_all / 100, read_in_all / 10, read_in_all}) {
      const double t = seconds_per_warm_run(seconds / 3, [&] {
        for (std::size_t at = 0; at < read_in_all; at += size) {
          const std::string_view document(corpus_text.data() + at, size);
          sink += tagger.tag(document, {c.docs.front().dct, chronicle::text_mode::news}).size();
        }
      });
      const double per_document = t * static_cast<double>(size) / read_in_all;
      std::printf("growth   different text, %7zu bytes a document: %9.3f ms a document", size,
                  per_document * 1e3);
      if (previous > 0) std::printf("  (%.1fx the previous step)", per_document / previous);
      std::printf("\n");
      previous = per_document;
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("memory   peak %.1f MB (corpus in memory: %.1f MB)\n", usage.ru_maxrss / 1024.0, mb);
  return sink == 0 ? 1 : 0;
}
