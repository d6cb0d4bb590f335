#!/usr/bin/env bash
# The lookup bench's baseline: psql running the SELECT inside applicant_copies — the text is
# taken from the migration itself, so it is the same query — for the same IIN/BINs in the same
# order, on the country-size shared store the bench made (rastau_bench_country_v1). One psql
# process, one connection, as the cluster's superuser (the function runs as its owner, which
# row-level security does not restrict either); `\timing` gives each query's time as psql sees
# it, sent to its answer read. Also, like for like: psql calling applicant_copies(...) itself
# as the bench's installation (KZ-001-BENCH), which writes the lookup's row and commits.
#
# Usage: bash crates/shared/benches/lookup-psql-baseline.sh
#        (ROUNDS=N, default 5, times through the IIN/BIN set; DB=name)
# Needs: psql, python3, and RASTAU_TEST_POSTGRES, the superuser's URL of the bench's cluster.
set -euo pipefail

url=${RASTAU_TEST_POSTGRES:?set RASTAU_TEST_POSTGRES to the cluster the bench ran on}
rounds=${ROUNDS:-5}
db=${DB:-rastau_bench_country_v1}
server=${url%/*}
here=$(cd "$(dirname "$0")" && pwd)
migration="$here/../src/migrations/0001_foundation.sql"
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ "$(q "$server/postgres" -Atc "SELECT count(*) FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    echo "no database $db; make it with: cargo bench -p rastau-shared --bench lookup" >&2
    exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/rastau-lookup-baseline.XXXXXX")
trap 'rm -rf "$dir"' EXIT
q "$server/$db" -Atc "SELECT tax_id FROM bench.lookup_iin ORDER BY n" >"$dir/iins"
echo "$db: $(q "$server/$db" -Atc "SELECT log FROM bench.generation")"
echo "$(wc -l <"$dir/iins") IIN/BINs, $rounds rounds"

role=$(q "$server/$db" -Atc "SELECT role_name FROM installation WHERE installation_code = 'KZ-001-BENCH'")
if [ -z "$role" ]; then
    echo "no installation KZ-001-BENCH; run the bench first: cargo bench -p rastau-shared --bench lookup" >&2
    exit 1
fi
password=$(openssl rand -hex 24)
q "$server/$db" -c "ALTER ROLE $role LOGIN PASSWORD '$password'"
as_installation=$(echo "$server/$db" | sed -E "s#^postgres(ql)?://[^@]*@#postgres://$role:$password@#")

python3 - "$migration" "$dir" "$rounds" <<'PY'
import re, sys
migration, out, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(migration).read()
function = text.split("CREATE FUNCTION applicant_copies")[1]
select = function.split("RETURN QUERY")[1].split(";")[0].strip()
iins = open(f"{out}/iins").read().split()
with open(f"{out}/select.sql", "w") as f, open(f"{out}/function.sql", "w") as g:
    for s in (f, g):
        s.write("\\o /dev/null\n\\timing on\n")
    for _ in range(rounds):
        for iin in iins:
            f.write(select.replace("p_tax_id", f"'{iin}'") + ";\n")
            g.write(f"SELECT * FROM applicant_copies('{iin}', '900202400223', '2026/000042');\n")
PY

report() {
    python3 - "$1" "$2" <<'PY'
import re, statistics, sys
name, path = sys.argv[1], sys.argv[2]
times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", open(path).read())]
times.sort()
p95 = times[int(len(times) * 0.95) - 1]
print(f"{name} ({len(times)} queries): median {statistics.median(times):.3f} ms, "
      f"mean {statistics.mean(times):.3f} ms, p95 {p95:.3f} ms, min {times[0]:.3f} ms")
PY
}
# Once untimed, as the bench warms up: the same pages in the cache for both.
q "$server/$db" -f "$dir/select.sql" >/dev/null
q "$server/$db" -f "$dir/select.sql" >"$dir/select.out"
report "psql, the SELECT inside applicant_copies, as the superuser" "$dir/select.out"
q "$as_installation" -f "$dir/function.sql" >"$dir/function.out"
report "psql, applicant_copies(...) as the installation (a lookup row written and committed each)" "$dir/function.out"
# What waiting for the lookup row's WAL flush costs: the same calls, the session's commits not
# waiting for the disk (not what Rastau does; for the README's figures only).
{ echo "SET synchronous_commit = off;"; cat "$dir/function.sql"; } >"$dir/async.sql"
q "$as_installation" -f "$dir/async.sql" >"$dir/async.out"
report "psql, applicant_copies(...) as the installation, synchronous_commit off" "$dir/async.out"
