#!/usr/bin/env bash
# Times PyPI's img2pdf on the same 10 A4 300-dpi JPEGs the criterion bench uses, so the two
# figures can be put side by side. img2pdf also embeds JPEGs without re-encoding, so it is a
# fair baseline for the scan pages (it writes no certification sheet).
#
# Usage: cargo bench -p rastau-pdf   (writes the JPEGs once), then
#        bash crates/pdf/benches/img2pdf-baseline.sh [JPEG_DIR]
# Needs: pip install img2pdf
set -euo pipefail

# Prefer the project's own Python tools (scripts/setup.sh installs img2pdf there).
root=$(cd "$(dirname "$0")/../../.." && pwd)
if [ -x "$root/target/pytools/bin/img2pdf" ]; then
    PATH="$root/target/pytools/bin:$PATH"
fi

runs=${RUNS:-20}
dir=${1:-$(python3 -c 'import tempfile, os; print(os.path.join(tempfile.gettempdir(), "rastau-pdf-bench"))')}
shopt -s nullglob
jpegs=("$dir"/page-*.jpg)
if [ ${#jpegs[@]} -ne 10 ]; then
    echo "expected 10 JPEGs in $dir; run 'cargo bench -p rastau-pdf' first" >&2
    exit 1
fi
python3 -c 'import img2pdf' 2>/dev/null || { echo "pip install img2pdf" >&2; exit 1; }
out="$dir/img2pdf.pdf"

echo "img2pdf $(python3 -c 'import img2pdf; print(img2pdf.__version__)'), ${#jpegs[@]} JPEGs, $(cat "${jpegs[@]}" | wc -c) bytes"

# 1. The command-line tool, interpreter start-up included (median of $runs runs).
python3 - "$runs" "$out" "${jpegs[@]}" <<'PY'
import statistics, subprocess, sys, time
runs, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(["img2pdf", "--pagesize", "A4", "-o", out, *files], check=True)
    times.append(time.perf_counter() - t)
print(f"img2pdf CLI (files to file):    median {statistics.median(times)*1000:.1f} ms, min {min(times)*1000:.1f} ms")
PY

# 2. The library in-process: files read by img2pdf, PDF kept in memory (no start-up cost).
python3 - "$runs" "${jpegs[@]}" <<'PY'
import statistics, sys, time, img2pdf
runs, files = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    pdf = img2pdf.convert(files)
    times.append(time.perf_counter() - t)
print(f"img2pdf.convert (in process):   median {statistics.median(times)*1000:.1f} ms, min {min(times)*1000:.1f} ms, {len(pdf)} bytes")
PY

# 3. The library in-process, written to a file: like for like with Rastau's
#    files_to_file_pages_only (files read, pages only, PDF written).
python3 - "$runs" "$out" "${jpegs[@]}" <<'PY'
import statistics, sys, time, img2pdf
runs, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    with open(out, "wb") as f:
        f.write(img2pdf.convert(files))
    times.append(time.perf_counter() - t)
print(f"img2pdf.convert files to file:  median {statistics.median(times)*1000:.1f} ms, min {min(times)*1000:.1f} ms")
PY
