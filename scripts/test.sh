#!/usr/bin/env bash
# Runs every test, installing first what the tests need on a fresh machine: PostgreSQL 15's server binaries
# (the tests start their own cluster in a temporary folder, on a free loopback port, as the postgres user), jq
# and curl for the README's examples (ReadmeExamplesTests runs them), node, espeak-ng (the reference voice worker's
# synthesizer, which its tests and the README run), and the outside implementations the tests check against (npm
# packages pinned in tests/oracles/package-lock.json, and the C2PA validator copied from ../shared/oracles/c2pa).
# Debian's Chromium for the web app's browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser),
# ffmpeg and fpcalc for the watermark's tests. Ends with one line "tests: N passed, N failed"; exits non-zero
# if any test failed. `.ci/run` calls this same script.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

apt_packages=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || apt_packages+=(postgresql-15)
command -v jq >/dev/null 2>&1 || apt_packages+=(jq)
command -v curl >/dev/null 2>&1 || apt_packages+=(curl)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)
# The watermark's tests (issue 19): real speech from espeak-ng, real encoders from ffmpeg, fingerprints from fpcalc.
command -v espeak-ng >/dev/null 2>&1 || apt_packages+=(espeak-ng)
command -v ffmpeg >/dev/null 2>&1 || apt_packages+=(ffmpeg)
command -v fpcalc >/dev/null 2>&1 || apt_packages+=(libchromaprint-tools)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "installing ${apt_packages[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi
if ! id postgres >/dev/null 2>&1; then
  useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
fi

echo "installing the test oracles (npm ci in tests/oracles)"
if ! npm ci --prefix tests/oracles --no-audit --no-fund --loglevel=error >/dev/null; then
  echo "npm ci failed: the tests that check against outside implementations cannot run"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# The C2PA reference validator (c2pa-rs as WebAssembly) is the shared oracle ../shared/oracles/c2pa, read-only: it is
# copied into tests/oracles/c2pa-run (ignored by git) and its pinned package installed there.
echo "installing the C2PA oracle (../shared/oracles/c2pa into tests/oracles/c2pa-run)"
rm -rf tests/oracles/c2pa-run && mkdir -p tests/oracles/c2pa-run && cp -r ../shared/oracles/c2pa/. tests/oracles/c2pa-run/
if ! npm ci --prefix tests/oracles/c2pa-run --no-audit --no-fund --loglevel=error >/dev/null; then
  echo "npm ci failed in tests/oracles/c2pa-run: the C2PA tests cannot run"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
dotnet test Likeness.slnx --configuration Release --blame-hang-timeout 5m --logger "trx;LogFileName=results.trx" --results-directory "$results" 2>&1 | tee "$results/out.txt"
status=${PIPESTATUS[0]}
passed=0; failed=0
while IFS= read -r f; do
  p=$(grep -o 'passed="[0-9]*"' "$f" | head -1 | grep -o '[0-9]*'); passed=$((passed + ${p:-0}))
  x=$(grep -o 'failed="[0-9]*"' "$f" | head -1 | grep -o '[0-9]*'); failed=$((failed + ${x:-0}))
done < <(find "$results" -name '*.trx')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
