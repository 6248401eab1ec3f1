#!/usr/bin/env python3
"""What each crate and each view costs in the release wasm, from twiggy (`make sizes`).

    python3 tools/wasm_sizes.py target/wasm32-unknown-unknown/release/claimdesk.wasm

Reads cargo's release wasm (before wasm-bindgen and wasm-opt, which drop the function names twiggy needs) and
prints two Markdown tables: bytes by crate, and bytes by view (`claimdesk::ui::<module>`). Each function is
attributed by its name: to the view whose code it is or was instantiated for (Leptos's generic view code carries
the component's closure types in its name), else to the first crate in its name that is not the standard
library, else to the standard library. The figures are shallow sizes before wasm-opt: the shipped file is about
a third of this (wasm-opt, then gzip), with the same proportions give or take. Standard library only.
"""

import collections
import csv
import io
import pathlib
import re
import subprocess
import sys

UI_DIR = pathlib.Path(__file__).resolve().parent.parent / "src" / "ui"
STD = {"core", "alloc", "std", "compiler_builtins"}
# The first segment of each path in a (demangled) name: "<tachys::view::X<claimdesk::ui::home::Y>>" → tachys, claimdesk.
CRATE = re.compile(r"(?:^|[<\s(&\[,*])([a-z_][a-z0-9_]*)::")
CRATE_HASH = re.compile(r"\[[0-9a-f]{16}\]")
# Sections that never reach the browser: names for tools, and wasm-bindgen's own metadata.
DROPPED = re.compile(r"^\W*(function names|local names|custom section|producers)")


def twiggy_rows(wasm):
    out = subprocess.run(
        ["twiggy", "top", "-n", "10000000", "--format", "csv", wasm], check=True, capture_output=True, text=True
    ).stdout
    for row in csv.DictReader(io.StringIO(out)):
        # v0 names carry each crate's disambiguator: "tachys[f8e474d23b758118]::view" → "tachys::view".
        yield CRATE_HASH.sub("", row["Name"]), int(row["ShallowSize"])


def view_of(name):
    """The ui module a function belongs to; "several views" when its name carries more than one (the router)."""
    views = set()
    for module in re.findall(r"claimdesk::ui::([a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)?)", name):
        # ui::cases::list → cases::list (a file of its own); ui::home::Home, ui::wizard::draft_key → home, wizard.
        parts = module.split("::")
        submodule = len(parts) > 1 and (UI_DIR / parts[0] / f"{parts[1]}.rs").is_file()
        views.add("::".join(parts[:2]) if submodule else parts[0])
    if len(views) > 1:
        return "several views in one name (a page with the views it contains; the routes)"
    return views.pop() if views else None


def crate_of(name):
    if name.startswith("data segment"):
        return "data (strings, tables, constants)"
    crates = [c for c in CRATE.findall(name) if c not in STD]
    if not crates:
        return "Rust standard library (core, alloc)"
    crate = crates[0]
    if crate == "claimdesk":
        module = re.search(r"claimdesk::([a-z_][a-z0-9_]*)", name)
        return f"claimdesk::{module.group(1)}" if module else "claimdesk"
    return crate


def table(title, sizes, total):
    lines = [f"| {title} | bytes | share |", "|---|---:|---:|"]
    for key, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {key} | {size:,} | {100 * size / total:.1f} % |")
    return "\n".join(lines)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    by_crate = collections.Counter()
    by_view = collections.Counter()
    for name, size in twiggy_rows(sys.argv[1]):
        if DROPPED.match(name) or name.startswith(("Σ", "...")):
            continue
        view = view_of(name)
        by_crate["claimdesk::ui (views)" if view else crate_of(name)] += size
        if view:
            by_view[view] += size
    total = sum(by_crate.values())
    small = {k: v for k, v in by_crate.items() if v < total * 0.005}
    by_crate = {k: v for k, v in by_crate.items() if k not in small}
    if small:
        by_crate[f"{len(small)} other crates (each < 0.5 %)"] = sum(small.values())
    print(f"Code and data shipped to the browser, before wasm-opt: {total:,} bytes.\n")
    print(table("Crate", by_crate, total))
    print()
    print(table("View (claimdesk::ui module)", dict(by_view), total))


if __name__ == "__main__":
    main()
