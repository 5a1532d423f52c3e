#!/usr/bin/env bash
# The example article against its golden timeline and chronology under timelines/.
# usage: golden_test.sh CHRONICLE_BINARY (run from the project root)
set -u
chronicle=$1
failures=0
check() {  # check NAME EXPECTED_FILE COMMAND...
  local name=$1 expected=$2
  shift 2
  if ! diff -u "$expected" <("$@") >/tmp/golden.$$.diff 2>&1; then
    echo "FAIL: $name differs from $expected:"
    head -40 /tmp/golden.$$.diff
    failures=$((failures + 1))
  fi
  rm -f /tmp/golden.$$.diff
}
check "extract" timelines/libya-ceasefire.yaml "$chronicle" extract timelines/examples/libya-ceasefire.txt
check "render" timelines/libya-ceasefire.md "$chronicle" render timelines/libya-ceasefire.yaml
# With the date given, only where it came from changes.
check "extract --dct" <(sed 's/published_from: text/published_from: argument/' timelines/libya-ceasefire.yaml) \
  "$chronicle" extract --dct 2020-06-26 timelines/examples/libya-ceasefire.txt
# The three reports of the story, merged into one chronology.
reports=(timelines/examples/kremlin-video-call.txt timelines/examples/libya-ceasefire.txt
  timelines/examples/macron-accepts-invitation.txt)
check "extract (three reports)" timelines/libya-ceasefire-merged.yaml "$chronicle" extract "${reports[@]}"
check "render (three reports)" timelines/libya-ceasefire-merged.md "$chronicle" render timelines/libya-ceasefire-merged.yaml
echo "golden: $failures failure(s)"
[ "$failures" -eq 0 ]
