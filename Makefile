# CV Deck — `make run` and `make test` set up what is missing, then run.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CARGO_TERM_COLOR ?= never

.PHONY: run test bench score setup setup-test ui lint check-architecture package test-package test-windows

run: setup ui
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "No display: running under Xvfb (xvfb-run). Install xvfb or set DISPLAY."; \
	  xvfb-run -a dbus-run-session -- cargo run --bin cvdeck; \
	else cargo run --bin cvdeck; fi

test: setup-test ui lint check-architecture
	xvfb-run -a dbus-run-session -- cargo test --workspace --no-fail-fast
	# The UI's component tests, in headless Chromium.
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$$(command -v chromedriver) \
	  cargo test -p cvdeck-ui --target wasm32-unknown-unknown --lib
	# The packages (of the debug build the tests used), installed and uninstalled here (apt: root or sudo).
	scripts/test-package.sh --debug
	# The Windows build: the CLI and engine under Wine, the app type-checked.
	scripts/test-windows.sh

# What people install: target/package/*.deb and *.tar.gz (release build, Tauri's bundler).
package: setup
	scripts/package.sh

test-package: setup-test
	scripts/test-package.sh

test-windows: setup-test
	scripts/test-windows.sh

# The figures in BENCHMARKS.md: parse, import and library (cvdeck-dev, which times the
# shipped cvdeck-cli), grid (real window).
BENCH_DIR ?= target/bench
bench: setup-test ui
	cargo build --release -p cvdeck-cli -p cvdeck-dev
	mkdir -p $(BENCH_DIR)
	./target/release/cvdeck-dev generate --count 400 --out $(BENCH_DIR)/gen
	./target/release/cvdeck-dev bench-parse $(BENCH_DIR)/gen --runs 5 | tail -n 2
	./target/release/cvdeck-dev bench-import --dir $(BENCH_DIR)/import --count 10000
	./target/release/cvdeck-dev bench-library --dir $(BENCH_DIR)/library --count 100000
	xvfb-run -a dbus-run-session -- cargo bench --bench grid
	cargo bench --bench grid_web

# The parser on the shared corpus: tune and check halves (scripts/corpus-split.py), per field.
SCORE_DIR ?= target/score
score:
	cargo build -q -p cvdeck-cli
	rm -rf $(SCORE_DIR) && mkdir -p $(SCORE_DIR)
	./target/debug/cvdeck-cli parse ../shared/corpus/files --out $(SCORE_DIR) > /dev/null
	python3 scripts/score.py $(SCORE_DIR)

setup:
	scripts/setup.sh run

setup-test:
	scripts/setup.sh test

ui:
	scripts/build-ui.sh

lint:
	scripts/licences.py --check
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p cvdeck-ui --target wasm32-unknown-unknown --all-targets -- -D warnings

check-architecture:
	scripts/check-architecture.sh
