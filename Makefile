# CV Deck — `make run` and `make test` set up what is missing, then run.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CARGO_TERM_COLOR ?= never

.PHONY: run test setup setup-test ui lint check-architecture test-unit test-e2e bench-parse

run: setup ui
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "No display: running under Xvfb (xvfb-run). Install xvfb or set DISPLAY."; \
	  xvfb-run -a dbus-run-session -- cargo run --bin cvdeck; \
	else cargo run --bin cvdeck; fi

test: setup-test ui lint check-architecture
	xvfb-run -a dbus-run-session -- cargo test --workspace --no-fail-fast

setup:
	scripts/setup.sh run

setup-test:
	scripts/setup.sh test

ui:
	scripts/build-ui.sh

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p cvdeck-ui --target wasm32-unknown-unknown -- -D warnings

check-architecture:
	scripts/check-architecture.sh
