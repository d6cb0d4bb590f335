#!/usr/bin/env bash
# Times the sqlite3 command-line tool running the journal's three queries (those of
# crates/core/src/journal/rows.rs, verbatim: a unit test there checks it) on the store of five
# busy years that the criterion bench made (`cargo bench -p rastau-core --bench journal`), for
# the same day, with the same bounds bound as the same parameters: the local midnights that
# `JournalFilter::day` covers, in UTC, in the text rusqlite writes for `DateTime<Utc>`.
# Each run is one `sqlite3` process (opening the file, reading the schema, the three queries,
# their rows printed to /dev/null); the script reports the median wall time of the process
# and, from `.timer on`, the median time of the three queries inside it.
#
# Usage: bash crates/core/benches/journal-sqlite3-baseline.sh
#        (RUNS=N, default 50; DAY=YYYY-MM-DD, default 2024-07-02, the bench's day;
#         DB=path, default $CARGO_TARGET_DIR or target, then bench-stores/busy-center-v2/)
# Needs: sqlite3, python3. On Debian: apt-get install -y sqlite3
set -euo pipefail

if ! command -v sqlite3 >/dev/null; then
    echo "sqlite3 not found; install the command-line tool, e.g. on Debian:" >&2
    echo "  apt-get install -y sqlite3" >&2
    exit 1
fi

runs=${RUNS:-50}
day=${DAY:-2024-07-02}
db=${DB:-${CARGO_TARGET_DIR:-target}/bench-stores/busy-center-v2/rastau.sqlite3}
if [ ! -f "$db" ]; then
    echo "no store at $db; make it with: cargo bench -p rastau-core --bench journal" >&2
    exit 1
fi

# JournalFilter::instants: from the day's local midnight up to the next day's.
bound() { date -u -d "@$(date -d "$1 00:00" +%s)" '+%Y-%m-%d %H:%M:%S+00:00'; }
from=$(bound "$day")
to=$(bound "$(date -d "$day + 1 day" +%F)")

dir=$(mktemp -d "${TMPDIR:-/tmp}/rastau-journal-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
sql="$dir/journal.sql"
cat >"$sql" <<PARAMS
.parameter set :from '$from'
.parameter set :to '$to'
.parameter set :clerk NULL
PARAMS
cat >>"$sql" <<'SQL'
.print -- visits
SELECT v.id, v.journal_year, v.journal_seq, v.started_at, v.ended_at,
            v.representative_name, v.clerk_id, v.clerk_name, a.tax_id, v.applicant_name,
            (SELECT count(*) FROM receipt_print p WHERE p.visit_id = v.id
               AND p.printed_at <= coalesce(s.signed_at, p.printed_at)) AS receipt_prints,
            v.installation_code
     FROM visit v
     JOIN applicant a ON a.id = v.applicant_id
     LEFT JOIN day_signoff s ON s.day = date(v.started_at, 'localtime')
     WHERE v.started_at >= :from AND v.started_at < :to
       AND (:clerk IS NULL OR v.clerk_id = :clerk)
     ORDER BY v.started_at, v.id;
.print -- documents
SELECT d.visit_id, d.position, d.title, c.id IS NOT NULL AS certified, r.grounds
     FROM visit v
     JOIN document d ON d.visit_id = v.id
     LEFT JOIN certified_copy c ON c.document_id = d.id
     LEFT JOIN refusal r ON r.document_id = d.id
     WHERE v.started_at >= :from AND v.started_at < :to
     ORDER BY d.visit_id, d.position;
.print -- notices
SELECT n.visit_id, n.seq, v.journal_year, v.journal_seq,
            (SELECT count(*) FROM notice_print p WHERE p.notice_id = n.id
               AND p.printed_at <= coalesce(s.signed_at, p.printed_at)) AS prints,
            v.installation_code
     FROM visit v JOIN refusal_notice n ON n.visit_id = v.id
     LEFT JOIN day_signoff s ON s.day = date(v.started_at, 'localtime')
     WHERE v.started_at >= :from AND v.started_at < :to
     ORDER BY n.visit_id, n.seq;
SQL
{ echo ".timer on"; cat "$sql"; } >"$dir/timed.sql"

echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $db ($(du -m "$db" | cut -f1) MB), $day: [$from, $to)"
python3 - "$runs" "$db" "$sql" "$dir/timed.sql" <<'PY'
import re, statistics, subprocess, sys, time
runs, db, sql, timed = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def run(script, out):
    with open(script, "rb") as f:
        return subprocess.run(["sqlite3", db], stdin=f, stdout=out, check=True)
# What the queries return, once (also warms the page cache, as the bench's own warm-up does).
text = run(sql, subprocess.PIPE).stdout.decode()
counts, name = {}, None
for line in text.splitlines():
    if line.startswith("-- "):
        name = line[3:]
        counts[name] = 0
    elif name:
        counts[name] += 1
print("rows: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
walls, inside = [], []
with open("/dev/null", "wb") as null:
    for _ in range(runs):
        t = time.perf_counter()
        run(sql, null)
        walls.append(time.perf_counter() - t)
for _ in range(runs):
    out = run(timed, subprocess.PIPE).stdout.decode()
    real = [float(x) for x in re.findall(r"Run Time: real ([0-9.]+)", out)]
    inside.append(sum(real[-3:]))
print(f"sqlite3 process, open to exit ({runs} runs): median {statistics.median(walls)*1000:.1f} ms, "
      f"min {min(walls)*1000:.1f} ms")
print(f"the three queries inside it (.timer, ms resolution): median "
      f"{statistics.median(inside)*1000:.1f} ms, min {min(inside)*1000:.1f} ms")
PY
