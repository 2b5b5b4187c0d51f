#!/usr/bin/env bash
# Builds MspLicensing and runs every test: the xunit projects (domain rules, the module in a hosted PowerShell
# engine) and the Pester acceptance tests in the real pwsh (a local dotnet tool). Needs only the .NET SDK; the
# tools come from NuGet. Ends with one line "N passed, N failed" over all of them; exits non-zero on any failure.
# The team-store tests need PostgreSQL: a throwaway cluster is started for the run (tests/postgres/pg-cluster.sh,
# which installs PostgreSQL with apt-get when it is missing and the run is root) and stopped at the end. Without it the
# PostgreSQL tests are skipped, each with the reason; with CI=true they fail instead. The render test of the HTML
# usage report needs Chromium: it is installed the same way when missing, and skipped with the reason without it.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off

log=$(mktemp)
pg_dir=
cleanup() {
  rm -f "$log"
  if [ -n "$pg_dir" ]; then tests/postgres/pg-cluster.sh stop "$pg_dir"; fi
}
trap cleanup EXIT

step() { echo "==> $*"; }

step "Restore the local tools (pwsh) and Pester"
dotnet tool restore || exit 1
dotnet restore tests/Pester/Restore || exit 1

step "Start a throwaway PostgreSQL cluster for the team-store tests"
if pg=$(tests/postgres/pg-cluster.sh start); then
  pg_dir=${pg% *}
  export MSPLICENSING_TEST_POSTGRES="Host=127.0.0.1;Port=${pg#* };Username=postgres;Database=postgres"
  echo "PostgreSQL at 127.0.0.1:${pg#* } ($pg_dir)"
else
  echo "PostgreSQL could not be started: the PostgreSQL tests are skipped (with CI=true they fail)"
fi

step "Chromium for the render test of the HTML usage report"
# Installed with apt-get when it is missing and the run is root (about half a minute); MSPLICENSING_TEST_CHROMIUM
# tells the test it is there. Without it the render test is skipped with the reason.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing Chromium (apt-get install chromium)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; } \
    || echo "apt-get could not install chromium"
fi
if chromium_bin=$(command -v chromium); then
  export MSPLICENSING_TEST_CHROMIUM="$chromium_bin"
  echo "Chromium at $chromium_bin"
else
  echo "No Chromium (not root, or no apt-get): the HTML render test is skipped"
fi

step "Build"
dotnet build MspLicensing.sln || exit 1

step "xunit: domain and hosted-engine tests"
dotnet test MspLicensing.sln --no-build 2>&1 | tee -a "$log"
xunit_status=${PIPESTATUS[0]}

step "Pester: acceptance tests in pwsh, without a terminal (80 columns, as a scheduled task)"
dotnet pwsh -NoProfile -NonInteractive -File tests/Pester/Invoke-PesterTests.ps1 < /dev/null 2>&1 | tee -a "$log"
pester_status=${PIPESTATUS[0]}

# xunit prints "Passed!  - Failed:     0, Passed:   100, ..." per test project; Pester "Pester 5.9.1: N passed, N failed, ...".
summaries=$(grep -E '(Passed|Failed)! +- +Failed:' "$log")
projects=$(printf '%s\n' "$summaries" | grep -c 'Failed:')
passed=$(printf '%s\n' "$summaries" | grep -Eo 'Passed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
failed=$(printf '%s\n' "$summaries" | grep -Eo 'Failed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
pester=$(grep -E '^Pester [0-9.]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
if [ -n "$pester" ]; then
  passed=$((passed + $(echo "$pester" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  failed=$((failed + $(echo "$pester" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
fi

status=0
if [ "$xunit_status" -ne 0 ] || [ "$pester_status" -ne 0 ]; then status=1; fi
if [ "$projects" -lt 2 ]; then echo "expected results from both xunit test projects, got $projects"; status=1; fi
if [ -z "$pester" ]; then echo "the Pester run printed no result"; status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
