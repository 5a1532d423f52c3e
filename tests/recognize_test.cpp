// Recognition end to end: English sentences through the tagger against a fixed publication
// date, Duckling style. Each row is what a reader of the sentence would annotate.
#include "recognize/recognize.hpp"

#include <doctest/doctest.h>

#include <span>
#include <string>
#include <string_view>

#include "chronicle/tagger.hpp"
#include "known_bug.hpp"

namespace chronicle {
namespace {

using namespace date::literals;

// Friday, June 26, 2020.
const date::sys_days dct{2020_y / 6 / 26};

// Every timex as "text|TYPE|value[|mod]", joined by "; ".
std::string print(std::string_view text) {
  tag_options options;
  options.dct = dct;
  std::string out;
  for (const timex& t : tagger::english().tag(text, options)) {
    if (!out.empty()) out += "; ";
    out += t.text + "|" + std::string(to_string(t.type)) + "|" + t.value;
    if (!t.mod.empty()) out += "|" + t.mod;
  }
  return out;
}

using row = testing::text_row;

void check_rows(std::span<const row> rows) { testing::check_text_rows(rows, print); }

TEST_CASE("recognize: calendar dates") {
  const row rows[] = {
      {"The deal was signed on June 26, 2020.", "June 26, 2020|DATE|2020-06-26"},
      {"The deal was signed on June 26 2020.", "June 26 2020|DATE|2020-06-26"},
      {"It was June 26th, 2020.", "June 26th, 2020|DATE|2020-06-26"},
      {"It will be held on Dec. 12, 2020.", "Dec. 12, 2020|DATE|2020-12-12"},
      {"It happened on 26 June 2020.", "26 June 2020|DATE|2020-06-26"},
      // The week that holds a day (June 26, 2020 is in ISO week 26).
      {"A hearing is set for the week of June 26, 2020.", "the week of June 26, 2020|DATE|2020-W26"},
      {"A hearing is set for the week of June 29.", "the week of June 29|DATE|2020-W27"},
      {"It happened on the 26th of June, 2020.", "the 26th of June, 2020|DATE|2020-06-26"},
      {"It happened on Friday, June 26, 2020.", "Friday, June 26, 2020|DATE|2020-06-26"},
      {"It happened on Friday, 26 June 2020.", "Friday, 26 June 2020|DATE|2020-06-26"},
      {"The file is dated 2020-06-26.", "2020-06-26|DATE|2020-06-26"},
      {"The file is dated 6/26/2020.", "6/26/2020|DATE|2020-06-26"},
      {"Sales rose in June 2020.", "June 2020|DATE|2020-06"},
      {"Sales rose in June of 2020.", "June of 2020|DATE|2020-06"},
      {"Sales rose in 1998.", "1998|DATE|1998"},
      {"He was born in 1950 and died in 2010.", "1950|DATE|1950; 2010|DATE|2010"},
      {"The 2020 election was close.", "2020|DATE|2020"},
      {"The 2019's results were bad.", "2019's|DATE|2019"},
      // A capitalized time word after a capitalized word or a number is part of a name ("60
      // Minutes"), but not at the start of a line: a dateline, then the story.
      {"He told CBS's 60 Minutes that prices fell.", ""},
      {"June 8, 2010\nYesterday, Apple unveiled a phone.", "June 8, 2010|DATE|2010-06-08; Yesterday|DATE|2020-06-25"},
      // After a determiner and a word (the determiner is looked at behind the word).
      {"He lost his unsuccessful 1996 campaign.", "1996|DATE|1996"},
      {"They cited a secret 1902 pact.", "1902|DATE|1902"},
      {"He sold 1996 shares.", ""},
      // "post-" and "pre-" put the time after or before the year, even before a noun.
      {"The post-1959 politics split families.", "post-1959|DATE|1959|AFTER"},
      {"Its pre-1996 assets were sold.", "pre-1996|DATE|1996|BEFORE"},
      // No such day is no date.
      {"It was held Feb. 30, 2021.", ""},
      {"It will be held Sept. 31.", ""},
  };
  check_rows(rows);
}

TEST_CASE("recognize: month and day without a year follow the tense") {
  const row rows[] = {
      {"The meeting was on June 5.", "June 5|DATE|2020-06-05"},
      {"The meeting will be on March 5.", "March 5|DATE|2021-03-05"},
      {"The meeting was on Dec. 12.", "Dec. 12|DATE|2019-12-12"},
      {"It was Jan 5.", "Jan 5|DATE|2020-01-05"},
      {"The meeting was on 5 June.", "5 June|DATE|2020-06-05"},
      {"The meeting was on the 5th of June.", "the 5th of June|DATE|2020-06-05"},
      {"Markets fell on March 2nd.", "March 2nd|DATE|2020-03-02"},
      {"The meeting was on Thursday, June 25.", "Thursday, June 25|DATE|2020-06-25"},
      {"Sales fell in Dec. and rose.", "Dec.|DATE|2019-12"},
      {"Sales rose in March and fell.", "March|DATE|2020-03"},
      // The sentence's period is not the abbreviation's.
      {"Sales rose in March.", "March|DATE|2020-03"},
      // A future event in a month that has ended is next year's, however near the month.
      {"She will go in May.", "May|DATE|2021-05"},
      {"They will meet at Easter.", "Easter|DATE|2021-04-04"},
      // "will be held": the participle is no past tense.
      {"It will be held Sept. 12.", "Sept. 12|DATE|2020-09-12"},
      // A past tense may be the event's, not the date's ("was extended to September"), but a
      // month set off by a comma frames its clause, and so takes its tense.
      {"The offer was extended to September.", "September|DATE|2020-09"},
      {"In September, the firm hired a new chief.", "September|DATE|2019-09"},
      {"During September, sales fell.", "September|DATE|2019-09"},
      // The day a period ended lies before the report.
      {"Sales fell in the period ended Aug. 31.", "Aug. 31|DATE|2019-08-31"},
      {"The offer was extended to Aug. 31.", "Aug. 31|DATE|2020-08-31"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: decades, centuries, quarters, halves, seasons, fiscal years") {
  const row rows[] = {
      {"He was here in the 1990s.", "the 1990s|DATE|199"},
      {"The 1990s and 2000s were different.", "The 1990s|DATE|199; 2000s|DATE|200"},
      {"In the '90s it was different.", "the '90s|DATE|199"},
      {"It was the 19th century.", "the 19th century|DATE|18"},
      {"It was in the 21st century.", "the 21st century|DATE|20"},
      {"Profits rose in the third quarter of 2019.", "the third quarter of 2019|DATE|2019-Q3"},
      {"It was in the fourth quarter 2019.", "the fourth quarter 2019|DATE|2019-Q4"},
      {"Profits rose in Q3 2019.", "Q3 2019|DATE|2019-Q3"},
      // Q3 2020 begins after the publication date, so a past "third quarter" is 2019's.
      {"Profits rose in the third quarter.", "the third quarter|DATE|2019-Q3"},
      {"Profits rose in Q3.", "Q3|DATE|2019-Q3"},
      {"The second quarter was weak.", "The second quarter|DATE|2020-Q2"},
      {"Sales rose in Q3 results.", ""},
      {"Profits will rise this quarter.", "this quarter|DATE|2020-Q2"},
      {"Profits fell last quarter.", "last quarter|DATE|2020-Q1"},
      {"Profits will rise next quarter.", "next quarter|DATE|2020-Q3"},
      // A year that modifies a noun after a possessive or a demonstrative.
      {"The company's 1989 operating results fell.", "1989|DATE|1989"},
      {"That 1978 resolution calls for a withdrawal.", "1978|DATE|1978"},
      {"Profits rose in the first half of 2019.", "the first half of 2019|DATE|2019-H1"},
      {"Sales will rise in the second half of the year.", "the second half of the year|DATE|2020-H2"},
      {"Sales rose in the first half of last year.", "the first half of last year|DATE|2019-H1"},
      {"Profits rose in the second half of 2019.", "the second half of 2019|DATE|2019-H2"},
      {"Profits rose in the last half of 2019.", "the last half of 2019|DATE|2019-H2"},
      {"Losses fell in the latter half of 2019.", "the latter half of 2019|DATE|2019-H2"},
      {"It rained in summer 2019.", "summer 2019|DATE|2019-SU"},
      {"It rained in the summer.", "the summer|DATE|2020-SU"},
      {"It will rain this summer.", "this summer|DATE|2020-SU"},
      {"It will snow next winter.", "next winter|DATE|2021-WI"},
      {"It rained last winter.", "last winter|DATE|2020-WI"},
      {"It rained in early summer.", "early summer|DATE|2020-SU|START"},
      {"The budget for fiscal 2021 passed.", "fiscal 2021|DATE|2021"},
      {"The budget for fiscal year 2021 passed.", "fiscal year 2021|DATE|2021"},
      {"The FY2021 budget passed.", "FY2021|DATE|FY2021"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: relative to the publication date") {
  const row rows[] = {
      {"It happened today.", "today|DATE|2020-06-26"},
      {"It happened yesterday.", "yesterday|DATE|2020-06-25"},
      {"It will happen tomorrow.", "tomorrow|DATE|2020-06-27"},
      {"It will happen tonight.", "tonight|TIME|2020-06-26TNI"},
      {"It rained this morning.", "this morning|TIME|2020-06-26TMO"},
      {"It rained yesterday afternoon.", "yesterday afternoon|TIME|2020-06-25TAF"},
      {"It will rain tomorrow evening.", "tomorrow evening|TIME|2020-06-27TEV"},
      {"It rained last night.", "last night|TIME|2020-06-25TNI"},
      {"By mid afternoon, shares were up.", "mid afternoon|TIME|2020-06-26TAF|MID"},
      {"At mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday|TIME|2020-06-25TAF|MID"},
      {"Sales fell last month.", "last month|DATE|2020-05"},
      {"Sales will rise next month.", "next month|DATE|2020-07"},
      {"Sales rose this month.", "this month|DATE|2020-06"},
      {"Sales fell last year.", "last year|DATE|2019"},
      {"Sales will rise next week.", "next week|DATE|2020-W27"},
      {"Sales rose this week.", "this week|DATE|2020-W26"},
      {"Sales fell the previous week.", "the previous week|DATE|2020-W25"},
      {"Sales rose earlier this year.", "earlier this year|DATE|2020"},
      {"Sales will rise later this month.", "later this month|DATE|2020-06"},
      {"Sales fell last decade.", "last decade|DATE|201"},
      {"They met over the weekend.", "the weekend|DATE|2020-W25-WE"},
      {"They will meet over the weekend.", "the weekend|DATE|2020-W26-WE"},
      {"Sales fell last weekend.", "last weekend|DATE|2020-W25-WE"},
      {"Sales will rise next weekend.", "next weekend|DATE|2020-W27-WE"},
      {"They met three days ago.", "three days ago|DATE|2020-06-23"},
      {"Sales fell 20 years ago.", "20 years ago|DATE|2000"},
      {"They met a week ago.", "a week ago|DATE|2020-W25"},
      {"They met one year ago.", "one year ago|DATE|2019"},
      {"They will meet two weeks from now.", "two weeks from now|DATE|2020-W28"},
      {"They will meet a month from now.", "a month from now|DATE|2020-07"},
      {"Sales rose during the year.", "the year|DATE|2020"},
      {"He is here now.", "now|DATE|PRESENT_REF"},
      {"Prices are high these days.", "these days|DATE|PRESENT_REF"},
      {"He has recently left.", "recently|DATE|PAST_REF"},
      {"Prices were higher in the past.", "the past|DATE|PAST_REF"},
      {"Prices will rise in the near future.", "the near future|DATE|FUTURE_REF"},
      // A vague count is no count: "several years ago" is not one year ago.
      {"They met several years ago.", "several years ago|DATE|PAST_REF"},
      {"Prices will rise in the future.", "the future|DATE|FUTURE_REF"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: weekdays, holidays, clock times") {
  const row rows[] = {
      {"He left on Friday.", "Friday|DATE|2020-06-26"},
      {"He will leave on Monday.", "Monday|DATE|2020-06-29"},
      {"Officials said Tuesday that the deal is done.", "Tuesday|DATE|2020-06-23"},
      {"He left last Tuesday.", "last Tuesday|DATE|2020-06-23"},
      {"He will leave next Tuesday.", "next Tuesday|DATE|2020-06-30"},
      {"He leaves this Tuesday.", "this Tuesday|DATE|2020-06-23"},
      {"He left on Friday morning.", "Friday morning|DATE|2020-06-26TMO"},
      {"Tuesday night the storm hit.", "Tuesday night|DATE|2020-06-23TNI"},
      {"They met on Friday the 13th.", "Friday|DATE|2020-06-26"},
      {"They met on Christmas.", "Christmas|DATE|2019-12-25"},
      {"They will meet on Christmas Eve.", "Christmas Eve|DATE|2020-12-24"},
      {"They met on New Year\u2019s Day.", "New Year\u2019s Day|DATE|2020-01-01"},
      {"They will meet on Thanksgiving.", "Thanksgiving|DATE|2020-11-26"},
      {"They met on Easter 2019.", "Easter 2019|DATE|2019-04-21"},
      {"They met on Good Friday.", "Good Friday|DATE|2020-04-10"},
      {"They will meet on Labor Day.", "Labor Day|DATE|2020-09-07"},
      {"They met on Memorial Day.", "Memorial Day|DATE|2020-05-25"},
      // A past event on a day that has not come yet is last year's; the Fourth of July is a
      // holiday (which keeps the tense) before it is "the <day> of <month>".
      {"They met on Independence Day.", "Independence Day|DATE|2019-07-04"},
      {"They met on the Fourth of July.", "the Fourth of July|DATE|2019-07-04"},
      {"The meeting was on July 4.", "July 4|DATE|2019-07-04", true},
      {"They met at 2:30 p.m.", "2:30 p.m.|TIME|2020-06-26T14:30"},
      {"They met at 2:30 p.m. Officials said so.", "2:30 p.m.|TIME|2020-06-26T14:30"},
      {"They met at 9 a.m. EDT.", "9 a.m. EDT|TIME|2020-06-26T09:00-04:00"},
      {"They met at 14:30 GMT.", "14:30 GMT|TIME|2020-06-26T14:30Z"},
      {"They met at 3 o'clock.", "3 o'clock|TIME|2020-06-26T03:00"},
      {"They met at noon.", "noon|TIME|2020-06-26T12:00"},
      {"The score was 2:30:15.", ""},
      // A clock time beside a day joins it.
      {"It rained at 8 p.m. Thursday.", "8 p.m. Thursday|TIME|2020-06-25T20:00"},
      {"It rained Thursday 8 p.m.", "Thursday 8 p.m.|TIME|2020-06-25T20:00"},
      {"It happened at 8:15 a.m. Monday.", "8:15 a.m. Monday|TIME|2020-06-22T08:15"},
      {"It happened Monday noon.", "Monday noon|TIME|2020-06-22T12:00"},
      // A clock time in the same clause as a day is on that day, not on the DCT.
      {"It rained Thursday at 8 p.m.", "Thursday|DATE|2020-06-25; 8 p.m.|TIME|2020-06-25T20:00"},
      {"At 10 p.m. on Monday he was shot.", "10 p.m.|TIME|2020-06-22T22:00; Monday|DATE|2020-06-22"},
      {"They met at 9am.", "9am|TIME|2020-06-26T09:00"},
      {"They met at 9:30pm EST.", "9:30pm EST|TIME|2020-06-26T21:30-05:00"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: durations and modifiers") {
  const row rows[] = {
      {"It lasted three years.", "three years|DURATION|P3Y"},
      {"It lasted 3 years.", "3 years|DURATION|P3Y"},
      {"It lasted twenty-five years.", "twenty-five years|DURATION|P25Y"},
      {"It lasted one hundred days.", "one hundred days|DURATION|P100D"},
      {"It lasted a year.", "a year|DURATION|P1Y"},
      {"It took an hour.", "an hour|DURATION|PT1H"},
      {"It took 30 minutes.", "30 minutes|DURATION|PT30M"},
      {"It lasted 1.5 hours.", "1.5 hours|DURATION|PT1.5H"},
      // Recognition tries a pattern only where the token after it may go on with it; a number
      // goes on past its decimal point, a hyphen or a number word before the gate asks.
      {"It rose 1.5 percent in 2.5 years.", "2.5 years|DURATION|P2.5Y"},
      {"It lasted twenty five days.", "twenty five days|DURATION|P25D"},
      // A comma that groups thousands is inside the number; one after a year ends it.
      {"It lasted 4,000 years.", "4,000 years|DURATION|P4000Y"},
      {"It took 1,500,000 years.", "1,500,000 years|DURATION|P1500000Y"},
      {"In 1,500 cases it failed.", ""},
      {"He earns $4,000 a year.", "a year|SET|P1Y"},
      {"Sales rose in 1998, 1999 and 2000.", "1998|DATE|1998; 1999|DATE|1999; 2000|DATE|2000"},
      {"It lasted several months.", "several months|DURATION|PXM"},
      {"It lasted for months.", "months|DURATION|PXM"},
      {"Sales fell in recent weeks.", "recent weeks|DURATION|PXW"},
      {"It lasted for the past three years.", "the past three years|DURATION|P3Y"},
      {"It will last for the next two weeks.", "the next two weeks|DURATION|P2W"},
      {"It lasted for the past few months.", "the past few months|DURATION|PXM"},
      {"Sales will rise in the coming weeks.", "the coming weeks|DURATION|PXW"},
      {"It is a two-year deal.", "two-year|DURATION|P2Y"},
      {"It is an 18-month study.", "18-month|DURATION|P18M"},
      {"It followed a several-year tenure.", "several-year|DURATION|PXY"},
      {"It was a two-year-long study.", "two-year-long|DURATION|P2Y"},
      {"It lasted half an hour.", "half an hour|DURATION|PT30M"},
      {"It lasted a half hour.", "a half hour|DURATION|PT30M"},
      {"Sales fell for a decade.", "a decade|DURATION|P1DE"},
      {"It took 2 hours and 30 minutes.", "2 hours|DURATION|PT2H; 30 minutes|DURATION|PT30M"},
      {"It lasted about three years.", "about three years|DURATION|P3Y|APPROX"},
      {"It lasted more than two weeks.", "more than two weeks|DURATION|P2W|MORE_THAN"},
      {"It lasted nearly a year.", "nearly a year|DURATION|P1Y|LESS_THAN"},
      {"It lasted at least five days.", "at least five days|DURATION|P5D|EQUAL_OR_MORE"},
      {"It lasted up to ten days.", "up to ten days|DURATION|P10D|EQUAL_OR_LESS"},
      {"It rained at the beginning of 2019.", "the beginning of 2019|DATE|2019|START"},
      {"It rained in the middle of the year.", "the middle of the year|DATE|2020|MID"},
      {"It was in early 2019.", "early 2019|DATE|2019|START"},
      {"It was the mid-1990s.", "the mid-1990s|DATE|199|MID"},
      {"He left early Friday.", "early Friday|DATE|2020-06-26|START"},
      // "about" qualifies amounts, not days.
      {"It rained about Friday.", "Friday|DATE|2020-06-26"},
      {"It rained in early June and stopped.", "early June|DATE|2020-06|START"},
      // A half goes into the next smaller unit, as TimeBank writes it.
      {"It lasted two and a half years.", "two and a half years|DURATION|P2Y6M"},
      {"It lasted 5 1/2 hours.", "5 1/2 hours|DURATION|PT5H30M"},
      {"It lasted a minute and a half.", "a minute and a half|DURATION|PT1M30S"},
      {"It lasted three and a half days.", "three and a half days|DURATION|P3DT12H"},
      {"It lasted two and a half decades.", "two and a half decades|DURATION|P25Y"},
      // ... but weeks have none that takes it whole.
      {"It lasted two and a half weeks.", "two and a half weeks|DURATION|P2.5W"},
      {"It lasted a fortnight.", "a fortnight|DURATION|P2W"},
      {"The pact was extended for an additional year.", "an additional year|DURATION|P1Y"},
      {"It rained in late June.", "late June|DATE|2020-06|END"},
      {"It rained at the end of June.", "the end of June|DATE|2020-06|END"},
      {"It was the late 1990s.", "the late 1990s|DATE|199|END"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: sets") {
  const row rows[] = {
      {"They meet every Monday.", "every Monday|SET|XXXX-WXX-1"},
      {"They meet on Mondays.", "Mondays|SET|XXXX-WXX-1"},
      {"They meet every week.", "every week|SET|P1W"},
      {"They meet each year.", "each year|SET|P1Y"},
      {"They meet every two weeks.", "every two weeks|SET|P2W"},
      {"They meet every other week.", "every other week|SET|P2W"},
      {"Orangemen march each July.", "each July|SET|XXXX-07"},
      {"They meet every May.", "every May|SET|XXXX-05"},
      {"They meet every summer.", "every summer|SET|XXXX-SU"},
      {"They meet every morning.", "every morning|SET|XXXX-XX-XXTMO"},
      {"Flights leave on Tuesday nights.", "Tuesday nights|SET|XXXX-WXX-2TNI"},
      {"Flights leave on Monday and Tuesday nights.",
       "Monday|SET|XXXX-WXX-1TNI; Tuesday nights|SET|XXXX-WXX-2TNI"},
      {"The paper is published daily.", "daily|SET|P1D"},
      {"They meet twice a week.", "twice a week|SET|P1W"},
      {"They meet three times per year.", "three times per year|SET|P1Y"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: business news, eras and reporting verbs") {
  const row rows[] = {
      {"Sales rose in May and fell.", "May|DATE|2020-05"},
      {"May I come in?", ""},
      {"Sales fell last March.", "last March|DATE|2020-03"},
      {"The city was founded in 490 BC.", "490 BC|DATE|BC0490"},
      {"Caesar died in 44 B.C.", "44 B.C.|DATE|BC0044"},
      {"It rained in summer.", "summer|DATE|2020-SU"},
      // The quarter a report speaks of is the last one ended, unless a quarter was named.
      {"Profits rose 5% in the quarter.", "the quarter|DATE|2020-Q1"},
      {"Profits rose in the latest quarter.", "the latest quarter|DATE|2020-Q1"},
      {"Profits rose in the fourth-quarter.", "fourth-quarter|DATE|2019-Q4"},
      {"Profits rose in the 2019 fourth quarter.", "the 2019 fourth quarter|DATE|2019-Q4"},
      {"Profits rose last year's fourth quarter.", "last year's fourth quarter|DATE|2019-Q4"},
      {"It takes effect in next year's first quarter.", "next year's first quarter|DATE|2021-Q1"},
      {"Sales rose in the first six months.", "the first six months|DURATION|P6M"},
      // "the (fiscal) year ended ..." is a reporting period, not this year.
      {"In the fiscal year ended Jan. 31, sales rose.", "the fiscal year|DURATION|P1Y; Jan. 31|DATE|2020-01-31"},
      // "the 2019 period": the quarter reported on, in the year said; "year-ago" compares.
      {"Profits rose in the first quarter from the 2019 period.",
       "the first quarter|DATE|2020-Q1; the 2019 period|DATE|2019-Q1"},
      {"The year-ago results included a charge.", "year-ago|DATE|2019"},
      // An earlier quarter named later is a comparison: the report stays on the latest.
      {"Profits rose in the first quarter, after a flat fourth quarter, from a year earlier.",
       "the first quarter|DATE|2020-Q1; fourth quarter|DATE|2019-Q4; a year earlier|DATE|2019-Q1"},
      // News that recalls history is still news when it speaks of its own days.
      {"NATO was founded in 1949 and grew in 1952, 1955 and 1982; on Friday its leaders met.",
       "1949|DATE|1949; 1952|DATE|1952; 1955|DATE|1955; 1982|DATE|1982; Friday|DATE|2020-06-26"},
      // The reporting verb beside the date is its tense, whatever the reported clause says.
      {"Officials said on Friday that talks will resume.", "Friday|DATE|2020-06-26"},
      {"Officials announced Monday that prices will rise.", "Monday|DATE|2020-06-22"},
      // "next March" is never the March that has passed.
      {"Sales will rise next March.", "next March|DATE|2021-03"},
      // A quarter not over yet is not reported on, unless told in the past (a fiscal one).
      {"The firm has no estimate of the impact on second-quarter results. In the latest quarter, profit rose.",
       "second-quarter|DATE|2020-Q2; the latest quarter|DATE|2020-Q1"},
      {"For the fiscal second quarter ended May 31, profit rose. In the latest quarter, sales fell.",
       "second quarter|DATE|2020-Q2; May 31|DATE|2020-05-31; the latest quarter|DATE|2020-Q2"},
      // Without a named quarter, "the quarter" is 2020-Q1, and the year-earlier one 2019-Q1.
      {"Profits rose from the year-earlier quarter.", "the year-earlier quarter|DATE|2019-Q1"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: anaphora follow the story's latest date") {
  const row rows[] = {
      {"The treaty was signed on March 3, 2015. The day before, talks collapsed.",
       "March 3, 2015|DATE|2015-03-03; The day before|DATE|2015-03-02"},
      {"The treaty was signed on March 3, 2015. The day after, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; The day after|DATE|2015-03-04"},
      {"The treaty was signed on March 3, 2015. Two days later, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; Two days later|DATE|2015-03-05"},
      {"The treaty was signed on March 3, 2015. Three days earlier, talks collapsed.",
       "March 3, 2015|DATE|2015-03-03; Three days earlier|DATE|2015-02-28"},
      // "the previous Friday" counts from the story's day (March 3, 2015 was a Tuesday); from
      // the publication date when the story is on no day.
      {"The treaty was signed on March 3, 2015. The following Monday, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; The following Monday|DATE|2015-03-09"},
      {"Stocks fell on March 3, 2015, from the previous Friday.",
       "March 3, 2015|DATE|2015-03-03; the previous Friday|DATE|2015-02-27"},
      {"Stocks rose in 2015. Prices fell from the previous Friday.",
       "2015|DATE|2015; the previous Friday|DATE|2020-06-19"},
      {"The treaty was signed on March 3, 2015. Later in the day, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; the day|DATE|2015-03-03"},
      {"The treaty was signed on March 3, 2015. A week later, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; A week later|DATE|2015-W11"},
      {"The treaty was signed on March 3, 2015. Later that day, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; Later that day|DATE|2015-03-03"},
      {"The treaty was signed on March 3, 2015. The same day, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; The same day|DATE|2015-03-03"},
      {"The trial began on Feb. 2, 2009 and ended a year later.",
       "Feb. 2, 2009|DATE|2009-02-02; a year later|DATE|2010"},
      {"The treaty was signed in 1939. Two days later, war began.",
       "1939|DATE|1939; Two days later|DATE|1939-XX-XX"},
      {"The treaty was signed on March 3, 2015. That day, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; That day|DATE|2015-03-03"},
      {"The treaty was signed on March 3, 2015. The following day, talks resumed.",
       "March 3, 2015|DATE|2015-03-03; The following day|DATE|2015-03-04"},
      {"The treaty was signed on March 3, 2015. The previous week, talks collapsed.",
       "March 3, 2015|DATE|2015-03-03; The previous week|DATE|2015-W09"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: text that is no time expression") {
  const row rows[] = {
      {"He may leave.", ""},
      {"May was cold.", ""},
      {"They will march on the capital.", ""},
      {"Wait a second.", ""},
      {"He sent 2000 soldiers.", ""},
      {"Boeing's 1500 workers struck.", ""},
      {"Rates rose 2020% overnight.", ""},
      {"They won 2020 seats.", ""},
      {"It was 10 degrees.", ""},
      {"The sale of 1,000 shares closed.", ""},
      {"The 9/11 attacks shocked the world.", ""},
      {"The second may be better.", ""},
      {"The first march was peaceful.", ""},
      {"The year-long study ended.", "year-long|DURATION|P1Y"},
  };
  check_rows(rows);
}

TEST_CASE("recognize: text that ends inside a pattern") {
  // Patterns look ahead past the last token here; the sanitizer build watches them do it.
  const row rows[] = {
      {"", ""},
      {"the", ""},
      {"June", "June|DATE|2020-06"},
      {"Friday,", "Friday|DATE|2020-06-26"},
      {"at 2:30 p", "2:30|TIME|2020-06-26T02:30"},
      {"2:", ""},
      {"1.", ""},
      {"twenty-", ""},
      {"the 26th of", ""},
      {"every", ""},
      {"in the '", ""},
      {"a.m.", ""},
  };
  check_rows(rows);
}

TEST_CASE("recognize: a long text is read in pieces, as if whole") {
  // Over 128 KB, the tagger reads pieces of about 64 KB cut at sentence ends or blank lines;
  // no expression is cut, and the story carries from piece to piece.
  struct row {
    std::string_view filler;  // repeated to make the text long
    std::string_view expected;
  };
  const row rows[] = {
      {"They met on June 26, 2020. ", "June 26, 2020"},
      {"They met on June 26, 2020.\n", "June 26, 2020"},
      {"They met on June 26, 2020.\n\n", "June 26, 2020"},
      // No sentence ends: cut at a space, which invents nothing.
      {"they met in the hall and argued over the text and ", ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.filler);
    std::string text;
    std::size_t copies = 0;
    while (text.size() < 300 * 1024) {
      text += r.filler;
      ++copies;
    }
    const auto found = tagger::english().tag(text, {.dct = dct, .mode = text_mode::news});
    std::size_t right = 0;
    for (const timex& t : found) right += text.substr(t.begin, t.end - t.begin) == r.expected && t.text == r.expected;
    CHECK(found.size() == (r.expected.empty() ? std::size_t{0} : copies));
    CHECK(right == found.size());
  }
  // A history's running date crosses pieces.
  std::string history = "The treaty was signed on March 3, 2015. ";
  while (history.size() < 300 * 1024) history += "The delegates argued over the wording of it. ";
  history += "Two days later, talks resumed.";
  const auto found = tagger::english().tag(history, {.dct = dct, .mode = text_mode::narrative});
  REQUIRE(found.size() == 2);
  CHECK(found.back().text == "Two days later");
  CHECK(found.back().value == "2015-03-05");
  // No whitespace at all: cut where a character starts, and no piece over two piece sizes,
  // so that memory stays bounded whatever the text.
  std::string unbroken;
  while (unbroken.size() < 300 * 1024) unbroken += "\xc3\xa9";  // "é"
  const auto spans = tagger::english().sentences(unbroken);
  CHECK(spans.size() >= 3);
  for (const auto& [begin, end] : spans) {
    CHECK(end - begin <= 128 * 1024);
    CHECK((static_cast<unsigned char>(unbroken[begin]) & 0xC0) != 0x80);
  }
}

}  // namespace
}  // namespace chronicle
