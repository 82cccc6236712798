#!/bin/sh
# Score PLOVER breadth: bench/plover_eval.sh [OUT.jsonl]
set -e
OUT=${1:-/tmp/plover_out.jsonl}
REC=../shared/corpora/plover-gsr/records.jsonl
python3 bench/plover_eval.py "$REC" "$OUT"
python3 ../shared/eval/score_plover.py "$REC" "$OUT"
