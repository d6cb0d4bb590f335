#!/usr/bin/env bash
# Builds Rastau's Debian package from this checkout, offline: the window (`rastau-app`) and the
# `rastau` command in /usr/bin, the menu entry and icons, and the Debian packages they need.
#   scripts/package.sh            a release build, for clerks' computers
#   scripts/package.sh --debug    the debug build the tests already made, packaged as is
# Prints the package's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
[ "${1:-}" = "--debug" ] && profile=debug
npm --prefix ui run build >/dev/null
# The command travels in the same package as the window, from the same profile.
config="{\"bundle\":{\"linux\":{\"deb\":{\"files\":{\"/usr/bin/rastau\":\"../target/$profile/rastau\"}}}}}"
tauri=$PWD/ui/node_modules/.bin/tauri
if [ "$profile" = release ]; then
  cargo build --release -p rastau-cli
  (cd src-tauri && "$tauri" build --ci --bundles deb --config "$config")
else
  cargo build -p rastau-app -p rastau-cli
  (cd src-tauri && "$tauri" bundle --ci --debug --bundles deb --config "$config")
fi
ls -t target/"$profile"/bundle/deb/*.deb | head -1
