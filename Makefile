# Claimdesk: every command a developer or CI needs. On a fresh Debian 12 machine (as root) `make serve` and
# `make test` install whatever is missing first; when everything is present at the right version they
# skip straight to the work.
#
#   make serve   build the release and serve it at http://127.0.0.1:8080
#   make test    all test layers: lint (fmt, clippy), native cargo test, wasm-bindgen-test in Chromium, end-to-end (two base paths)
#   make build   release build into dist/ (BASE=/claimdesk/ for a sub-path build)
#   make bench   release build, then node bench/run.mjs
#   make sizes   what each crate and each view costs in the release wasm (twiggy)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Tools installed by this Makefile: cargo's bin dir, and npm's for wasm-opt (binaryen) ahead of any system copy.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# The wasm-bindgen CLI (and its test runner) must be exactly the library version locked in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '$$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
# wasm-opt comes from npm's binaryen; Trunk.toml pins the same major version so Trunk refuses any other.
BINARYEN_MAJOR := $(shell sed -n '/"node_modules\/binaryen": {/,/}/s/.*"version": "\([0-9]*\)\..*/\1/p' package-lock.json)
CHROMEDRIVER ?= /usr/bin/chromedriver
# The Chromium the build pre-renders with and the tests drive (another Chromium-based browser works too, e.g.
# CHROMIUM_PATH=/usr/bin/google-chrome on a GitHub runner).
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
GECKODRIVER_VERSION := 0.37.1
PORT ?= 8080
BASE ?= /
DIST ?= dist
SUB_BASE := /claimdesk/
SUB_DIST := dist-sub
# tools/split/ first on Trunk's PATH: its wasm-bindgen splits the wasm into lazily loaded chunks before calling the
# real one (Trunk has no step between cargo and wasm-bindgen).
TRUNK_BUILD := PATH="$(CURDIR)/tools/split:$$PATH" trunk build --release --offline
# The splitter behind tools/split/wasm-bindgen (the one cargo-leptos uses); its CLI has no --version.
WASM_SPLIT_VERSION := 0.2.4
TWIGGY_VERSION := 0.8.0
# cargo's own release wasm, for `make sizes`: it still has the function names that wasm-opt drops.
SIZES_TARGET := target/sizes

.PHONY: help serve build build-sub test bench sizes tools rust-tools node-tools prerender-browser browser-tools engine-tools document-tools check-versions clean

help:
	@echo "make serve  - install what is missing, build the release, serve it at http://127.0.0.1:$(PORT)"
	@echo "make test   - install test tools, run lint (fmt, clippy), native, wasm-in-Chromium and end-to-end tests"
	@echo "make build  - release build into $(DIST)/ (BASE=/sub/path/ DIST=dir for another base path)"
	@echo "make bench  - release build, then node bench/run.mjs"
	@echo "make sizes  - what each crate and each view costs in the release wasm (twiggy)"
	@echo "make clean  - remove build output (dist/, dist-sub/, test-results/); cargo's target/ stays"

serve: build
	python3 tools/serve.py --dir $(DIST) --port $(PORT)

# A Chromium: the build pre-renders its pages with the app itself (tools/prerender.mjs).
build: tools prerender-browser
	$(TRUNK_BUILD) --dist $(DIST) --public-url $(BASE)

# The same release built for a GitHub-Pages-style sub-path, which the end-to-end suite also runs against.
build-sub: tools prerender-browser
	$(TRUNK_BUILD) --dist $(SUB_DIST) --public-url $(SUB_BASE)

# tools/run_tests.py runs every layer (including both builds, via make), keeps going after a failure,
# and closes with one line counting the passed and failed tests of all layers.
# LAYERS="native wasm" (or lint, build, e2e, engines) runs only those layers.
test: tools browser-tools engine-tools document-tools
	CHROMEDRIVER=$(CHROMEDRIVER) CLAIMDESK_REQUIRE_SOFFICE=1 python3 tools/run_tests.py $(LAYERS)

# Firefox (engine-tools) for the bench's Firefox figures: the 10,000-case load and the localStorage capacity.
bench: build browser-tools engine-tools
	DIST_DIR=$(DIST) node bench/run.mjs

# v0 symbol names carry generic parameters, so Leptos's view code instantiated for a component names it.
sizes: rust-tools
	@[ "$$(twiggy --version 2>/dev/null)" = "twiggy $(TWIGGY_VERSION)" ] || cargo install twiggy --version $(TWIGGY_VERSION) --locked
	RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_TARGET_DIR=$(SIZES_TARGET) \
	  cargo build --release --target wasm32-unknown-unknown --bin claimdesk
	python3 tools/wasm_sizes.py $(SIZES_TARGET)/wasm32-unknown-unknown/release/claimdesk.wasm

tools: rust-tools node-tools check-versions

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@# --debug: Trunk only orchestrates (cargo, wasm-bindgen, wasm-opt do the work), and an unoptimised build of it
	@# compiles in about 4 minutes instead of 14 on 2 cores.
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] \
	  || cargo install trunk@$(TRUNK_VERSION) --locked --debug
	@# No --locked here: a dependency locked by wasm-bindgen-cli is no longer served by the registry.
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  && [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)" ] \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force
	@cargo install --list | grep -qx 'wasm_split_cli_support v$(WASM_SPLIT_VERSION):' \
	  || cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --locked --features build-binary

# npm ci from the committed lock, redone only when package-lock.json changes (or node_modules is gone).
node-tools: node_modules/.claimdesk-installed

node_modules/.claimdesk-installed: package-lock.json package.json
	@command -v npm >/dev/null || { apt-get update && apt-get install -y nodejs npm; }
	npm ci --no-audit --no-fund
	@touch $@

prerender-browser:
	@[ -x "$(CHROMIUM_PATH)" ] || $(MAKE) browser-tools

browser-tools:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }

# LibreOffice opens the letters' DOCX in the native tests (tests/codec_docx.rs converts one to text).
document-tools:
	@command -v soffice >/dev/null \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libreoffice-writer-nogui; }

# Firefox (geckodriver) and WebKitGTK (WebKitWebDriver + MiniBrowser, under xvfb) for the engines layers.
engine-tools:
	@[ -x /usr/bin/firefox-esr ] && [ -x /usr/bin/WebKitWebDriver ] && command -v xvfb-run >/dev/null \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr webkit2gtk-driver xvfb; }
	@[ "$$(geckodriver --version 2>/dev/null | head -n1)" = "geckodriver $(GECKODRIVER_VERSION)" ] \
	  || cargo install geckodriver --version $(GECKODRIVER_VERSION)

# Trunk.toml names the tool versions Trunk accepts; a mismatch with the locks fails late and obscurely.
check-versions:
	@[ -n "$(WASM_BINDGEN_VERSION)" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
	@grep -qx 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml \
	  || { echo "Trunk.toml [tools] wasm_bindgen must be \"$(WASM_BINDGEN_VERSION)\" (the version in Cargo.lock)" >&2; exit 1; }
	@grep -qx 'wasm_opt = "version_$(BINARYEN_MAJOR)"' Trunk.toml \
	  || { echo "Trunk.toml [tools] wasm_opt must be \"version_$(BINARYEN_MAJOR)\" (binaryen in package-lock.json)" >&2; exit 1; }

clean:
	rm -rf dist $(SUB_DIST) test-results
