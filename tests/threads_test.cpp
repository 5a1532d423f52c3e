// The library called from many threads at once: every thread works on the same documents and
// must get what one thread gets. CI runs this under ThreadSanitizer as well, which also sees
// races that happen not to change a result.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <latch>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "chronicle/batch.hpp"
#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/merge.hpp"
#include "chronicle/render.hpp"
#include "chronicle/tagger.hpp"
#include "chronicle/timeline.hpp"
#include "chronicle/timeml.hpp"

// Inside the namespace: glibc's <sys/timex.h> declares a ::timex of its own.
namespace chronicle {
namespace {

using namespace date::literals;

constexpr unsigned thread_count = 8;

struct article {
  std::string path;
  std::string bytes;
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The example articles, and texts that take the other paths: narrative, dateline, front
// matter, empty, and a TimeML document.
const std::vector<article>& articles() {
  static const std::vector<article> all = [] {
    std::vector<article> out;
    for (const char* name : {"libya-ceasefire", "kremlin-video-call", "macron-accepts-invitation"}) {
      const std::string path = std::string(CHRONICLE_SOURCE_ROOT "/timelines/examples/") + name + ".txt";
      out.push_back({path, read(path)});
    }
    out.push_back({"narrative.txt",
                   "The treaty was signed on March 3, 2015. The day before, the talks had stalled. "
                   "Two weeks later the parliament ratified it, and by early 2016 it was in force.\n"});
    out.push_back({"dateline.txt",
                   "PARIS, June 29, 2020 - Macron said on Monday he would travel to Moscow next month. "
                   "Every Monday the cabinet meets; in recent weeks it met daily.\n"});
    out.push_back({"front.md", "---\ntitle: A title\npublished: 2020-06-27\n---\nThey met on Friday.\n"});
    out.push_back({"empty.txt", ""});
    out.push_back({"story.tml",
                   "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>\n"
                   "<TEXT>In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01\">January</TIMEX3> stocks fell "
                   "for about a week, then rose on Friday.</TEXT></TimeML>\n"});
    return out;
  }();
  return all;
}

std::string show(const std::vector<timex>& found) {
  std::string out = render_jsonl(found, "");
  for (const auto& t : found) out += t.rule + " " + t.anchor_ref + "\n";
  return out;
}

// Everything the library makes of the articles, as text. Each thread starts at another
// article (`rotation`), so that different threads hit the same code with different input.
std::string everything(std::size_t rotation) {
  const auto& docs = articles();
  const tagger& english = tagger::english();
  std::vector<std::string> parts(docs.size());
  std::vector<timeline> timelines(docs.size());
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const std::size_t i = (k + rotation) % docs.size();
    std::string& part = parts[i];
    if (docs[i].path.ends_with(".tml")) {
      const timeml_document tml = parse_timeml(docs[i].bytes, docs[i].path);
      const auto found =
          english.tag(tml.text, {.dct = tml.dct, .mode = text_mode::automatic, .explain = true});
      part += show(found) + annotate_timeml(tml, found);
      continue;
    }
    const document doc = parse_document(docs[i].bytes, docs[i].path);
    const std::string_view body = std::string_view(doc.text).substr(doc.body_begin);
    for (const auto mode : {text_mode::automatic, text_mode::news, text_mode::narrative}) {
      part += show(english.tag(body, {.dct = std::nullopt, .mode = mode, .explain = true}));
      part += show(english.tag(body, {.dct = 2020_y / 6 / 27, .mode = mode, .explain = true}));
    }
    if (const auto day = english.infer_publication_date(doc.text)) part += iso_day(*day);
    timelines[i] = extract(doc, english, {});
    const std::string yaml = to_yaml(timelines[i]);
    part += yaml + render_markdown(timelines[i]) + to_yaml(timeline_from_yaml(yaml, docs[i].path));
  }
  std::string out;
  for (const auto& part : parts) out += part;
  out += to_yaml(merge(timelines));
  out += diff(timelines.front(), merge(timelines));
  return out;
}

// Runs `work(t)` on thread_count threads released at the same moment.
template <typename Work>
std::vector<std::string> on_threads(Work work) {
  std::vector<std::string> results(thread_count);
  std::latch start(thread_count);
  {
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < thread_count; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        results[t] = work(t);
      });
    }
  }
  return results;
}

