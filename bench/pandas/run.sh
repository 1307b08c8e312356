#!/usr/bin/env bash
# bench/pandas: the same three pipelines in pandas, as ElsaFlow flows (whole `elsaflow run` processes) and as one raw
# DuckDB statement each, on generated 1M- and 5M-row CSVs; outputs compared; the section
# "pandas vs ElsaFlow vs raw DuckDB" of BENCHMARKS.md rewritten. Every flow runs on ElsaFlow's defaults: no setting
# in the flows, no option on the command line but the --input paths. (d) is (a) as a newcomer writes it (literal
# file names, Studio ids) and runs with no option at all, in a folder that holds its orders.csv.
#
#   bench/pandas/run.sh                        # 1M and 5M rows, every pipeline, median of 3
#   SIZES="1000000" PIPELINES="a d" bench/pandas/run.sh
#   R2R=0 bench/pandas/run.sh                  # time `dotnet elsaflow.dll` of a plain Release build instead of the ReadyToRun publish
#   RUNS=1 bench/pandas/run.sh                 # one run per cell instead of the median of 3 (pandas, ElsaFlow, raw interleaved)
#   BENCH_NOTE="measured under load: ..." bench/pandas/run.sh   # a line written above the tables
#
# Needs: apt python3-pandas (for /usr/bin/python3), apt time (/usr/bin/time). Generated data and outputs go to
# $BENCH_DIR (default /tmp/elsaflow-bench-pandas), never into the repository.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$REPO/bench/pandas"
BENCH_DIR="${BENCH_DIR:-/tmp/elsaflow-bench-pandas}"
SIZES="${SIZES:-1000000 5000000}"
PIPELINES="${PIPELINES:-a b c d}"
RUNS="${RUNS:-3}"
PY=/usr/bin/python3
TIME=/usr/bin/time

$PY -c "import pandas" 2>/dev/null || { echo "pandas missing: apt-get install -y python3-pandas" >&2; exit 2; }
[ -x "$TIME" ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 2; }

echo "building (Release) ..." >&2
dotnet build -c Release "$REPO/bench/ElsaFlow.RawDuckDb" -v q -nologo >/dev/null
if [ "${R2R:-1}" = 1 ]; then
  # The CLI as users get the binary (ARCHITECTURE: a published tool): ReadyToRun, so the process does not JIT EF Core,
  # DuckDB.NET and the engine on every start (about 0.7 s of CPU less per run). The restore for linux-x64 would write
  # a runtime section into the committed packages.lock.json files (and break `dotnet restore --locked-mode`), and
  # into obj/ of the normal build: lock file and intermediate files go under $BENCH_DIR instead.
  echo "publishing the CLI (ReadyToRun, linux-x64) into $BENCH_DIR/elsaflow-r2r ..." >&2
  dotnet publish "$REPO/src/Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$BENCH_DIR/r2r-build" -p:NuGetLockFilePath="$BENCH_DIR/r2r-build/packages.lock.json" \
    -o "$BENCH_DIR/elsaflow-r2r" -v q -nologo >/dev/null
  ELSAFLOW="$BENCH_DIR/elsaflow-r2r/elsaflow"
  export ELSAFLOW_SHOWN="elsaflow  # dotnet publish src/Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true;"
else
  dotnet build -c Release "$REPO/src/Cli" -v q -nologo >/dev/null
  ELSAFLOW="dotnet $REPO/src/Cli/bin/Release/net10.0/elsaflow.dll"
fi
export RAWDUCKDB="dotnet $REPO/bench/ElsaFlow.RawDuckDb/bin/Release/net10.0/rawduckdb.dll"

mkdir -p "$BENCH_DIR"
cd "$BENCH_DIR"   # the flows' relative paths resolve against the folder the command runs in
RESULTS="$BENCH_DIR/results.tsv"
: > "$RESULTS"

# timed NAME LOG CMD...: runs CMD under /usr/bin/time, appends "wall_s peak_kb" to the results with the label.
timed() {
  local label="$1" log="$2"; shift 2
  sync
  if ! $TIME -f "%e %M" -o "$BENCH_DIR/time.txt" "$@" >"$log" 2>&1; then
    echo "FAILED: $label (see $log)" >&2; tail -5 "$log" >&2; exit 1
  fi
  echo "$label $(cat "$BENCH_DIR/time.txt")" | tee -a "$RESULTS" >&2
}

