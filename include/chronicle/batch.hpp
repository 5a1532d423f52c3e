#pragma once
// Tagging many documents at once on several threads, results in input order.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/tagger.hpp"
#include "chronicle/timex.hpp"

namespace chronicle {

struct batch_document {
  std::string id;
  std::string text;
  std::optional<date::sys_days> dct;
};

// Tags every document with `jobs` threads (1: on the calling thread). The result is the same
// as tagging each in turn, in the same order.
// **Example**: `tag_all(tagger::english(), docs, text_mode::automatic, 2)`
std::vector<std::vector<timex>> tag_all(const tagger& tagger, const std::vector<batch_document>& docs,
                                        text_mode mode, unsigned jobs);

// A piece of work that reads one input and returns what is to be written for it.
using text_job = std::function<std::string()>;

// Runs the jobs `next` hands out (nullopt: no more) on `jobs` threads, and hands each one's text
// to `done` in the order the jobs came, as soon as every job before it is done. At most two
// jobs a thread are held at once, whatever their number: a stream of documents of any length is
// tagged in bounded memory. `next` and `done` are each called on one thread at a time.
// A job that throws stops the run in order: the texts of the jobs before it are handed over and
// none after, and its exception is rethrown here once every thread has stopped. So is one
// from `next`, after the texts of the jobs it handed out before; one from `done` stops at once.
// The same jobs give the same calls to `done` with any number of threads.
void run_in_order(unsigned jobs, const std::function<std::optional<text_job>()>& next,
                  const std::function<void(std::string&)>& done);

// One document from a JSON line `{"id": "...", "text": "...", "dct": "2020-06-26"}` (dct
// optional), line `line_number` of the input `name` ("-": standard input). Throws
// chronicle::error "NAME:LINE:COL: ..." on anything else, bytes that are not UTF-8 text
// (check_text) included, written or escaped.
batch_document parse_document_line(std::string_view line, const std::string& name, std::size_t line_number);

}  // namespace chronicle
