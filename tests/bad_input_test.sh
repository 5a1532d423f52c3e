#!/usr/bin/env bash
# Hostile input through the real command line. Each row names the input, the command, the exit
# code, the exact line on stderr and what standard output must hold. Large inputs are made in
# a temporary folder at run time, never committed.
# usage: bad_input_test.sh CHRONICLE_BINARY
# Under sanitizers (CHRONICLE_SANITIZED=1, or a binary built with them), in a debug build fifty
# times slower, the large inputs are a 25th of the size: they look for memory errors there,
# while the release build proves linear time.
set -u
chronicle=$1
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
failures=0
rows=0

big_words=$((10 * 1024 * 1024)) # "word " ten million times: a 50 MB line
expressions=100000
limit=60 # seconds a row may take; quadratic work on these inputs takes hours
sanitized=0
if [ "${CHRONICLE_SANITIZED:-0}" = 1 ] || grep -qa -e __asan_init -e __tsan_init "$chronicle"; then
  big_words=$((big_words / 25)) expressions=$((expressions / 25)) limit=180 sanitized=1
fi

# Inputs: `make_NAME FILE` writes the input NAME.EXT on first use. Empty and whitespace-only
# articles are valid and give no expressions and an empty timeline, as an empty file gives
# grep no lines: a scraper's empty page must not stop a batch. An empty timeline file is an
# error, since no tool writes one.
make_latin1() { printf 'Caf\xe9 on Friday.\n' >"$1"; }
make_overlong() { printf 'a\xc0\xafb\n' >"$1"; }
make_surrogate() { printf 'On Friday \xed\xa0\x80.\n' >"$1"; }
make_beyond_unicode() { printf 'x\n\xf4\x90\x80\x80\n' >"$1"; }
make_cut_utf8() { printf 'On Friday \xe2\x82' >"$1"; }
make_nul() { printf 'On Friday\0.\n' >"$1"; }
make_png() { printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xd8' >"$1"; }
make_utf16() { printf '\xff\xfeO\0n\0 \0F\0r\0i\0' >"$1"; }
make_empty() { : >"$1"; }
make_blank() { printf '  \n\t\n \r\n   ' >"$1"; }
make_friday() { printf 'They met on Friday.\n' >"$1"; }
make_big_line() { python3 -c "import sys; sys.stdout.write('word ' * $big_words + 'on Friday.')" >"$1"; }
make_long_line() { python3 -c "import sys; sys.stdout.write('word ' * ($big_words // 5) + 'on Friday.')" >"$1"; }
make_medium() { python3 -c "import sys; sys.stdout.write('It rained on June 26, 2020.\n' * 2000)" >"$1"; }
make_many_lines() { python3 -c "import sys; sys.stdout.write('It rained on June 26, 2020.\n' * $expressions)" >"$1"; }
make_one_sentence() { python3 -c "import sys; sys.stdout.write('They met on Friday' + ', on Friday' * $expressions + '.\n')" >"$1"; }
make_far_years() { printf 'In the year 99999 the sun is gone, and in year 0 Rome stood.\n' >"$1"; }
make_february_30() { printf 'They met on February 30 and on February 30, 2021.\n' >"$1"; }
make_bad_published() { printf -- '---\npublished: 2021-02-30\n---\nThey met on Friday.\n' >"$1"; }
make_deep_front() { python3 -c "print('---\ntitle: ' + '[' * 100000 + '\n---\nText.')" >"$1"; }
make_a_dir() { mkdir "$1"; }
make_plain() { printf 'not a folder\n' >"$1"; }
make_deep_flow() { python3 -c "print('[' * 100000 + ']' * 100000)" >"$1"; }
make_deep_map() { python3 -c "print('chronicle: 1\nevents: ' + '{a: ' * 100000 + '}' * 100000)" >"$1"; }
make_deep_block() { python3 -c "print('chronicle: 1\nevents:\n' + ''.join(' ' * i + '- \n' for i in range(1000)))" >"$1"; }
make_open_flow() { printf 'chronicle: 1\nevents: [\n' >"$1"; }
make_tab_indent() { printf 'chronicle: 1\n\tevents: []\n' >"$1"; }
make_events_map() { printf 'chronicle: 1\nevents: {a: 1}\n' >"$1"; }
make_when_text() { printf 'chronicle: 1\nevents:\n  - id: e1\n    when: "2020"\n' >"$1"; }
make_span_words() { printf 'chronicle: 1\nevents:\n  - when: {value: "2020"}\n    evidence:\n      - span: [a, 3]\n' >"$1"; }
make_span_back() { printf 'chronicle: 1\nevents:\n  - when: {value: "2020"}\n    evidence:\n      - span: [5, 3]\n' >"$1"; }
make_span_huge() { printf 'chronicle: 1\nevents:\n  - when: {value: "2020"}\n    evidence:\n      - span: [99999999999999999999, 3]\n' >"$1"; }
make_sources_text() { printf 'chronicle: 1\nevents:\n  - when: {value: "2020"}\n    sources: a\n' >"$1"; }
make_bad_start() { printf 'chronicle: 1\nevents:\n  - when: {value: "2020", start: "2020-02-30"}\n' >"$1"; }
make_no_when() { printf 'chronicle: 1\nevents:\n  - id: e1\n' >"$1"; }
make_no_source_id() { printf 'chronicle: 1\nsources:\n  - title: x\n' >"$1"; }
make_version_2() { printf 'chronicle: 2\nevents: []\n' >"$1"; }
make_version_list() { printf 'chronicle: [1]\n' >"$1"; }
make_version_newline() { printf 'chronicle: "1\\n2"\n' >"$1"; }
make_no_version() { printf 'events: []\n' >"$1"; }
make_a_list() { printf -- '- 1\n- 2\n' >"$1"; }
make_two_documents() { printf 'chronicle: 1\nevents: []\n---\nchronicle: 1\nevents: []\n' >"$1"; }
make_stray_comma() { printf 'chronicle: 1\n---\n,\n' >"$1"; }
make_laughs() {
  python3 -c "
k = 3000
print('chronicle: 1')
print('sources: [{id: a}]')
print('ev: &ev [' + ', '.join(['{source: a, span: [1, 2]}'] * k) + ']')
print('e: &e {id: e1, when: {value: \"2020\"}, sources: [a], evidence: *ev}')
print('events: [' + ', '.join(['*e'] * k) + ']')" >"$1"
}
make_dup_source() { printf 'chronicle: 1\nsources:\n  - id: a\n  - id: a\n' >"$1"; }
make_undeclared() { printf 'chronicle: 1\nsources:\n  - id: a\nevents:\n  - when: {value: "2020"}\n    sources: [b]\n' >"$1"; }
make_unlisted() {
  printf 'chronicle: 1\nsources:\n  - id: a\n  - id: b\nevents:\n  - when: {value: "2020"}\n    sources: [a]\n    evidence:\n      - source: b\n' >"$1"
}
make_no_sources() { printf 'chronicle: 1\nsources:\n  - id: a\nevents:\n  - when: {value: "2020"}\n' >"$1"; }
make_no_evidence() { printf 'chronicle: 1\nsources:\n  - id: a\nevents:\n  - when: {value: "2020"}\n    sources: [a]\n' >"$1"; }
make_empty_id() { printf 'chronicle: 1\nsources:\n  - id: ""\n' >"$1"; }
make_next_monday() { printf 'They will meet next Monday.\n' >"$1"; }
make_long_aliases() {
  python3 -c "
print('chronicle: 1')
print('sources: [{id: a}]')
print('t: &t \"' + 'x' * 20000 + '\"')
print('events: [' + ', '.join(['{when: {value: \"2020\"}, sources: [a], evidence: [{source: a}], text: *t}'] * 100) + ']')" >"$1"
}
make_yaml_latin1() { printf 'chronicle: 1\nsources:\n  - id: caf\xe9\n' >"$1"; }
make_timeline() { "$chronicle" extract --dct 2020-06-27 "$work/friday.txt" >"$1"; }
make_keep() { printf 'keep me' >"$1"; }
make_fifo() { mkfifo "$1"; }
make_link() { printf 'old' >"$work/target.yaml" && ln -s target.yaml "$1"; }
make_no_text() { printf '<TimeML><DCT>x</DCT></TimeML>' >"$1"; }
make_open_text() { printf '<TimeML><TEXT>On Friday' >"$1"; }
make_open_timex() { printf '<TimeML><TEXT>On <TIMEX3 tid="t1">Friday</TEXT></TimeML>' >"$1"; }
make_open_tag() { printf '<TimeML><TEXT>On <TIMEX3 tid="t1"\n' >"$1"; }
make_open_comment() { printf '<TimeML><TEXT>On <!-- Friday </TEXT></TimeML>' >"$1"; }
make_stray_lt() { printf '<TimeML><TEXT>a < b on Friday</TEXT></TimeML>' >"$1"; }
make_stray_close() { printf '<TimeML><TEXT>On Friday</EVENT></TEXT></TimeML>' >"$1"; }
make_two_texts() { printf '<TEXT>On Friday.</TEXT>\n<TEXT>On Monday.</TEXT>\n' >"$1"; }
make_tml_utf8() { printf '<TimeML><TEXT>On \xff Friday.</TEXT></TimeML>' >"$1"; }
make_tml_deep() { python3 -c "print('<TimeML><TEXT>' + '<a>' * 100000 + 'On Friday.' + '</a>' * 100000 + '</TEXT></TimeML>')" >"$1"; }
make_link_in_quotes() { printf '<TEXT></TEXT"<TLINK">">' >"$1"; }
make_same_report() {
  printf 'chronicle: 1\nsources:\n  - id: s\nevents:\n  - id: e1\n    when: {value: "2020-06-26", start: "2020-06-26", end: "2020-06-26", granularity: day}\n    text: "They met."\n    sources: [s]\n    evidence:\n      - {source: s, span: [0, 9], anchor: {kind: dct, rule: %s}}\n' "$2" >"$1"
}
make_same_report_a() { make_same_report "$1" a; }
make_same_report_b() { make_same_report "$1" b; }
make_link_joins() { printf '<TEXT<TLINK/> >\n<TEXT>On Friday.</TEXT>\n' >"$1"; }
make_dated() { printf -- '---\npublished: 2020-06-27\n---\nThey met on Friday.\n' >"$1"; }
make_json_junk() { printf 'hello\n' >"$1"; }
make_json_no_text() { printf '{"id": "a"}\n' >"$1"; }
make_json_surrogate() { printf '{"text": "\\ud800"}\n' >"$1"; }
make_json_utf8() { printf '{"text": "a\xff"}\n' >"$1"; }
# A NUL written as an escape, on the third line: the error points at the escape there, after
# the output of the lines before.
make_json_nul() { printf '{"text": "in 1998"}\n{"text": "in 1999"}\n{"id": "c", "text": "x\\u0000"}\n' >"$1"; }

# row DESCRIPTION EXIT STDERR STDOUT INPUT ARGS...
#   INPUT is NAME.EXT (made by make_NAME), also given as standard input, or - for none.
#   %in in ARGS and STDERR is the input's path, %w the work folder.
#   STDOUT: '' anything, 'empty', 'lines=N', '/ERE/' some line matches, '!/ERE/' none does.
#   $via runs it otherwise: head (piped into head -1), closed (stdout closed), full
#   (stdout /dev/full), fsize (ulimit -f 1), no-stdin (stdin closed).
row() {
  local description=$1 code=$2 message=$3 expect_out=$4 input=$5
  shift 5
  local in=/dev/null args=() arg actual
  rows=$((rows + 1))
  if [ "$input" != - ]; then
    in=$work/$input
    [ -e "$in" ] || [ -L "$in" ] || "make_${input%.*}" "$in"
  fi
  for arg in "$@"; do
    arg=${arg//%in/$in}
    args+=("${arg//%w/$work}")
  done
  message=${message//%in/$in}
  message=${message//%w/$work}
  local stdin=$in
  [ -f "$in" ] || [ -d "$in" ] || stdin=/dev/null
  local run=(timeout "$limit" "$chronicle" "${args[@]}")
  case ${via:-} in
    head) "${run[@]}" <"$stdin" 2>"$work/err" | head -1 >"$work/out"; actual=${PIPESTATUS[0]} ;;
    closed) "${run[@]}" <"$stdin" 2>"$work/err" >&-; actual=$? ;;
    full) "${run[@]}" <"$stdin" 2>"$work/err" >/dev/full; actual=$? ;;
    fsize) (ulimit -f 1; "${run[@]}" <"$stdin" 2>"$work/err" >"$work/out"); actual=$? ;;
    no-stdin) "${run[@]}" 2>"$work/err" >"$work/out" <&-; actual=$? ;;
    # 300 MB of address space: /dev/zero's 256 MiB read runs out of memory before its cap.
    low-memory) (ulimit -v 300000; "${run[@]}" <"$stdin" 2>"$work/err" >"$work/out"); actual=$? ;;
    *) "${run[@]}" <"$stdin" 2>"$work/err" >"$work/out"; actual=$? ;;
  esac
  local err problem=""
  err=$(cat "$work/err")
  if [ "$actual" = 124 ]; then
    problem="did not finish in ${limit}s"
  elif [ "$actual" != "$code" ] || [ "$err" != "$message" ]; then
    problem="expected exit $code, stderr: $message"$'\n'"  got      exit $actual, stderr: $(head -c 600 "$work/err")"
  else
    case $expect_out in
      '') ;;
      empty) [ -s "$work/out" ] && problem="expected no output, got: $(head -c 200 "$work/out")" ;;
      lines=*) [ "$(wc -l <"$work/out")" = "${expect_out#lines=}" ] ||
        problem="expected ${expect_out#lines=} lines of output, got $(wc -l <"$work/out")" ;;
      '!/'*) local ere=${expect_out#!/}
        grep -Eq -- "${ere%/}" "$work/out" && problem="output matches ${ere%/}: $(grep -Em1 -- "${ere%/}" "$work/out" | head -c 200)" ;;
      /*) local ere=${expect_out#/}
        grep -Eq -- "${ere%/}" "$work/out" || problem="no line of output matches ${ere%/}" ;;
    esac
  fi
  if [ -n "$problem" ]; then
    echo "FAIL: $description: chronicle ${args[*]}"
    echo "  $problem"
    failures=$((failures + 1))
  fi
}

# check DESCRIPTION CONDITION...: a fact about the files a row left.
check() {
  local description=$1
  shift
  rows=$((rows + 1))
  "$@" || { echo "FAIL: $description"; failures=$((failures + 1)); }
}

# Text: bytes that are not UTF-8 text are refused, with the place of the first bad one.
row "invalid UTF-8: a Latin-1 byte" 1 "chronicle: %in:1:4: invalid UTF-8" empty latin1.txt tag %in
row "invalid UTF-8 on standard input" 1 "chronicle: standard input:1:4: invalid UTF-8" empty latin1.txt extract -
row "invalid UTF-8: an overlong '/'" 1 "chronicle: %in:1:2: invalid UTF-8" empty overlong.txt tag %in
row "invalid UTF-8: a UTF-16 surrogate" 1 "chronicle: %in:1:11: invalid UTF-8" empty surrogate.txt extract %in
row "invalid UTF-8: beyond U+10FFFF" 1 "chronicle: %in:2:1: invalid UTF-8" empty beyond_unicode.txt tag %in
row "invalid UTF-8: cut off at the end" 1 "chronicle: %in:1:11: invalid UTF-8 (truncated sequence)" empty cut_utf8.txt tag %in
row "a NUL byte" 1 "chronicle: %in:1:10: NUL byte: this looks like a binary file, not text" empty nul.txt tag %in
row "a binary file (PNG)" 1 "chronicle: %in:3:1: NUL byte: this looks like a binary file, not text" empty png.txt extract %in
row "UTF-16 text" 1 "chronicle: %in:1:1: UTF-16 text; chronicle reads UTF-8 (convert it first: iconv -f UTF-16 -t UTF-8)" empty utf16.txt tag %in
row "an empty article: no expressions" 0 "" empty empty.txt tag --dct 2020-06-27 %in
row "an empty article: an empty timeline" 0 "" '/^  \[\]$/' empty.txt extract --dct 2020-06-27 %in
row "an empty standard input" 0 "" empty empty.txt tag -
row "only whitespace: no expressions" 0 "" empty blank.txt tag %in
row "only whitespace: an empty timeline, no blank title" 0 "" '!/title/' blank.txt extract %in
row "a 50 MB line in linear time: tag" 0 "" "/\"start\":$((5 * big_words + 3)),/" big_line.txt tag --dct 2020-06-27 %in
# extract takes 11 s on the 50 MB line, in linear time; a fifth of it keeps this test short.
row "a 10 MB line in linear time: extract" 0 "" '/^events:$/' long_line.txt extract --dct 2020-06-27 %in
row "100,000 expressions: tag" 0 "" "lines=$expressions" many_lines.txt tag %in
row "100,000 expressions: extract" 0 "" '/^events:$/' many_lines.txt extract %in
row "100,000 expressions in one sentence: tag" 0 "" "lines=$((expressions + 1))" one_sentence.txt tag --dct 2020-06-27 %in
row "100,000 expressions in one sentence: extract" 0 "" '/^events:$/' one_sentence.txt extract --dct 2020-06-27 %in

# Dates: impossible ones are no dates; a bad --dct is a bad command line.
row "--dct 2020-13-45" 2 "chronicle: --dct 2020-13-45 is not a calendar date (YYYY-MM-DD)" empty friday.txt tag --dct 2020-13-45 %in
row "--dct 2021-02-29 (no leap year)" 2 "chronicle: --dct 2021-02-29 is not a calendar date (YYYY-MM-DD)" empty friday.txt extract --dct 2021-02-29 %in
row "--dct 99999-01-01" 2 "chronicle: --dct 99999-01-01 is not a calendar date (YYYY-MM-DD)" empty friday.txt tag --dct 99999-01-01 %in
row "--dct 2020-02-29 (a leap year)" 0 "" '/2020-02-28/' friday.txt tag --dct 2020-02-29 %in
row "years 99999 and 0 in the text: no such dates" 0 "" '!/"value":"[+-]?[0-9]{5}/' far_years.txt tag --dct 2020-06-27 %in
row "February 30 in the text: not a date" 0 "" '!/February 30/' february_30.txt tag --dct 2020-06-27 %in
row "February 30 as the published date" 1 "chronicle: %in:2:1: front matter: published must be a date like 2020-06-27, not 2021-02-30" empty bad_published.txt extract %in
row "deeply nested front matter" 1 "chronicle: %in:3:1: front matter: nested too deeply" empty deep_front.txt extract %in

# Files that are not there, or not files.
row "a directory given as a file: tag" 1 "chronicle: %in: is a directory, not a file" empty a_dir.txt tag %in
row "a directory given as a file: render" 1 "chronicle: %in: is a directory, not a file" empty a_dir.txt render %in
row "a directory as standard input" 1 "chronicle: standard input: cannot read: Is a directory" empty a_dir.txt tag -
row "a missing file" 1 "chronicle: %w/missing.txt: cannot read: No such file or directory" empty - tag %w/missing.txt
row "an endless file (/dev/zero)" 1 "chronicle: /dev/zero: larger than 256 MiB; chronicle reads one article at a time" empty - tag /dev/zero
# Out of memory: the sanitizers reserve more address space than the limit leaves.
if [ "$sanitized" = 0 ]; then
  via=low-memory row "out of memory: an error, not a crash" 1 "chronicle: out of memory" empty - tag /dev/zero
fi
row "an endless JSON-lines stream (/dev/zero)" 1 "chronicle: /dev/zero:1: a line longer than 256 MiB; a JSON line holds one document" empty - tag --input jsonl /dev/zero
via=no-stdin row "closed standard input" 1 "chronicle: standard input: cannot read: Bad file descriptor" empty - tag -
row "a newline in a file name stays on one line" 1 "chronicle: %w/a\\nb.txt: cannot read: No such file or directory" empty - tag "%w/a
b.txt"

# Output: written whole or not at all, to the file the user named.
row "-o in a missing folder" 1 "chronicle: %w/nowhere/out.yaml: cannot write: No such file or directory" empty friday.txt extract -o %w/nowhere/out.yaml %in
row "-o below a plain file" 1 "chronicle: %w/plain.txt/out.yaml: cannot write: Not a directory" empty plain.txt extract -o %in/out.yaml %w/friday.txt
row "-o a directory" 1 "chronicle: %w/a_dir.txt: is a directory" empty friday.txt extract -o %w/a_dir.txt %in
row "-o with no name" 2 "chronicle: -o needs a file name (or - for standard output)" empty friday.txt extract -o "" %in
make_medium "$work/medium.txt"
via=fsize row "-o over the file size limit" 1 "chronicle: %in: cannot write: File too large" empty keep.yaml tag -o %in %w/medium.txt
check "an existing file is untouched when writing fails" [ "$(cat "$work/keep.yaml")" = "keep me" ]
check "no temporary file is left behind" [ -z "$(find "$work" -name '.keep.yaml.*')" ]
if [ "$(id -u)" != 0 ]; then
  mkdir "$work/locked" && printf 'keep me' >"$work/locked/out.yaml" && chmod 0555 "$work/locked"
  row "-o in a read-only folder" 1 "chronicle: %w/locked/out.yaml: cannot write: Permission denied" empty friday.txt extract -o %w/locked/out.yaml %in
  check "an existing file in a read-only folder is untouched" [ "$(cat "$work/locked/out.yaml")" = "keep me" ]
fi
row "-o a symbolic link: the file it names is replaced" 0 "" empty link.yaml extract -o %in %w/friday.txt
check "the link is still a link" test -L "$work/link.yaml"
check "the file it names holds the timeline" grep -q '^chronicle: 1$' "$work/target.yaml"
make_fifo "$work/pipe"
timeout "$limit" cat "$work/pipe" >"$work/from_pipe" &
row "-o a FIFO: written into it" 0 "" empty - tag --dct 2020-06-27 -o %w/pipe %w/friday.txt
wait
check "the FIFO is still a FIFO" test -p "$work/pipe"
check "the FIFO's reader got the output" grep -q Friday "$work/from_pipe"
via=head row "a reader that stops early (| head -1): quiet success" 0 "" lines=1 medium.txt tag %in
via=closed row "closed standard output" 1 "chronicle: cannot write to standard output: Bad file descriptor" '' friday.txt tag %in
via=closed row "closed standard output: --version" 1 "chronicle: cannot write to standard output: Bad file descriptor" '' - --version
via=full row "standard output on a full disk" 1 "chronicle: cannot write to standard output: No space left on device" '' friday.txt extract %in

# Found by fuzzing: one report given twice with different details merged by input order.
make_same_report_a "$work/same_a.yaml" && make_same_report_b "$work/same_b.yaml"
row "merge: one report with two details, one order" 0 "" '' - merge -o %w/ab.yaml %w/same_a.yaml %w/same_b.yaml
row "merge: ... and the other" 0 "" '' - merge -o %w/ba.yaml %w/same_b.yaml %w/same_a.yaml
check "merge does not depend on the order of its inputs" cmp -s "$work/ab.yaml" "$work/ba.yaml"
# Found by fuzzing: one source dated by its front matter in one timeline, by --dct in another.
row "merge: one source dated by its front matter" 0 "" '' dated.txt extract -o %w/from_meta.yaml %in
row "merge: ... and by --dct" 0 "" '' dated.txt extract --dct 2020-06-27 -o %w/from_arg.yaml %in
row "merge: one source dated two ways, one order" 0 "" '' - merge -o %w/ma.yaml %w/from_meta.yaml %w/from_arg.yaml
row "merge: ... and the other" 0 "" '' - merge -o %w/am.yaml %w/from_arg.yaml %w/from_meta.yaml
check "merge keeps the same source whatever the order" cmp -s "$work/ma.yaml" "$work/am.yaml"

# Timeline YAML: broken, too deep, of the wrong shape, or of another version.
make_timeline "$work/timeline.yaml"
row "YAML nested 100,000 deep (flow)" 1 "chronicle: %in:2:1: nested too deeply" empty deep_flow.yaml render %in
row "YAML nested 100,000 deep (mappings)" 1 "chronicle: %in:2:2000: nested too deeply" empty deep_map.yaml merge %in
row "YAML nested 1,000 deep (indentation)" 1 "chronicle: %in:501:500: nested too deeply" empty deep_block.yaml render %in
row "YAML: unclosed [" 1 "chronicle: %in:3:1: end of sequence flow not found" empty open_flow.yaml render %in
row "YAML: a tab as indentation" 1 "chronicle: %in:2:1: illegal tab when looking for indentation" empty tab_indent.yaml merge %in
row "YAML: events as a mapping" 1 "chronicle: %in:2:9: field 'events' must be a list" empty events_map.yaml render %in
row "YAML: when as text" 1 "chronicle: %in:4:11: 'when' must be a mapping" empty when_text.yaml render %in
row "YAML: a span of words" 1 "chronicle: %in:5:16: an offset must be a non-negative whole number, not 'a'" empty span_words.yaml render %in
row "YAML: a span backwards" 1 "chronicle: %in:5:15: span ends before it begins" empty span_back.yaml diff %in %in
row "YAML: a span past 64 bits" 1 "chronicle: %in:5:16: an offset must be a non-negative whole number, not '99999999999999999999'" empty span_huge.yaml render %in
row "YAML: sources as text" 1 "chronicle: %in:4:14: field 'sources' must be a list" empty sources_text.yaml render %in
row "YAML: February 30 as a start" 1 "chronicle: %in:3:11: '2020-02-30' is not a calendar date" empty bad_start.yaml render %in
row "YAML: an event without when" 1 "chronicle: %in:3:5: missing field 'when'" empty no_when.yaml render %in
row "YAML: a source without id" 1 "chronicle: %in:3:5: missing field 'id'" empty no_source_id.yaml merge %w/timeline.yaml %in
row "YAML: schema version 2" 1 "chronicle: %in:1:12: unknown schema version '2' (this chronicle reads 1)" empty version_2.yaml render %in
row "YAML: schema version a list" 1 "chronicle: %in:1:12: the schema version must be a number (this chronicle reads 1)" empty version_list.yaml render %in
row "YAML: a newline in a quoted value stays on one line" 1 "chronicle: %in:1:12: unknown schema version '1\\n2' (this chronicle reads 1)" empty version_newline.yaml render %in
row "YAML: no schema version" 1 "chronicle: %in:1:1: not a chronicle timeline (no 'chronicle:' schema version)" empty no_version.yaml render %in
row "YAML: a list, not a timeline" 1 "chronicle: %in:1:1: a timeline must be a mapping" empty a_list.yaml render %in
row "YAML: two documents in one file" 1 "chronicle: %in:4:1: a second YAML document: give each timeline a file of its own" empty two_documents.yaml merge %in
# Found by fuzzing: yaml-cpp's LoadAll loops without end, taking all memory, on this.
row "YAML: a stray comma after ---" 1 "chronicle: %in:3:1: a second YAML document: give each timeline a file of its own" empty stray_comma.yaml render %in
row "YAML: aliases that grow as a square" 1 "chronicle: %in:3:40114: aliases (*name) repeat more than the file holds" empty laughs.yaml render %in
row "YAML: a source id twice" 1 "chronicle: %in:4:5: source id 'a' appears twice" empty dup_source.yaml render %in
row "YAML: an event from an undeclared source" 1 "chronicle: %in:6:14: source 'b' is not among the timeline's sources" empty undeclared.yaml merge %in
row "YAML: evidence from a source its event does not list" 1 "chronicle: %in:9:9: source 'b' is not among the event's sources" empty unlisted.yaml merge %in
# Found by fuzzing: merge gave such an event the source '', and wrote what it could not read.
row "YAML: an event without sources" 1 "chronicle: %in:5:5: an event needs its sources (sources: [id, ...])" empty no_sources.yaml merge %in
# Found by fuzzing: merge paired such an event's report with no evidence, and wrote what it
# could not read; merge now gives it evidence naming its source.
row "YAML: an event without evidence merges" 0 "" '/source: a/' no_evidence.yaml merge %in
row "YAML: an empty source id (it would not be written)" 1 "chronicle: %in:3:9: field 'id' is empty" empty empty_id.yaml render %in
# Found by fuzzing: days after 9999-12-31 are written with a sign, and must read back.
row "the year 10000: extract" 0 "" empty next_monday.txt extract --dct 9999-12-31 -o %w/year_10000.yaml %in
row "the year 10000: read back" 0 "" '/10000/' - render %w/year_10000.yaml
row "YAML: aliases of a long text" 1 "chronicle: %in:3:4: aliases (*name) repeat more than the file holds" empty long_aliases.yaml render %in
row "YAML: empty" 1 "chronicle: %in: empty file, not a timeline" empty empty.yaml render %in
row "YAML: only whitespace" 1 "chronicle: %in: empty file, not a timeline" empty blank.yaml render %in
row "YAML: invalid UTF-8" 1 "chronicle: %in:3:12: invalid UTF-8" empty yaml_latin1.yaml render %in
row "YAML: on standard input" 1 "chronicle: standard input:2:9: field 'events' must be a list" empty events_map.yaml render -
row "YAML: one bad timeline among good ones" 1 "chronicle: %in:4:11: 'when' must be a mapping" empty when_text.yaml merge %w/timeline.yaml %in

# TimeML: no TEXT, tags that do not close, bytes that are not text.
row "TimeML without <TEXT>" 1 "chronicle: %in:1:1: no <TEXT> element" empty no_text.tml tag %in
row "TimeML: <TEXT> never closed" 1 "chronicle: %in:1:9: <TEXT> is not closed by </TEXT>" empty open_text.tml tag %in
row "TimeML: an unclosed TIMEX3" 1 "chronicle: %in:1:41: </TEXT> does not match <TIMEX3> at 1:18" empty open_timex.tml extract %in
row "TimeML: a tag without '>'" 1 "chronicle: %in:1:18: <TIMEX3 is not closed by '>'" empty open_tag.tml tag --format timeml %in
row "TimeML: an unclosed comment" 1 "chronicle: %in:1:18: comment is not closed by -->" empty open_comment.tml tag %in
row "TimeML: a bare '<'" 1 "chronicle: %in:1:17: '<' starts no tag (write &lt; for a literal '<')" empty stray_lt.tml tag %in
row "TimeML: a closing tag that opens nothing" 1 "chronicle: %in:1:24: </EVENT> closes no open element" empty stray_close.tml tag %in
row "TimeML: two <TEXT> elements" 1 "chronicle: %in:2:1: a second <TEXT> element; a TimeML document has one" empty two_texts.tml tag %in
row "TimeML: invalid UTF-8" 1 "chronicle: %in:1:18: invalid UTF-8" empty tml_utf8.tml tag %in
row "TimeML: empty" 1 "chronicle: %in: empty file, not TimeML" empty empty.tml tag %in
# Found by fuzzing: a link inside another tag's quotes was dropped, and the output unreadable.
row "TimeML: a link inside a tag's quotes stays" 0 "" '' link_in_quotes.tml tag --format timeml -o %w/annotated.tml %in
row "TimeML: ... and the annotated file reads back" 0 "" empty - tag %w/annotated.tml
# Found by fuzzing: taking out a link that does not stand alone made "<TEXT" a tag.
row "TimeML: a link inside a broken tag stays" 0 "" '' link_joins.tml tag --format timeml -o %w/annotated2.tml %in
row "TimeML: ... and the annotated file reads back" 0 "" '/Friday/' - tag %w/annotated2.tml
row "TimeML: 100,000 nested elements" 0 "" '/"text":"Friday"/' tml_deep.tml tag --dct 2020-06-27 %in

# JSON lines (tag --input jsonl).
row "JSON lines: not JSON" 1 "chronicle: %in:1:1: expected '{'" empty json_junk.jsonl tag --input jsonl %in
row "JSON lines: no text" 1 "chronicle: standard input:1:12: missing \"text\"" empty json_no_text.jsonl tag --input jsonl -
row "JSON lines: a lone surrogate" 1 "chronicle: %in:1:11: lone surrogate" empty json_surrogate.jsonl tag --input jsonl %in
row "JSON lines: invalid UTF-8" 1 "chronicle: %in:1:12: invalid UTF-8" empty json_utf8.jsonl tag --input jsonl %in
row "JSON lines: a NUL escaped, on line 3" 1 "chronicle: %in:3:23: \\u0000, a NUL character: this looks like binary data, not text" '/1999/' json_nul.jsonl tag --input jsonl %in

echo "bad input: $rows rows, $failures failure(s)"
[ "$failures" -eq 0 ]
