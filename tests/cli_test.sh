#!/usr/bin/env bash
# The command line: each row runs chronicle and checks the exit code and the one line on
# stderr. usage: cli_test.sh CHRONICLE_BINARY
set -u
chronicle=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect EXIT_CODE STDERR_LINE -- ARGS... : runs chronicle ARGS (stdin from $stdin_file).
stdin_file=/dev/null
expect() {
  local code=$1 message=$2
  shift 3
  local err actual
  err=$("$chronicle" "$@" <"$stdin_file" 2>&1 >/dev/null)
  actual=$?
  if [ "$actual" != "$code" ] || [ "$err" != "$message" ]; then
    echo "FAIL: chronicle $*"
    echo "  expected exit $code, stderr: $message"
    echo "  got      exit $actual, stderr: $err"
    failures=$((failures + 1))
  fi
}

printf 'They met on Friday.\n' >"$work/ok.txt"
printf 'abc\0def' >"$work/nul.txt"
printf 'ok\n\xff\n' >"$work/bad.txt"
: >"$work/empty.txt"
printf 'chronicle: 7\n' >"$work/v7.yaml"
printf 'chronicle: 1\nevents: [\n' >"$work/broken.yaml"
printf '<TimeML><TEXT>On Friday</TimeML>' >"$work/unclosed.tml"
printf '<TimeML><DCT>x</DCT></TimeML>' >"$work/notext.tml"
mkdir "$work/dir"
printf 'keep me' >"$work/existing.yaml"
chmod 0555 "$work/dir"

# Bad command lines: exit 2.
expect 2 "chronicle: missing COMMAND (tag, extract, merge, diff, render, eval); try --help" --
expect 2 "chronicle: unknown command frobnicate; try --help" -- frobnicate
expect 2 "chronicle: unknown option --bogus" -- tag --bogus "$work/ok.txt"
expect 2 "chronicle: --dct needs a value" -- tag --dct
expect 2 "chronicle: --dct 2020-13-45 is not a calendar date (YYYY-MM-DD)" -- tag --dct 2020-13-45 "$work/ok.txt"
expect 2 "chronicle: --dct 2021-02-30 is not a calendar date (YYYY-MM-DD)" -- extract --dct 2021-02-30 "$work/ok.txt"
expect 2 "chronicle: --mode must be auto, news or narrative, not poem" -- tag --mode poem "$work/ok.txt"
expect 2 "chronicle: --format must be jsonl or timeml" -- tag --format xml "$work/ok.txt"
expect 2 "chronicle: --format timeml needs TimeML input (.tml): $work/ok.txt" -- tag --format timeml "$work/ok.txt"
expect 2 "chronicle: tag needs a FILE or - for standard input" -- tag
expect 2 "chronicle: extract needs a FILE (or - for standard input)" -- extract
expect 2 "chronicle: render takes no --dct" -- render --dct 2020-01-01 "$work/v7.yaml"
expect 2 "chronicle: --format must be markdown or mermaid" -- render --format html "$work/v7.yaml"
expect 2 "chronicle: eval needs a folder or file of TimeML gold" -- eval

# Bad input: exit 1, one line naming the file and, where known, the place.
expect 1 "chronicle: $work/missing.txt: cannot read: No such file or directory" -- tag "$work/missing.txt"
expect 1 "chronicle: $work/dir: is a directory, not a file" -- extract "$work/dir"
expect 1 "chronicle: $work/nul.txt:1:4: NUL byte: this looks like a binary file, not text" -- tag "$work/nul.txt"
expect 1 "chronicle: $work/bad.txt:2:1: invalid UTF-8" -- extract "$work/bad.txt"
expect 1 "chronicle: $work/v7.yaml:1:12: unknown schema version '7' (this chronicle reads 1)" -- render "$work/v7.yaml"
expect 1 "chronicle: $work/broken.yaml:3:1: end of sequence flow not found" -- render "$work/broken.yaml"
expect 1 "chronicle: $work/empty.txt: empty file, not a timeline" -- render "$work/empty.txt"
expect 1 "chronicle: $work/notext.tml:1:1: no <TEXT> element" -- tag "$work/notext.tml"

# Output is written whole or not at all; an existing file is left alone on failure.
if [ "$(id -u)" != 0 ]; then
  expect 1 "chronicle: $work/dir/out.yaml: cannot write: Permission denied" -- extract -o "$work/dir/out.yaml" "$work/ok.txt"
