# Plaza's two commands for a fresh machine, `make run` and `make test`, plus
# `make bench`. Each first installs what it needs and is missing (.ci/setup).
SHELL := /bin/bash
# wasm-opt comes from npm's binaryen (Debian's breaks the WASM); cargo tools from ~/.cargo/bin.
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run build test bench

## Build in release mode and serve http://127.0.0.1:3000 with the demo city.
run: build
	"$${CARGO_TARGET_DIR:-target}/release/plaza" serve

build:
	.ci/setup run
	cargo leptos build --release --precompress --split

## Everything: fmt, clippy (server and browser), unit, integration (SQLite and
## PostgreSQL), end-to-end in headless Chromium with axe. Ends with "N passed, N failed".
test:
	.ci/setup test
	.ci/test

## Release WASM size, cold start, idle RSS, requests/s and latency.
bench:
	.ci/setup bench
	.ci/bench
