#!/usr/bin/env bash
# Runs each cargo-fuzz target for SECONDS (default 300) on the stable toolchain.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # targets: extract docx_xml fields
#
# cargo-fuzz wants nightly flags; RUSTC_BOOTSTRAP=1 lets the machine's stable compiler take
# them. No sanitizer: the point is crashes and hangs of the host process, not UB detection.
# `extract` runs in fork mode and goes on after a crash, as the app's worker pool does; each
# crash input lands in fuzz/artifacts/<target>/ and should become a regression test.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract docx_xml fields)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in "${targets[@]}"; do
  work="${TMPDIR:-/tmp}/cvdeck-fuzz-corpus/$target"
  mkdir -p "$work"
  extra=()
  if [ "$target" = extract ]; then
    extra=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
  fi
  echo "== $target for ${seconds}s"
  cargo fuzz run --sanitizer none -O "$target" "$work" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" \
    2>&1 | grep -E "^(Done|stat::|INFO: fuzzing|#[0-9]+: cov.*(crash|oom)|==[0-9]+== ERROR|SUMMARY)" | tail -n 12
done