for N in $SIZES; do
  DATA="data-$N"
  if [ ! -f "$DATA/orders.csv" ]; then
    echo "generating $N rows into $BENCH_DIR/$DATA ..." >&2
    $RAWDUCKDB gen "$N" "$DATA"
  fi
  OUT="out-$N"
  rm -rf "$OUT" .elsaflow
  mkdir -p "$OUT/pandas/a" "$OUT/pandas/b" "$OUT/pandas/c" "$OUT/pandas/d" "$OUT/logs" "$OUT/elsaflow/d"
  # (d)'s folder: the data root of a flow run with no option; orders.csv is a hard link, so it is inside that root.
  ln -f "$DATA/orders.csv" "$OUT/elsaflow/d/orders.csv"
  for P in $PIPELINES; do
    case $P in
      a) FLOW=summary; PANDAS=("$HERE/summary.py" "$DATA/orders.csv" "$OUT/pandas/a/summary.csv")
         INPUTS=(--input "orders=$DATA/orders.csv" --input "out=$OUT/elsaflow/a/summary.csv");;
      b) FLOW=join; PANDAS=("$HERE/join.py" "$DATA/orders.csv" "$DATA/customers.csv" "$OUT/pandas/b/joined.pkl")
         INPUTS=(--input "orders=$DATA/orders.csv" --input "customers=$DATA/customers.csv" --input "out=$OUT/elsaflow/b/joined.parquet");;
      c) FLOW=dedupe; PANDAS=("$HERE/dedupe.py" "$DATA/orders.csv" "$OUT/pandas/c/orders.csv")
         INPUTS=(--input "orders=$DATA/orders.csv" --input "out=$OUT/elsaflow/c/orders.csv");;
      d) FLOW=newcomer; PANDAS=("$HERE/summary.py" "$DATA/orders.csv" "$OUT/pandas/d/summary.csv"); INPUTS=();;
    esac
    # (a)-(c) run in $BENCH_DIR with their paths as inputs; (d) in its own folder, `elsaflow run FILE` and nothing else.
    if [ "$P" = d ]; then WD="$OUT/elsaflow/d"; RAWP=a; else WD="$BENCH_DIR"; RAWP=$P; fi
    # Single runs on 2 cores vary by 10-30%: the report takes each cell's median, the three tools taking turns.
    for _ in $(seq "$RUNS"); do
      timed "$N $P pandas" "$OUT/logs/$P-pandas.log" $PY "${PANDAS[@]}"
      timed "$N $P elsaflow" "$OUT/logs/$P-elsaflow.log" env -C "$WD" $ELSAFLOW run "$HERE/flows/$FLOW.json" "${INPUTS[@]}"
      ID=$(grep -o 'instance [0-9a-f]*' "$OUT/logs/$P-elsaflow.log" | tail -1 | cut -d' ' -f2)
      env -C "$WD" $ELSAFLOW journal "$ID" > "$OUT/logs/$P-elsaflow-journal.txt" 2>&1 || true
      rm -rf "$WD/.elsaflow"   # the default store and the instance's workspace (one DuckDB file) are not kept
      timed "$N $P raw" "$OUT/logs/$P-raw.log" $RAWDUCKDB "$RAWP" "$DATA" "$OUT/raw/$P"
    done
    case $P in
      a) L="$OUT/pandas/a/summary.csv"; E="$OUT/elsaflow/a/summary.csv"; R="$OUT/raw/a/summary.csv";;
      d) L="$OUT/pandas/d/summary.csv"; E="$OUT/elsaflow/d/summary.csv"; R="$OUT/raw/d/summary.csv";;
      b) L="$OUT/pandas/b/joined.pkl"; E="$OUT/elsaflow/b/joined.parquet"; R="$OUT/raw/b/joined.parquet";;
      c) L="$OUT/pandas/c/orders_*.csv"; E="$OUT/elsaflow/c/orders_*.csv"; R="$OUT/raw/c/parts/part=*/*.csv";;
    esac
    for side in elsaflow raw; do
      [ $side = elsaflow ] && X="$E" || X="$R"
      if verdict=$($PY "$HERE/compare.py" "$RAWP" "$L" "$X"); then ok=equal; else ok=DIFFER; fi
      echo "$N $P compare-$side $ok $verdict" | tee -a "$RESULTS" >&2
    done
  done
done

$PY "$HERE/report.py" "$RESULTS" "$REPO/BENCHMARKS.md" "$BENCH_DIR"
echo "wrote the 'pandas vs ElsaFlow vs raw DuckDB' section of $REPO/BENCHMARKS.md" >&2
