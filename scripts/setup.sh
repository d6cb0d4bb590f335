#!/usr/bin/env bash
# Installs everything Rastau needs on Debian 12: system packages, npm packages, tauri-driver.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

PACKAGES=(
  # building the Tauri window
  libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
  pkg-config build-essential file curl
  # end-to-end tests: a display of our own and WebKit's WebDriver
  xvfb xauth webkit2gtk-driver
  # fonts with every Kazakh letter, for the system as well as the bundled ones
  fonts-noto-core fonts-dejavu-core
  # signatures and PDFs checked by independent tools: openssl cms, pdfsig (with an NSS trust
  # store from certutil), pdftotext / pdfimages / pdftoppm
  openssl poppler-utils libnss3-tools
  # a signature made on a clock set back, to show a backdated claim is never trusted
  faketime
  # reading printed QR codes back in tests
  zbar-tools
  # scanning: SANE and its `test` backend
  sane-utils libsane1
  # printing: CUPS and the cups-pdf queue the printing tests print on
  cups cups-client cups-bsd printer-driver-cups-pdf
  # the shared store's tests: a private PostgreSQL cluster (scripts/postgres.sh)
  postgresql
  # a virtual environment for the Python tools below
  python3-venv
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null
fi

export PATH="$HOME/.cargo/bin:$PATH"
need() { command -v "$1" >/dev/null || { echo "setup: $1 is missing: $2" >&2; exit 1; }; }
need cargo "install Rust with rustup (https://rustup.rs)"
if ! command -v node >/dev/null; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || { echo "setup: Node.js 20.19 or newer is needed (found $(node --version))" >&2; exit 1; }

# Installs from the lock file when it changed since the last install. (`npm ci` is not used:
# npm 11 refuses lock files that lack other platforms' optional packages.)
npm_install() {
  if ! cmp -s "$1/package-lock.json" "$1/node_modules/.rastau-lock" 2>/dev/null; then
    (cd "$1" && npm install --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.rastau-lock)
  fi
}
npm_install ui
npm_install tests/e2e

# pyHanko validates PAdES signatures independently of our own code; img2pdf is the baseline
# of the PDF assembly benchmark.
# They live in a virtual environment of the project's own (Debian's Python refuses global pip
# installs); the test command puts its bin/ first on PATH.
PYTOOLS=target/pytools
if [ ! -x "$PYTOOLS/bin/pyhanko" ] || [ ! -x "$PYTOOLS/bin/img2pdf" ]; then
  python3 -m venv "$PYTOOLS"
  "$PYTOOLS/bin/pip" install --quiet --disable-pip-version-check pyhanko pyhanko-cli img2pdf
fi

TAURI_DRIVER_VERSION=2.1.0
if ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
fi
echo "setup: ready"
