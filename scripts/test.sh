#!/usr/bin/env bash
# The README's test command: type-check, install what the tests need beyond npm when it is
# missing (LibreOffice, fonts, poppler, Chromium), run vitest, and print "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh || exit 2
npx tsc --noEmit || { echo "0 passed, 1 failed"; exit 1; }
report="$(mktemp -d)/vitest-report.json"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node -e '
const fs = require("fs");
const f = process.argv[1];
if (!fs.existsSync(f)) { console.log("0 passed, 1 failed"); process.exit(0); }
const r = JSON.parse(fs.readFileSync(f, "utf8"));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$report"
exit $status
