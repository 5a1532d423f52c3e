// Batch tagging: the tagger is immutable, so threads share it and take documents in turn.
#include "chronicle/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
#include "io/json_line.hpp"
#include "io/messages.hpp"

namespace chronicle {
namespace {

// Starts `work` on threads until `jobs` run it, the calling thread being one. A thread the
// system will not start (a limit on threads or memory) leaves the work to those that run: the
// output is the same with any number of them.
template <typename Work>
void start_helpers(std::vector<std::jthread>& helpers, std::size_t jobs, const Work& work) {
  for (std::size_t t = 1; t < jobs; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      return;
    }
  }
}

}  // namespace

std::vector<std::vector<timex>> tag_all(const tagger& tagger, const std::vector<batch_document>& docs,
                                        text_mode mode, unsigned jobs) {
  std::vector<std::vector<timex>> results(docs.size());
  // A document at a time: documents may differ in length a thousandfold, and a thread that
  // took several long ones would leave the others idle.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < docs.size(); i = next++) {
      results[i] = tagger.tag(docs[i].text, tag_options{docs[i].dct, mode});
    }
  };
  // The calling thread is one of the jobs: one thread fewer to start, and fewer results
  // allocated on a thread that has ended by the time they are freed.
  std::vector<std::jthread> helpers;
  start_helpers(helpers, std::min<std::size_t>(jobs, docs.size()), work);
  work();
  helpers.clear();  // joins
  return results;
}

void run_in_order(unsigned jobs, const std::function<std::optional<text_job>()>& next,
                  const std::function<void(std::string&)>& done) {
  // A job taken and not yet handed over. Slots are taken at the back and handed over from the
  // front, so a deque keeps each in place (references stay valid) while its job runs unlocked.
  struct slot {
    text_job job;
    std::string text;
    std::exception_ptr failure;
    bool ready = false;
  };
  std::mutex lock_of_all;  // guards everything below
  std::condition_variable room;
  std::deque<slot> slots;
  const std::size_t window = 2 * std::size_t{std::max(jobs, 1U)};
  bool no_more = false;               // `next` said so, or threw
  std::exception_ptr source_failure;  // what `next` threw, raised after the jobs before it
  std::exception_ptr stop;            // a job's failure in its turn, or what `done` threw
  bool handing_over = false;          // one thread at a time calls `done`

  // Hands over the texts at the front that are ready, unlocked while `done` runs. A thread that
  // finishes a job while another hands over leaves its text to that one, which looks again.
  // Only this thread takes slots off the front, so the front stays in place while unlocked; it
  // leaves the window once handed over, which bounds what is held, texts being handed included.
  const auto hand_over = [&](std::unique_lock<std::mutex>& held) {
    if (handing_over) return;
    handing_over = true;
    while (!stop && !slots.empty() && slots.front().ready) {
      slot& front = slots.front();
      if (front.failure) {
        stop = front.failure;
        break;
      }
      held.unlock();
      std::exception_ptr failed;
      try {
        done(front.text);
      } catch (...) {
        failed = std::current_exception();
      }
      held.lock();
      slots.pop_front();
      room.notify_all();
      if (failed) stop = failed;
    }
    handing_over = false;
    if (stop) room.notify_all();
  };
  const auto work = [&] {
    std::unique_lock held(lock_of_all);
    try {
      for (;;) {
        room.wait(held, [&] { return stop || no_more || slots.size() < window; });
        if (stop || no_more) return;
        std::optional<text_job> job;
        try {
          job = next();
        } catch (...) {
          source_failure = std::current_exception();
        }
        if (!job) {
          no_more = true;
          room.notify_all();
          return;
        }
        slot& mine = slots.emplace_back();
        mine.job = std::move(*job);
        held.unlock();
        std::string text;
        std::exception_ptr failure;
        try {
          text = mine.job();
        } catch (...) {
          failure = std::current_exception();
        }
        held.lock();
        mine.job = nullptr;  // what it captured goes now, not when handed over
        mine.text = std::move(text);
        mine.failure = failure;
        mine.ready = true;
        hand_over(held);
      }
    } catch (...) {  // out of memory while keeping the books: stop everyone
      if (!held.owns_lock()) held.lock();
      if (!stop) stop = std::current_exception();
      room.notify_all();
    }
  };
  {
    std::vector<std::jthread> helpers;
    start_helpers(helpers, jobs, work);
    work();
  }  // joins
  if (stop) std::rethrow_exception(stop);
  if (source_failure) std::rethrow_exception(source_failure);
}

batch_document parse_document_line(std::string_view line, const std::string& name,
                                   std::size_t line_number) {
  // The line is checked as it is written: its decoded strings are then text too, the reader
  // refusing what escapes could add (a NUL, a lone surrogate) where it stands.
  check_text(line, name, line_number);
  detail::json_line in{line, detail::shown_name(name), line_number};
  batch_document doc;
  bool has_text = false;
  in.object([&](const std::string& key, std::size_t key_at) {
    const std::size_t value_at = in.at;
    std::string value = in.string_value();
    if (key == "id") {
      doc.id = std::move(value);
    } else if (key == "text") {
      doc.text = std::move(value);  // a document's whole text: moved, not copied
      has_text = true;
    } else if (key == "dct") {
      doc.dct = parse_iso_day(value);
      if (!doc.dct) {
        in.at = value_at;
        in.fail("dct " + value + " is not a calendar date (YYYY-MM-DD)");
      }
    } else {
      in.at = key_at;
      in.fail("unknown field \"" + key + "\" (id, text, dct)");
    }
  });
  if (!has_text) in.fail("missing \"text\"");
  return doc;
}

}  // namespace chronicle
