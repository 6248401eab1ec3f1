#!/usr/bin/env python3
"""Runs every test layer of Claimdesk and closes with one line counting them all (`make test` calls this).

    python3 tools/run_tests.py                 # all layers
    python3 tools/run_tests.py native e2e      # only the named layers (lint, native, wasm, build, e2e, engines)

Layers, in order:
  lint    cargo fmt --check; cargo clippy --all-targets -- -D warnings, natively and for wasm32
          (each check counts as one test: passed when it exits 0, failed otherwise)
  native  cargo test                                   pure modules, translation completeness
  wasm    cargo test --target wasm32-unknown-unknown   browser adapters in headless Chromium (CHROMEDRIVER),
          then again in headless Firefox ESR (GECKODRIVER; webdriver.json names both browsers)
  build   make build; make build-sub                   release builds at "/" and at "/claimdesk/"
  e2e     node --test tests/e2e/*.test.mjs at /claimdesk/, then the files marked @both-bases at / as well
          (the release builds in Chromium, playwright-core)
  engines node --test tests/engines/*.test.mjs, ENGINE=firefox and ENGINE=webkit   the root build in Firefox ESR
          (geckodriver) and WebKitGTK (WebKitWebDriver under xvfb-run), through selenium-webdriver

Every layer runs even when an earlier one failed (an end-to-end run needs its build, though), so one
run shows everything that is broken. Counts come from cargo's "test result:" lines and from the totals
of node's spec reporter; a command that fails without reporting a failed test (a compile error, a
crash) counts as one failure, and a check that reports no tests (a lint) counts as one test, passed
when it exits 0. The last line reads "Total: N passed, N failed, N skipped"; the exit
status is non-zero when anything failed or no test ran at all.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARGO_RESULT = re.compile(r"^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored")
NODE_TOTAL = re.compile(r"^ℹ (pass|fail|cancelled|skipped|todo) (\d+)\s*$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# The mark of an end-to-end file that also runs against the build at the domain root (see `layers`).
BOTH_BASES = "@both-bases"


class Layer:
    def __init__(self, name, group, command, env=None, needs=None, check=False, unset=()):
        self.name, self.group, self.command, self.env, self.needs = name, group, command, env or {}, needs
        # Variables removed from the environment (the wasm test runner picks the first driver it finds set).
        self.unset = unset
        # A check (fmt, clippy) prints no test counts: its exit status is its one result.
        self.check = check
        self.passed = self.failed = self.skipped = 0
        self.exit_code = None
        self.seconds = 0.0
        self.note = ""

    def run(self):
        print(f"\n=== {self.name}: {' '.join(self.command)}", flush=True)
        started = time.monotonic()
        env = {k: v for k, v in {**os.environ, **self.env}.items() if k not in self.unset}
        with subprocess.Popen(
            self.command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", errors="replace", bufsize=1,
        ) as process:
            for line in process.stdout:
                sys.stdout.write(line)
                self.count(ANSI.sub("", line).strip())
        self.exit_code = process.returncode
        self.seconds = time.monotonic() - started
        if self.exit_code != 0 and self.failed == 0:
            self.failed = 1
            self.note = f"exited with {self.exit_code} before reporting a failed test"
        elif self.check and self.exit_code == 0 and self.passed + self.failed == 0:
            self.passed = 1
        elif self.passed + self.failed == 0:
            # A test layer that ran nothing proves nothing (a filter that matches no file, a suite that skips all).
            self.failed = 1
            self.note = "reported no tests"

    def count(self, line):
        match = CARGO_RESULT.match(line)
        if match:
            self.passed += int(match[1])
            self.failed += int(match[2])
            self.skipped += int(match[3])
            return
        match = NODE_TOTAL.match(line)
        if match:
            kind, n = match[1], int(match[2])
            if kind == "pass":
                self.passed += n
            elif kind in ("fail", "cancelled"):
                self.failed += n
            else:
                self.skipped += n

    def skip_because(self, reason):
        self.failed = 1
        self.note = reason

    def summary(self):
        counts = f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped"
        timing = f"{self.seconds:6.1f} s" if self.exit_code is not None else "    -   "
        return f"  {self.name:<34} {counts:<36} {timing}  {self.note}".rstrip()


def layers():
    chromedriver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    geckodriver = os.environ.get("GECKODRIVER") or shutil.which("geckodriver") or "geckodriver"
    e2e_paths = sorted((ROOT / "tests" / "e2e").glob("*.test.mjs"))
    e2e_files = [str(p.relative_to(ROOT)) for p in e2e_paths]
    # The whole suite runs at the sub-path (the harder case: every link and cache name carries it); at the domain
    # root only the files whose subject is the base path itself, marked `@both-bases` near their top.
    root_files = [str(p.relative_to(ROOT)) for p in e2e_paths if BOTH_BASES in p.read_text(encoding="utf-8")[:2000]]
    node = ["node", "--test", "--test-reporter=spec", "--test-timeout=300000", *e2e_files]
    node_root = ["node", "--test", "--test-reporter=spec", "--test-timeout=300000", *root_files]
    engine_files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "engines").glob("*.test.mjs"))
    engine_node = ["node", "--test", "--test-reporter=spec", "--test-timeout=300000", *engine_files]
    # A build is a check: it passes when it exits 0.
    build_root = Layer("release build at /", "build", ["make", "build"], check=True)
    build_sub = Layer("release build at /claimdesk/", "build", ["make", "build-sub"], check=True)
    clippy = ["cargo", "clippy", "--all-targets", "--", "-D", "warnings"]
    return [
        Layer("lint: cargo fmt --check", "lint", ["cargo", "fmt", "--check"], check=True),
        Layer("lint: clippy (native)", "lint", clippy, check=True),
        Layer("lint: clippy (wasm32)", "lint",
              ["cargo", "clippy", "--target", "wasm32-unknown-unknown", "--all-targets", "--", "-D", "warnings"],
              check=True),
        Layer("native: cargo test", "native", ["cargo", "test"]),
        Layer("wasm: cargo test (Chromium)", "wasm", ["cargo", "test", "--target", "wasm32-unknown-unknown"],
              env={"CHROMEDRIVER": chromedriver}, unset=("GECKODRIVER", "SAFARIDRIVER")),
        Layer("wasm: cargo test (Firefox)", "wasm", ["cargo", "test", "--target", "wasm32-unknown-unknown"],
              env={"GECKODRIVER": geckodriver}, unset=("CHROMEDRIVER", "SAFARIDRIVER")),
        build_root,
        build_sub,
        Layer("e2e at / (@both-bases files)", "e2e", node_root, env={"BASE_PATH": "/", "DIST_DIR": "dist"},
              needs=build_root),
        Layer("e2e at /claimdesk/", "e2e", node, env={"BASE_PATH": "/claimdesk/", "DIST_DIR": "dist-sub"},
              needs=build_sub),
        # Firefox ESR and WebKitGTK through WebDriver (playwright-core cannot drive Debian's builds).
        Layer("engines: Firefox at /", "engines", engine_node, env={"ENGINE": "firefox", "BASE_PATH": "/", "DIST_DIR": "dist"},
              needs=build_root),
        Layer("engines: WebKit at /", "engines", engine_node, env={"ENGINE": "webkit", "BASE_PATH": "/", "DIST_DIR": "dist"},
              needs=build_root),
    ]


def main():
    wanted = set(sys.argv[1:])
    all_layers = layers()
    unknown = wanted - {layer.group for layer in all_layers}
    if unknown:
        sys.exit(f"run_tests.py: unknown layer(s) {', '.join(sorted(unknown))}; choose from lint, native, wasm, build, e2e, engines")
    # Asking for e2e alone still builds first: the suite must run against the current sources.
    if "e2e" in wanted or "engines" in wanted:
        wanted.add("build")
    selected = [layer for layer in all_layers if not wanted or layer.group in wanted]

    started = time.monotonic()
    for layer in selected:
        if layer.needs is not None and layer.needs.exit_code != 0:
            layer.skip_because(f"not run: {layer.needs.name} failed")
            continue
        layer.run()

    passed = sum(layer.passed for layer in selected)
    failed = sum(layer.failed for layer in selected)
    skipped = sum(layer.skipped for layer in selected)
    print(f"\n=== Summary ({time.monotonic() - started:.0f} s)")
    for layer in selected:
        print(layer.summary())
    if passed + failed == 0:
        print("  no test ran: counting that as a failure")
        failed = 1
    print(f"Total: {passed} passed, {failed} failed, {skipped} skipped", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
