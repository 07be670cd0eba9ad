#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, as a CTest test:
#   run-fuzzer.sh FUZZER SEED_CORPUS_DIR WORK_DIR
# FENZHANG_FUZZ_SECONDS sets the duration (default 60; CI may use 30). New inputs go to WORK_DIR,
# never into the committed seed corpus; a crash, UB report, leak, timeout (5 s per input) or
# more than 2 GiB of memory fails the test and leaves the input in WORK_DIR/artifacts/.
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3
seconds=${FENZHANG_FUZZ_SECONDS:-60}
mkdir -p "$work/corpus" "$work/artifacts"
exec "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds"
