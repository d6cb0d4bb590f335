#!/usr/bin/env bash
# Sets up and runs every test: UI checks and unit tests, Rust tests, end-to-end tests of the
# real window under a private Xvfb display. The last line gives the totals.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
export PATH="$PWD/target/pytools/bin:$HOME/.cargo/bin:$PATH"
LOGS=target/test-logs
mkdir -p "$LOGS"
rm -rf target/e2e-artifacts
failed_stages=()

stage() { # name, command...
  local name=$1; shift
  echo "=== $name"
  if ! "$@" 2>&1 | tee "$LOGS/$name.log"; then failed_stages+=("$name"); fi
}

stage ui-check npm --prefix ui run check
stage ui-test npm --prefix ui test
stage ui-build npm --prefix ui run build
# The printing tests print on a real cups-pdf queue; no systemd here to start CUPS for them.
stage cups scripts/cups.sh
# One private PostgreSQL cluster for the shared store's tests, stopped when this script ends;
# each test makes a database of its own in it.
PG_DIR=$(mktemp -d -t rastau-postgres.XXXXXX)
trap 'scripts/postgres.sh stop "$PG_DIR"' EXIT
stage postgres scripts/postgres.sh start "$PG_DIR"
if [ -f "$PG_DIR/url" ]; then
  RASTAU_TEST_POSTGRES=$(cat "$PG_DIR/url")
  export RASTAU_TEST_POSTGRES
fi
stage cargo-test cargo test --workspace --all-targets
stage cargo-doctest cargo test --workspace --doc
# The UI's types are generated from Rust by the tests above; a stale copy in git is a fault.
if git rev-parse --git-dir >/dev/null 2>&1; then
  stage bindings-fresh git diff --exit-code --stat -- ui/src/bindings
fi
stage app-build cargo build -p rastau-app -p rastau-cli
# The NCALayer stand-in the end-to-end tests point the window at (an example, never installed).
stage stand-in-build cargo build -p rastau-sign --features test-pki --example ncalayer_stand_in
# The Debian package of that build, which an E2E test unpacks and starts.
stage package scripts/package.sh --debug

start_display() {
  for n in $(seq 90 120); do
    [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1366x900x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do
      [ -e "/tmp/.X11-unix/X$n" ] && { export DISPLAY=":$n"; return 0; }
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.1
    done
  done
  echo "could not start Xvfb" >&2
  return 1
}
e2e() {
  start_display || return 1
  trap 'kill "$XVFB_PID" 2>/dev/null' RETURN
  timeout --kill-after=10 900 npm --prefix tests/e2e test
}
stage e2e e2e

# Totals over every runner's summary lines.
passed=0; failed=0
add() { passed=$((passed + ${1:-0})); failed=$((failed + ${2:-0})); }
while read -r p f; do add "$p" "$f"; done < <(
  grep -ho 'test result: [a-zA-Z]*\. [0-9]* passed; [0-9]* failed' "$LOGS"/cargo-*.log |
    awk '{print $4, $6}')
vitest=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/ui-test.log" | grep -o 'Tests  .*' | tail -1)
add "$(grep -o '[0-9]* passed' <<<"$vitest" | grep -o '[0-9]*')" "$(grep -o '[0-9]* failed' <<<"$vitest" | grep -o '[0-9]*')"
add "$(grep -o '^# pass [0-9]*' "$LOGS/e2e.log" | grep -o '[0-9]*$')" "$(grep -o '^# fail [0-9]*' "$LOGS/e2e.log" | grep -o '[0-9]*$')"

if [ ${#failed_stages[@]} -gt 0 ]; then
  echo "failed stages: ${failed_stages[*]}"
  [ "$failed" -eq 0 ] && failed=${#failed_stages[@]}
fi
echo "screenshots: target/e2e-artifacts/"
echo "total: $passed passed, $failed failed"
[ ${#failed_stages[@]} -eq 0 ]