fi
expect 1 "chronicle: $work/dir: is a directory" -- extract -o "$work/dir" "$work/ok.txt"
expect 1 "chronicle: $work/bad.txt:2:1: invalid UTF-8" -- extract -o "$work/existing.yaml" "$work/bad.txt"
[ "$(cat "$work/existing.yaml")" = "keep me" ] || { echo "FAIL: existing output was touched"; failures=$((failures + 1)); }
[ -z "$(ls -A "$work/dir")" ] || { echo "FAIL: a partial file was left behind"; failures=$((failures + 1)); }

# Batch mode: documents as JSON lines; threads change nothing in the output.
printf '{"id":"a","text":"They met on Friday.","dct":"2020-06-27"}\n\n{"id":"b","text":"Next month.","dct":"2020-06-27"}\n' >"$work/docs.jsonl"
printf '{"id":"a","txt":"x"}\n' >"$work/badfield.jsonl"
printf '{"id":"a","text":"x","dct":"2020-02-30"}\n' >"$work/baddct.jsonl"
expect 2 "chronicle: --jobs must be a number of threads from 1 to 999, not 0" -- tag --jobs 0 "$work/ok.txt"
for jobs in 1000 -1 2x ""; do
  expect 2 "chronicle: --jobs must be a number of threads from 1 to 999, not $jobs" -- tag --jobs "$jobs" "$work/ok.txt"
done
expect 2 "chronicle: --input must be text or jsonl" -- tag --input xml "$work/ok.txt"
expect 1 "chronicle: $work/badfield.jsonl:1:11: unknown field \"txt\" (id, text, dct)" -- tag --input jsonl "$work/badfield.jsonl"
expect 1 "chronicle: $work/baddct.jsonl:1:28: dct 2020-02-30 is not a calendar date (YYYY-MM-DD)" -- tag --input jsonl "$work/baddct.jsonl"
one=$("$chronicle" tag --input jsonl "$work/docs.jsonl")
two=$("$chronicle" tag --input jsonl --jobs 4 "$work/docs.jsonl")
expected='{"id":"a","start":12,"end":18,"text":"Friday","type":"DATE","value":"2020-06-26"}
{"id":"b","start":0,"end":10,"text":"Next month","type":"DATE","value":"2020-07"}'
if [ "$one" != "$expected" ] || [ "$two" != "$one" ]; then
  echo "FAIL: tag --input jsonl [--jobs 4] gave:"; echo "$one"; echo "$two"; failures=$((failures + 1))
fi

# A stream stops at its first bad document, in order whatever the threads: the documents before
# it are written, none after; the error names its line. A file named by -o is left untouched.
printf '{"id":"a","text":"They met on Friday.","dct":"2020-06-27"}\n{"id":"b","txt":"x"}\n{"id":"c","text":"Next month.","dct":"2020-06-27"}\n' >"$work/midbad.jsonl"
for jobs in 1 4; do
  expect 1 "chronicle: $work/midbad.jsonl:2:11: unknown field \"txt\" (id, text, dct)" -- tag --jobs $jobs --input jsonl "$work/midbad.jsonl"
  got=$("$chronicle" tag --jobs $jobs --input jsonl "$work/midbad.jsonl" 2>/dev/null)
  if [ "$got" != '{"id":"a","start":12,"end":18,"text":"Friday","type":"DATE","value":"2020-06-26"}' ]; then
    echo "FAIL: tag --jobs $jobs over a stream with a bad second document wrote:"; echo "$got"; failures=$((failures + 1))
  fi
  printf 'keep me' >"$work/kept.jsonl"
  expect 1 "chronicle: $work/midbad.jsonl:2:11: unknown field \"txt\" (id, text, dct)" -- tag --jobs $jobs --input jsonl -o "$work/kept.jsonl" "$work/midbad.jsonl"
  [ "$(cat "$work/kept.jsonl")" = "keep me" ] || { echo "FAIL: -o was written despite a bad document"; failures=$((failures + 1)); }
  [ -z "$(find "$work" -name '.kept.jsonl.*')" ] || { echo "FAIL: a temporary file was left behind"; failures=$((failures + 1)); }
