// The tagger: tokenize, recognize, resolve — the first three stages of the pipeline.
#include "chronicle/tagger.hpp"

#include <algorithm>

#include "recognize/pack.hpp"
#include "recognize/recognize.hpp"
#include "resolve/resolve.hpp"
#include "resolve/story.hpp"
#include "resolve/tense.hpp"
#include "text/sentences.hpp"
#include "text/tokenize.hpp"

namespace chronicle {
namespace detail {

namespace en_pack {
extern const std::string_view words;
extern const std::string_view patterns;
}  // namespace en_pack

std::shared_ptr<const language_pack> english_pack() {
  // Never destroyed: the pack serves until the process ends, and freeing its thousands of
  // allocations at exit cost a short run 3% of its start-up's instructions.
  static const auto* const pack = new std::shared_ptr<const language_pack>(
      load_language_pack(en_pack::words, en_pack::patterns));
  return *pack;
}

namespace {

// Narrative text (histories, biographies) mostly dates itself: most of its absolute dates lie
// far before the publication date. News mostly speaks of its own days.
bool looks_narrative(const std::vector<recognized>& found, std::optional<date::sys_days> dct) {
  if (!dct) return true;
  const int dct_year = static_cast<int>(date::year_month_day{*dct}.year());
  std::size_t absolute = 0;
  std::size_t distant = 0;
  std::size_t deictic = 0;  // "Friday", "yesterday": news speaking of its own days
  for (const auto& r : found) {
    if (r.expr.kind == expr_kind::weekday ||
        (r.expr.kind == expr_kind::relative && r.expr.unit == "day")) {
      ++deictic;
    }
    if (r.expr.kind != expr_kind::date || !r.expr.year) continue;
    ++absolute;
    if (*r.expr.year < dct_year - 10) ++distant;
  }
  // News that speaks of its own days ("on Friday", "yesterday") is news, whatever history it
  // recalls; a recent history is still a history: many dated years and hardly a "today".
  if (absolute < 4 || deictic * 10 > absolute) return false;
  return distant * 3 >= absolute * 2 || absolute >= 12;
}

// The day named by the expression nearest to found[i] in its sentence, a weekday or a date
// to the day ("It rained Thursday at 8 p.m.", "at 10 p.m. on Oct. 23").
std::optional<date::sys_days> day_named_near(const std::vector<recognized>& found, std::size_t i,
                                             const sentence& in, resolve_context context,
                                             sentence_tenses& tenses) {
  const auto names_day = [&](const recognized& q) {
    return q.first >= in.first && q.last <= in.last &&
           (q.expr.kind == expr_kind::weekday || (q.expr.kind == expr_kind::date && q.expr.day));
  };
  const recognized* nearest = nullptr;
  std::size_t distance = 0;
  for (std::size_t j = i; j-- > 0 && found[j].last > in.first;) {
    if (names_day(found[j])) {
      nearest = &found[j];
      distance = found[i].first - found[j].last;
      break;
    }
  }
  for (std::size_t j = i + 1; j < found.size() && found[j].first < in.last; ++j) {
    if (names_day(found[j])) {
      if (nearest == nullptr || found[j].first - found[i].last < distance) nearest = &found[j];
      break;
    }
  }
  if (nearest == nullptr) return std::nullopt;
  context.clause = tenses.around(nearest->first, nearest->last);
  const resolution day = resolve(nearest->expr, context);
  if (day.grain != granularity::day || !day.first_day) return std::nullopt;
  return day.first_day;
}

}  // namespace
}  // namespace detail

tagger::tagger(std::shared_ptr<const detail::language_pack> pack)
    : pack_(std::move(pack)), tense_tables_(std::make_shared<const detail::tense_tables>(*pack_)) {}

const tagger& tagger::english() {
  static const tagger english{detail::english_pack()};
  return english;
}

namespace detail {
namespace {

// Long texts are read in pieces of about this size, cut at a blank line or a sentence's end:
// a piece's tokens stay in the processor's cache, and memory stays bounded whatever the
// length of the text. A text under two pieces long is read whole.
constexpr std::size_t piece_size = std::size_t{64} * 1024;

bool lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Where the piece that starts at `from` ends: at the first blank line after piece_size bytes,
// else at the first sentence end there (a stop after three lower-case letters or digits, then
// a space and a capital: no abbreviation like "Jan." or "Mr."), else at whitespace (a text with
// no sentence in 64 KB is no prose, and may be cut anywhere), else where a character starts: a
// piece is at most two piece_size long, whatever the text.
std::size_t piece_end(std::string_view text, std::size_t from) {
  if (text.size() - from < 2 * piece_size) return text.size();
  const std::size_t at = from + piece_size;
  const std::size_t limit = std::min(text.size(), at + piece_size);
  for (std::size_t i = at; i < limit; ++i) {
    if (text[i] != '\n') continue;
    std::size_t j = i + 1;
    while (j < limit && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j < limit && text[j] == '\n') return i + 1;
  }
  for (std::size_t i = at; i + 2 < limit; ++i) {
    const bool stop = text[i] == '.' || text[i] == '!' || text[i] == '?';
    if (stop && (text[i + 1] == ' ' || text[i + 1] == '\n') && text[i + 2] >= 'A' && text[i + 2] <= 'Z' &&
        lower_or_digit(text[i - 1]) && lower_or_digit(text[i - 2]) && lower_or_digit(text[i - 3])) {
      return i + 1;
    }
  }
  const std::size_t space = text.substr(0, limit).find_first_of(" \t\n", at);
  if (space != std::string_view::npos) return space + 1;
  if (limit == text.size()) return limit;
  std::size_t cut = limit;
  while (cut > at && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // continuation
  return cut;
}

// What reading a text carries from one piece to the next: the story so far.
struct reading_state {
  resolve_context context;
  bool mode_chosen = false;
};

// One piece of a text, read into tokens, what the pack knows of their words, and sentences
// where all of them are asked for.
struct piece_reading {
  std::string_view text;
  std::size_t offset = 0;  // where the piece starts in the whole text
  token_list tokenized;
  known_words words;
  std::vector<sentence> sentences;
};

// The timexes of one piece of a text added to `result`, with offsets into the whole text.
// `abbreviations` is the pack's table of them, looked up once for the text.
void tag_piece(const piece_reading& in, const language_pack& pack, const word_table& abbreviations,
               const tense_tables& tense_words, const tag_options& options, reading_state& state,
               std::vector<timex>& result) {
  const auto& [piece, offset, tokenized, words, sentences] = in;
  const std::vector<token>& tokens = tokenized.tokens;
  const auto found = recognize(tokens, words, pack);
  // Room for every expression found, made once: a timex is seven strings, costly to move.
  // Twice the room at least, so that a long text's pieces reallocate a few times, not each.
  if (const std::size_t needed = result.size() + found.size(); needed > result.capacity()) {
    result.reserve(std::max(needed, 2 * result.capacity()));
  }

  resolve_context& context = state.context;
  if (!state.mode_chosen) {
    // The first piece decides: it is the whole of all but very long texts.
    context.dct = options.dct;
    context.narrative = options.mode == text_mode::narrative ||
                        (options.mode == text_mode::automatic && looks_narrative(found, options.dct));
    state.mode_chosen = true;
  }
  // The sentence of an expression, looked up where the piece is split whole, else found from
  // the tokens around it: tagging alone needs only the sentences that hold an expression,
  // about half of a text's tokens.
  // (in.sentences, not the binding: clang 14 does not let a lambda capture a structured binding)
  const auto sentence_of = [&](std::size_t at) {
    if (in.sentences.empty()) return sentence_at(tokens, at, abbreviations);
    return *std::partition_point(in.sentences.begin(), in.sentences.end(),
                                 [&](const sentence& s) { return s.last <= at; });
  };
  sentence s;              // of the expression at hand; none yet
  sentence_tenses tenses;  // of sentence s, read once for all its expressions
  for (std::size_t i = 0; i < found.size(); ++i) {
    const recognized& r = found[i];
    if (r.first >= s.last) {  // each sentence once: the expressions come in token order
      s = sentence_of(r.first);
      tenses.read(tokens, words, s.first, s.last, tense_words);
    }
    // TimeBank and TempEval leave names alone (ABC's "This Week"); the narrative corpora mark
    // the time in them ("the Seven Years War", "the Spring Offensive").
    if (r.in_name && !context.narrative) continue;
    // A sentence's tenses are read where they are asked: by an expression that leans on them,
    // by a clock time for the day named near it (day_named_near), and by a history's story.
    const bool asks_tense =
        leans_on_tense(r.expr) || r.expr.kind == expr_kind::time || context.narrative;
    context.clause = asks_tense ? tenses.around(r.first, r.last) : tense::none;
    context.sentence_day = r.expr.kind == expr_kind::time
                               ? day_named_near(found, i, s, context, tenses)
                               : std::nullopt;
    resolution res = resolve(r.expr, context);
    if (res.value.empty()) continue;  // no calendar date: "February 30"
    timex& t = result.emplace_back();  // written where it stays: a timex is seven strings
    t.begin = offset + tokens[r.first].begin;
    t.end = offset + tokens[r.last - 1].end;
    t.text = std::string(piece.substr(tokens[r.first].begin, t.end - t.begin));
    t.type = res.type;
    t.value = std::move(res.value);
    t.mod = r.expr.mod;
    t.quant = std::move(res.quant);
    t.freq = std::move(res.freq);
    t.first_day = res.first_day;
    t.last_day = res.last_day;
    t.grain = res.grain;
    t.anchor = res.anchor;
    if (options.explain) {
      t.rule = r.rule;
      if (!res.step.empty()) t.rule.append(" ").append(res.step.text());
    }
    t.anchor_ref = std::move(res.anchor_ref);
    const story_place place{tokens, words, pack, s.first, s.last};
    if (moves_story(r, res, context, place)) {
      context.story = reference{*t.first_day, std::min(*t.grain, granularity::day)};
      // Only a quarter the text names moves the reported quarter; "a year earlier" and "the
      // year-ago quarter" look back from it. A quarter not over by the publication date is a
      // forecast ("will result in a fourth-quarter charge", "has no estimate of the impact on
      // fourth-quarter results") unless told in the past, as a fiscal quarter that ended is.
      const bool forecast = context.clause != tense::past && context.dct && t.last_day &&
                            *t.last_day >= *context.dct;
      // An earlier quarter named after it ("after a flat second quarter") is a comparison: the
      // report stays on the latest.
      const bool earlier = context.story_quarter && *t.first_day < context.story_quarter->day;
      if (r.expr.kind == expr_kind::quarter && r.expr.offset == 0 && !forecast && !earlier) {
        context.story_quarter = reference{*t.first_day, *t.grain};
      }
    }
    // "For the nine months, profit rose from a year earlier": a reporting period longer than
    // a quarter ends the talk of the quarter, and comparisons return to whole years.
    const bool long_period = r.expr.kind == expr_kind::duration &&
                             ((r.expr.unit == "month" && r.expr.offset > 3) || r.expr.unit == "year");
    if (long_period) context.story_quarter.reset();
  }
}

void add_spans(const std::vector<token>& tokens, const std::vector<sentence>& sentences,
               std::size_t offset, std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  for (const auto& s : sentences) {
    if (s.first < s.last) spans.emplace_back(offset + tokens[s.first].begin, offset + tokens[s.last - 1].end);
  }
}

// Reads a text piece by piece: its timexes into `timexes`, its sentences into `sentences`,
// each if asked for.
void read_pieces(std::string_view text, const language_pack& pack, const tense_tables& tense_words,
                 const tag_options& options, std::vector<timex>* timexes,
                 std::vector<std::pair<std::size_t, std::size_t>>* sentences) {
  reading_state state;
  const word_table& abbreviations = pack.table("abbreviation");
  std::size_t from = 0;
  do {
    const std::size_t to = piece_end(text, from);
    piece_reading piece{text.substr(from, to - from), from, {}, {}, {}};
    piece.tokenized = tokenize(piece.text);
    const std::vector<token>& tokens = piece.tokenized.tokens;
    if (sentences != nullptr) piece.sentences = split_sentences(tokens, abbreviations);
    if (timexes != nullptr) {
      piece.words = look_up_words(tokens, pack);
      tag_piece(piece, pack, abbreviations, tense_words, options, state, *timexes);
    }
    if (sentences != nullptr) add_spans(tokens, piece.sentences, from, *sentences);
    from = to;
  } while (from < text.size());
}

}  // namespace
}  // namespace detail

std::vector<timex> tagger::tag(std::string_view text, const tag_options& options) const {
  std::vector<timex> timexes;
  detail::read_pieces(text, *pack_, *tense_tables_, options, &timexes, nullptr);
  return timexes;
}

std::vector<std::pair<std::size_t, std::size_t>> tagger::sentences(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  detail::read_pieces(text, *pack_, *tense_tables_, {}, nullptr, &spans);
  return spans;
}

tagger::reading tagger::read(std::string_view text, const tag_options& options) const {
  reading r;
  detail::read_pieces(text, *pack_, *tense_tables_, options, &r.timexes, &r.sentences);
  return r;
}

std::optional<date::sys_days> tagger::infer_publication_date(std::string_view whole) const {
  using namespace detail;
  // A dateline opens an article, and its other dates are near the start: the first piece.
  const std::string_view text = whole.substr(0, piece_end(whole, 0));
  const token_list tokenized = tokenize(text);
  const std::vector<token>& tokens = tokenized.tokens;
  const auto found = recognize(tokens, look_up_words(tokens, *pack_), *pack_);
  std::vector<std::pair<date::sys_days, std::size_t>> full_dates;  // (day, token after it)
  std::vector<long> weekdays_named;
  for (const recognized& r : found) {
    if (r.expr.kind == expr_kind::weekday) weekdays_named.push_back(*r.expr.weekday % 7);
    if (r.expr.kind != expr_kind::date || !r.expr.year || !r.expr.month || !r.expr.day) continue;
    const resolution res = resolve(r.expr, resolve_context{});
    if (res.first_day) full_dates.emplace_back(*res.first_day, r.last);
  }
  // A dateline: "PARIS, June 29, 2020 - ..." near the start, the date followed by a dash.
  for (const auto& [day, after] : full_dates) {
    if (after < tokens.size() && tokens[after].begin < 400 &&
        (tokens[after].lower == "-" || tokens[after].lower == "--")) {
      return day;
    }
  }
  // Otherwise the latest full date whose weekday the article names ("on Friday").
  std::optional<date::sys_days> best;
  for (const auto& [day, after] : full_dates) {
    const long wd = static_cast<long>(date::weekday{day}.c_encoding());
    if (std::find(weekdays_named.begin(), weekdays_named.end(), wd) == weekdays_named.end()) continue;
    if (!best || day > *best) best = day;
  }
  return best;
}

}  // namespace chronicle
