#!/bin/sh
# The lean build for Linux: rolefit linked statically (no libc.so, ld.so or libgcc_s mapped at
# start), at opt-level "z" with static relocations (the `lean` profile in Cargo.toml). It measures
# about 0.9 MiB less peak RSS than the default release build; see BENCHMARKS.md.
#
#   scripts/lean-build.sh            # builds target/<host>/lean/rolefit
#   scripts/lean-build.sh --install  # and puts it on the PATH (cargo install --path . layout)
#
# The flags need `--target`: without it RUSTFLAGS reach the proc-macros too, and a static
# proc-macro cannot be built. The target is pinned only here, never in .cargo/config.toml, so
# `cargo run --release` keeps working on every platform.
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
*-linux-gnu) ;;
*)
    echo "lean-build.sh: the static build is for *-linux-gnu hosts; this is $host." >&2
    echo "Use 'cargo build --release' (or 'cargo install --locked --path .') instead." >&2
    exit 1
    ;;
esac
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static" \
    cargo build --locked --profile lean --target "$host" --bin rolefit
bin="target/$host/lean/rolefit"
echo "built $bin"
if [ "${1:-}" = "--install" ]; then
    dest="${CARGO_HOME:-$HOME/.cargo}/bin"
    mkdir -p "$dest"
    install -m 0755 "$bin" "$dest/rolefit"
    echo "installed $dest/rolefit"
fi
