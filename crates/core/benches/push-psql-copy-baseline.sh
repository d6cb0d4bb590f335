#!/usr/bin/env bash
# The catch-up bench's baseline: psql loading, with COPY, the same rows and files a busy day's
# push carries into the shared store.
#
# The catch-up bench (`cargo bench -p rastau-core --bench catch_up`) keeps the database its
# first push filled (rastau_bench_catch_up_pushed). This script exports every table's rows from
# it in COPY's binary format — the files' bytes with them, in the `file` table — then, for each
# run, makes a copy of that database emptied of history (the same schema, center and
# installation; untimed) and times one psql process loading the exports into it with
# `\copy … FROM … (FORMAT binary)`, in one transaction, as the cluster's superuser (no
# row-level security to check, no file hashes to check). The median of the runs is reported.
#
# Usage: bash crates/core/benches/push-psql-copy-baseline.sh
#        (RUNS=N, default 5; DB=name, default rastau_bench_catch_up_pushed)
# Needs: psql, and RASTAU_TEST_POSTGRES, the superuser's URL of the cluster the bench ran on.
set -euo pipefail

if ! command -v psql >/dev/null; then
    echo "psql not found; on Debian: apt-get install -y postgresql-client" >&2
    exit 1
fi
url=${RASTAU_TEST_POSTGRES:?set RASTAU_TEST_POSTGRES to the cluster the bench ran on}
runs=${RUNS:-5}
pushed=${DB:-rastau_bench_catch_up_pushed}
run_db=rastau_bench_catch_up_copy
server=${url%/*}
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ "$(q "$server/postgres" -Atc "SELECT count(*) FROM pg_database WHERE datname = '$pushed'")" != 1 ]; then
    echo "no database $pushed; make it with: cargo bench -p rastau-core --bench catch_up" >&2
    exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/rastau-push-baseline.XXXXXX")
chmod 755 "$dir"
trap 'rm -rf "$dir"; q "$server/postgres" -c "DROP DATABASE IF EXISTS $run_db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

# In the order of the foreign keys; the mark last, as the push moves it last.
tables="file applicant visit document consent certified_copy notice handover signoff audit_entry push_mark"
for t in $tables; do
    q "$server/$pushed" -c "\\copy (SELECT * FROM $t) TO '$dir/$t.bin' (FORMAT binary)"
done
rows=$(for t in $tables; do echo -n "$t $(q "$server/$pushed" -Atc "SELECT count(*) FROM $t"), "; done)
echo "exported from $pushed: ${rows%, }"
echo "export files: $(du -cm "$dir"/*.bin | tail -1 | cut -f1) MB"

load="$dir/load.sql"
for t in $tables; do
    echo "\\copy $t FROM '$dir/$t.bin' (FORMAT binary)"
done >"$load"
history="file, applicant, visit, document, consent, certified_copy, notice, handover, signoff, audit_entry, push_mark, lookup"

times=()
for run in $(seq "$runs"); do
    q "$server/postgres" -c "DROP DATABASE IF EXISTS $run_db WITH (FORCE)" \
        -c "CREATE DATABASE $run_db TEMPLATE $pushed"
    q "$server/$run_db" -c "TRUNCATE $history" -c "CHECKPOINT"
    started=$(date +%s%N)
    q -1 "$server/$run_db" -f "$load"
    ended=$(date +%s%N)
    ms=$(( (ended - started) / 1000000 ))
    times+=("$ms")
    echo "run $run: $ms ms"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "psql \\copy of the same rows and files, one transaction ($runs runs): median $median ms, min $(echo "$sorted" | head -1) ms"
