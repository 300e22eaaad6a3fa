#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600) on the stable toolchain:
# RUSTC_BOOTSTRAP lets cargo-fuzz pass its flags, and --sanitizer none needs no nightly runtime.
#   cargo install cargo-fuzz && bash fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bank result goals answers sanitize result_ids markdown)
export RUSTC_BOOTSTRAP=1
cargo fuzz build --sanitizer none -O
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "== $t: ${seconds}s"
  cargo fuzz run --sanitizer none -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 2>&1 | tail -n 25 | tee "logs-$t.txt"
done
