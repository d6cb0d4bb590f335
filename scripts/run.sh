#!/usr/bin/env bash
# Sets up, builds and starts Rastau. Arguments go to the app: e.g. --demo, --data-dir DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
npm --prefix ui run build --silent
cargo build --release -p rastau-app -p rastau-cli
exec target/release/rastau-app "$@"
