#!/usr/bin/env bash
# The README's test command: type-check, install what the tests need beyond npm when it is
# missing (LibreOffice, fonts, poppler, Chromium), run vitest, and print "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh || exit 2
npx tsc --noEmit || { echo "0 passed, 1 failed"; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
report="$tmp/vitest-report.json"
# A full run (no arguments) also measures coverage of scripts/lib/ and fails below its floor
# (vitest.config.ts: 85 % of lines); a run of chosen files does not.
coverage=()
[ $# -eq 0 ] && coverage=(--coverage)
npx vitest run "${coverage[@]}" --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node -e '
const fs = require("fs");
const [f, status] = [process.argv[1], Number(process.argv[2])];
if (!fs.existsSync(f)) { console.log("0 passed, 1 failed"); process.exit(0); }
const r = JSON.parse(fs.readFileSync(f, "utf8"));
// vitest failing with every test passed: the coverage floor (or a file that did not load) failed.
const extra = status !== 0 && r.numFailedTests === 0 ? 1 : 0;
if (extra) console.log("vitest failed although every test passed: see the coverage summary above (floor in vitest.config.ts).");
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + extra} failed`);
' "$report" "$status"
exit $status