done
printf '{"id":"a","text":"On Friday.","dct":"2020-06-27"}\n{"id":"b","text":"caf\xe9"}\n' >"$work/badbyte.jsonl"
expect 1 "chronicle: $work/badbyte.jsonl:2:22: invalid UTF-8" -- tag --input jsonl "$work/badbyte.jsonl"
# Files too: tagged in order, the output of those before a bad one written.
got=$("$chronicle" tag --jobs 4 "$work/ok.txt" "$work/ok.txt" "$work/nul.txt" "$work/ok.txt" 2>/dev/null)
[ "$(printf '%s\n' "$got" | wc -l)" = 2 ] || { echo "FAIL: tag wrote after a bad file: $got"; failures=$((failures + 1)); }

# A headline (a first line without closing punctuation) is tagged too, at its own offsets.
headline=$(printf 'Talks resume Friday\n\nThey met on Monday.\n' | "$chronicle" tag --dct 2020-06-24 -)
expected='{"start":13,"end":19,"text":"Friday","type":"DATE","value":"2020-06-26"}
{"start":33,"end":39,"text":"Monday","type":"DATE","value":"2020-06-22"}'
if [ "$headline" != "$expected" ]; then
  echo "FAIL: tag skipped or misplaced the headline:"; echo "$headline"; failures=$((failures + 1))
fi

# Good runs: exit 0, nothing on stderr; stdin works as "-".
expect 0 "" -- --version
expect 0 "" -- --help
for command in tag extract merge diff render eval; do expect 0 "" -- "$command" --help; done
stdin_file="$work/ok.txt"
expect 0 "" -- tag --dct 2020-06-27 -
expect 0 "" -- extract --dct 2020-06-27 -
stdin_file=/dev/null
expect 0 "" -- extract --dct 2020-06-27 -o "$work/out.yaml" "$work/ok.txt"
expect 0 "" -- render -o "$work/out.md" "$work/out.yaml"
grep -q "Friday, June 26, 2020" "$work/out.md" || { echo "FAIL: render -o wrote no chronology"; failures=$((failures + 1)); }

# eval --system scores another tagger's output on the text eval --documents gives it: fed
# chronicle's own output, it reports what eval does.
printf '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-06-27">June 27, 2020</TIMEX3></DCT>\n<TEXT>They met on <TIMEX3 tid="t1" type="DATE" value="2020-06-26">Friday</TIMEX3> and will meet next month.</TEXT></TimeML>\n' >"$work/gold.tml"
"$chronicle" eval --documents "$work/gold.tml" | "$chronicle" tag --input jsonl - >"$work/system.jsonl"
if ! diff <("$chronicle" eval "$work/gold.tml") <("$chronicle" eval --system "$work/system.jsonl" "$work/gold.tml") >/dev/null ||
   ! grep -q "^relaxed  50.00 100.00  66.67" <("$chronicle" eval --system "$work/system.jsonl" "$work/gold.tml"); then
  echo "FAIL: eval --system of chronicle's own output differs from eval"
  failures=$((failures + 1))
fi
printf '{"id":"%s","start":12,"end":99,"type":"DATE","value":"2020-06-26"}\n' "$work/gold.tml" >"$work/outside.jsonl"
expect 1 "chronicle: $work/gold.tml: an expression at bytes 12..99 lies outside the text (44 bytes)" -- eval --system "$work/outside.jsonl" "$work/gold.tml"
printf '{"id":"elsewhere.tml","start":1,"end":2}\n' >"$work/stranger.jsonl"
expect 1 "chronicle: system output names elsewhere.tml, which is no gold file under the paths" -- eval --system "$work/stranger.jsonl" "$work/gold.tml"
printf '{"id":"a","start":"12","end":18}\n' >"$work/quoted.jsonl"
expect 1 "chronicle: $work/quoted.jsonl:1:19: expected a whole number" -- eval --system "$work/quoted.jsonl" "$work/gold.tml"
printf '{"id":"a","start":12,"end":18,"type":"DAY"}\n' >"$work/type.jsonl"
expect 1 "chronicle: $work/type.jsonl:1:38: unknown type DAY (DATE, TIME, DURATION, SET)" -- eval --system "$work/type.jsonl" "$work/gold.tml"
expect 2 "chronicle: --mode is the tagger's: it does not apply to --system output" -- eval --mode news --system "$work/type.jsonl" "$work/gold.tml"

chmod 0755 "$work/dir"
echo "cli: $failures failure(s)"
[ "$failures" -eq 0 ]
