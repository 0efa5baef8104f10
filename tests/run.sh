#!/usr/bin/env bash
# Runs every Matchboard test. First installs what the suite needs and this machine lacks
# (Debian's Chromium and Japanese fonts for the browser tests; PostgreSQL and Redis, which the test fixtures
# start themselves on loopback), then runs `dotnet test Matchboard.sln`, then the Web tests again on PostgreSQL,
# then the matching benchmark's smoke mode, and ends with one line, "N passed, N failed", summed from the TRX results.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every test host would watch its appsettings files for changes; dozens of hosts at once reach the machine's limit
# of 128 inotify instances (a 500 or an IOException in whichever test is unlucky). No test changes them while running.
export DOTNET_hostBuilder__reloadConfigOnChange=false

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Japanese glyphs for the browser tests' screenshots.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# Binaries for the Web tests' PostgreSQL pass and the multi-instance tests: the fixtures start their own
# throwaway servers on free loopback ports.
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "Node.js and npm are required for the web client's packages" >&2; exit 1; }

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

set +e
dotnet test Matchboard.sln --logger "trx" --results-directory "$results" "$@"
status=$?
# Every HTTP rule again on PostgreSQL (one throwaway server, a fresh database per test class). The authorization
# matrix and the hostile-input run stay single, on SQLite.
MATCHBOARD_TEST_DATABASE=Postgres dotnet test tests/Matchboard.Web.Tests \
  --filter "FullyQualifiedName!~AuthorizationMatrixTests&FullyQualifiedName!~HostileInputTests" \
  --logger "trx;LogFilePrefix=postgres" --results-directory "$results"
postgres_status=$?
[ "$status" -ne 0 ] || status=$postgres_status
# The matching benchmark is no test (timings on a shared machine prove nothing), but its smoke mode, tiny data in
# seconds, keeps it building and running: it fails when a query or its floor finds no rows. `dotnet test` does not
# build a project that is no test project, so this builds it (the Web project is already built: only this compiles).
# With --history its city has earlier contracts and reviews, so the track record's read runs too.
dotnet run --project tests/Matchboard.Benchmarks -- --smoke --history
benchmark_status=$?
# The app benchmark's smoke mode (issue 13): the app as a real server on tiny data, each figure for a second; it
# fails when any request fails. It runs the Web project's Debug build, which the test run above has made. Then the same
# on PostgreSQL with Redis and two instances (installed above; without them it prints that it skipped that part).
dotnet run --no-build --project tests/Matchboard.Benchmarks -- --app --smoke
app_benchmark_status=$?
[ "$benchmark_status" -ne 0 ] || benchmark_status=$app_benchmark_status
[ "$status" -ne 0 ] || status=$benchmark_status
set -e

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$benchmark_status" -ne 0 ]; then
  echo "A benchmark smoke run failed (tests/Matchboard.Benchmarks --smoke, or --app --smoke)." >&2
  failed=$((failed + 1))
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any result was written: count it, never report green.
  failed=1
fi

echo "${passed} passed, ${failed} failed"
exit "$status"
