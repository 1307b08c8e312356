#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what the tests need, then `dotnet test` on the whole solution.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the test fixtures need (real servers, no mocks). Installed only when missing.
APT_PACKAGES=(mariadb-server postgresql-15 rabbitmq-server chromium clickhouse-server)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" || apt-get -o DPkg::Lock::Timeout=600 install -y -qq -f
fi

# The Studio: npm packages from its lock file, then its component tests (vitest). The server build below builds the app.
(cd src/Studio && npm ci --no-audit --no-fund --loglevel=error && npm test)

dotnet tool restore >/dev/null
dotnet restore ElsaFlow.sln --locked-mode
dotnet build ElsaFlow.sln --no-restore -c Debug -warnaserror

if [ -z "${ELSAFLOW_TEST_SQLSERVER:-}" ]; then
  echo "Note: ELSAFLOW_TEST_SQLSERVER is not set: no SQL Server here; set it to a connection string to run the SQL Server tests (they are reported as skipped)."
fi
if [ -z "${ELSAFLOW_TEST_MONGO:-}" ]; then
  echo "Note: ELSAFLOW_TEST_MONGO is not set: no MongoDB server here; set it to mongodb://... to run the Mongo store tests (they are reported as skipped)."
fi

log=$(mktemp)
status=0
dotnet test ElsaFlow.sln --no-build --no-restore -c Debug "$@" 2>&1 | tee "$log" || status=$?

# One closing line for CI: the sum over every test project.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