// First, so that the threads are the first to use the tagger and its tables: building them
// once, however many threads ask at once, is part of being thread-safe.
TEST_CASE("8 threads tag and extract the same articles, from the first use on") {
  const auto results = on_threads([](unsigned t) { return everything(t); });
  const std::string alone = everything(0);
  CHECK(alone.find("2020-06-26") != std::string::npos);
  for (unsigned t = 0; t < thread_count; ++t) {
    INFO("thread ", t);
    CHECK(results[t] == alone);
  }
}

TEST_CASE("tag_all on 8 threads gives the single-thread result, in input order") {
  std::vector<batch_document> docs;
  for (int copy = 0; copy < 20; ++copy) {
    for (const auto& a : articles()) {
      if (a.path.ends_with(".tml")) continue;
      docs.push_back({a.path, a.bytes, copy % 2 == 0 ? std::optional(2020_y / 6 / 27) : std::nullopt});
    }
  }
  for (const auto mode : {text_mode::automatic, text_mode::narrative}) {
    const auto one = tag_all(tagger::english(), docs, mode, 1);
    const auto many = tag_all(tagger::english(), docs, mode, thread_count);
    REQUIRE(many.size() == one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      INFO("document ", i);
      CHECK(show(many[i]) == show(one[i]));
    }
  }
}

TEST_CASE("several tag_all batches at once share one tagger") {
  std::vector<batch_document> docs;
  for (const auto& a : articles()) {
    if (!a.path.ends_with(".tml")) docs.push_back({a.path, a.bytes, 2020_y / 6 / 27});
  }
  auto batch = [&](unsigned) {
    std::string out;
    for (const auto& found : tag_all(tagger::english(), docs, text_mode::news, 3)) out += show(found);
    return out;
  };
  const auto results = on_threads(batch);
  const std::string alone = batch(0);
  for (const auto& r : results) CHECK(r == alone);
}

// run_in_order over 200 jobs, each returning its number after work that grows with it mod 7,
// so that later jobs often finish first. `fails` names who throws at job 60: the job, the
// source when asked for it, or `done` when handed its text.
struct ordered_run {
  unsigned jobs;
  const char* fails;        // "", "job", "next" or "done"
  std::size_t handed_over;  // texts `done` receives
};

constexpr std::size_t ordered_total = 200;
constexpr std::size_t failing_job = 60;

constexpr ordered_run ordered_runs[] = {
    {1, "", 200},    {2, "", 200},    {8, "", 200},    {1, "job", 60},
    {2, "job", 60},  {8, "job", 60},  {1, "next", 60}, {2, "next", 60},
    {8, "next", 60}, {1, "done", 61}, {2, "done", 61}, {8, "done", 61},
};

TEST_CASE("run_in_order: texts in the jobs' order, bounded, stopped in order by a failure") {
  for (const auto& row : ordered_runs) {
    CAPTURE(row.jobs);
    CAPTURE(row.fails);
    const std::string fails = row.fails;
    std::atomic<std::size_t> taken{0};
    std::atomic<std::size_t> handed{0};
    std::atomic<std::size_t> most_held{0};
    std::vector<std::string> texts;
    const auto next = [&]() -> std::optional<text_job> {
      const std::size_t k = taken;
      if (k == ordered_total) return std::nullopt;
      if (fails == "next" && k == failing_job) throw error("no job " + std::to_string(k));
      ++taken;
      std::size_t held = taken - handed;
      for (std::size_t seen = most_held;
           held > seen && !most_held.compare_exchange_weak(seen, held);) {
      }
      return text_job{[k, fails] {
        volatile std::size_t spin = 0;
        for (std::size_t i = 0; i < (k % 7) * 20000; ++i) spin = spin + i;
        if (fails == "job" && k == failing_job) throw error("job " + std::to_string(k) + " failed");
        return std::to_string(k);
      }};
    };
    const auto done = [&](std::string& text) {
      texts.push_back(text);
      ++handed;
      if (fails == "done" && text == std::to_string(failing_job))
        throw error("cannot write " + text);
    };
    std::string thrown;
    try {
      run_in_order(row.jobs, next, done);
    } catch (const error& e) {
      thrown = e.what();
    }
    REQUIRE(texts.size() == row.handed_over);
    for (std::size_t k = 0; k < texts.size(); ++k) CHECK(texts[k] == std::to_string(k));
    CHECK(most_held <= 2 * std::max(row.jobs, 1U));
    const std::string expected = fails == "job"    ? "job 60 failed"
                                 : fails == "next" ? "no job 60"
                                 : fails == "done" ? "cannot write 60"
                                                   : "";
    CHECK(thrown == expected);
  }
}

}  // namespace
}  // namespace chronicle
