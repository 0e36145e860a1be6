#!/usr/bin/env bash
# Runs test suites with the clock set to other days (libfaketime, from Debian's package `faketime`).
# The browser tests seed the demo data up to the real today, so what they see changes from day to day:
# a table that overflows a tablet for one day's data, a count that holds only mid-year. This runs them
# as if it were the turn of the year in WIB, early January and early March, each from that moment on.
#
#   npm run test:dates                                # the dashboard's and the field app's tests
#   npm run test:dates -- @binaan/api                 # any workspace's `npm test`
#   BINAAN_TEST_DATES="2027-06-30 16:45:00" npm run test:dates   # other moments (UTC), separated by ;
#
# Not part of `npm test` or CI (each date costs a full run of the suites); run it before a change to how
# the tests or the seed use dates, and at the end of a round.
set -euo pipefail
cd "$(dirname "$0")/.."

library=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -f "$library" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime) >/dev/null
fi

year=$(date -u +%Y)
next=$((year + 1))
# 31 December 17:30 UTC is 00:30 on 1 January in WIB (and later in WITA and WIT), still 31 December in UTC.
default_dates="${year}-12-31 17:30:00;${next}-01-03 02:00:00;${next}-03-01 03:00:00"
IFS=';' read -r -a dates <<<"${BINAAN_TEST_DATES:-$default_dates}"
workspaces=("$@")
[ ${#workspaces[@]} -gt 0 ] || workspaces=(@binaan/dashboard @binaan/lapor)

failed=()
for when in "${dates[@]}"; do
  for workspace in "${workspaces[@]}"; do
    printf '\n=== %s, from %s UTC ===\n' "$workspace" "$when"
    # The clock starts at that moment and runs on; every process the suite starts (Chromium too) sees it.
    if ! FAKETIME="@$when" LD_PRELOAD="$library" npm test --workspace "$workspace"; then
      failed+=("$workspace at $when")
    fi
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFailed:\n'
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
printf '\nEvery suite passed at every date.\n'
