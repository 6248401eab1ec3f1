#!/usr/bin/env python3
"""Trunk post_build hook: turns Trunk's staged output into a deployable, offline-capable site.

Trunk runs this after it has written the build to TRUNK_STAGING_DIR and before it moves it to dist/. It:
1. copies `public/` (manifest, icons) into the build; the service-worker template and the language script are
   handled in steps 6 and 3;
2. moves Trunk's inline `<script type="module">` loader into a content-hashed file, so the
   Content-Security-Policy needs no 'unsafe-inline' and no hash, and refuses any other inline script or style;
   the loader starts the wasm download once the page has been painted, instead of Trunk's preload in the head;
3. copies the language packs build.rs wrote (one per language: the interface strings and the scenario texts,
   which the wasm does not carry) from the wasm build's OUT_DIR, checking that the wasm names exactly these, and
   adds public/lang.js, with their names filled in, to the page's head as a content-hashed file with its
   integrity hash: it shows a pre-rendered page in the right language before the first paint and starts the
   download of that language's pack next to the wasm's;
4. fills the base path (TRUNK_PUBLIC_URL, e.g. "/" or "/claimdesk/") into `<meta name="claimdesk-base">`
   and into the page's relative links (manifest, icons), which would otherwise break on deep links;
5. pre-renders the pages with the app itself (tools/prerender.mjs, in Debian's Chromium): index.html, one page
   per wizard, the loading pages of the routes whose content is stored, and 404.html, which GitHub Pages answers
   other paths with (deep links load the app);
6. writes sw.js from public/sw.js with the list of the files to precache, the packs and the files worker's
   files (both kept as they are used, never downloaded by a first visit) and a cache version that is a hash of
   the build's contents (Trunk's file names are hashed before wasm-opt runs, so names alone can miss a change);
7. (before the others) gives the files worker's files (src/bin/files_worker.rs; Trunk names a worker's files
   after its binary, unhashed) names with a hash of their content, writes its loader, and fills that loader's
   address into `<meta name="claimdesk-files-worker">`, so a page always starts the worker of its own build.
Standard library only, apart from step 5's Node script.
"""

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

SW_TEMPLATE = "sw.js"
LANG_SCRIPT = "lang.js"
# Files of the build that the service worker does not precache: itself, and the wizards' pre-rendered pages,
# which only a first visit needs (offline, the worker answers their addresses with the generic loading page).
NOT_PRECACHED = {"sw.js"}
NOT_PRECACHED_DIRS = ("wizard/",)
# build.rs names each pack by language and content hash; only the pack of the language in use is downloaded.
PACK_NAME = re.compile(r"^pack-([a-z]{2})-[0-9a-f]{16}\.json$")
# The files worker's binary (index.html's `data-type="worker"` link); Trunk writes <name>.js and <name>_bg.wasm.
FILES_WORKER = "files_worker"
FILES_WORKER_META = re.compile(r"(<meta name=\"claimdesk-files-worker\" content=\")[^\"]*(\")")

INLINE_MODULE = re.compile(r"<script type=\"module\"([^>]*)>(.*?)</script>", re.S)
ANY_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
BASE_META = re.compile(r"(<meta name=\"claimdesk-base\" content=\")[^\"]*(\")")
RELATIVE_LINK = re.compile(r"(<link\b[^>]*?\bhref=\")(?![a-z][a-z0-9+.-]*:|/|#)([^\"]+\")")


def fail(message):
    sys.exit(f"post_build: {message}")


def normalise_base(public_url):
    """Trunk's public URL as a path that starts and ends with '/'."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", public_url):
        fail(f"an absolute public URL ({public_url}) is not supported: use a path such as /claimdesk/")
    return "/" + public_url.strip("/") + "/" if public_url.strip("/") else "/"


def copy_public(public_dir, staging):
    for source in sorted(public_dir.rglob("*")):
        relative = source.relative_to(public_dir)
        if source.is_dir() or relative.as_posix() in (SW_TEMPLATE, LANG_SCRIPT):
            continue
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def check_manifest(path):
    """Every URL in the manifest must be relative: it is resolved against the manifest's own URL, so one
    manifest works at a domain root and under any sub-path."""
    manifest = json.loads(path.read_text(encoding="utf-8"))
    urls = [manifest.get("start_url", ""), manifest.get("scope", ""), manifest.get("id", "")]
    urls += [icon["src"] for icon in manifest.get("icons", [])]
    for url in urls:
        if url.startswith("/") or re.match(r"^[a-z][a-z0-9+.-]*:", url):
            fail(f"manifest URL {url!r} must be relative to the manifest (e.g. './' or 'icons/x.png')")


def hashed_script(data, staging, stem):
    """Writes `data` as <stem>-<content hash>.js; returns that name and the file's integrity hash."""
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}.js"
    (staging / name).write_bytes(data)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
    return name, integrity


def copy_packs(source, staging, wasm_name):
    """Copies this build's language packs into the site; returns {language: file name}."""
    target = Path(os.environ.get("CARGO_TARGET_DIR") or source / "target")
    profile = os.environ.get("TRUNK_PROFILE", "release")
    wasm = (staging / wasm_name).read_bytes()
    # Every build of the package that ran build.rs has such a directory: the wasm names the packs it expects.
    for packs_dir in sorted(target.glob(f"wasm32-unknown-unknown/{profile}/build/claimdesk-*/out/packs")):
        packs = {m.group(1): p for p in packs_dir.iterdir() if (m := PACK_NAME.match(p.name))}
        if packs and all(p.name.encode("ascii") in wasm for p in packs.values()):
            for path in packs.values():
                shutil.copyfile(path, staging / path.name)
            return {lang: path.name for lang, path in sorted(packs.items())}
    fail(f"no language packs named by the wasm under {target}/wasm32-unknown-unknown/{profile}/build/ (build.rs writes them)")


def fill_placeholder(text, placeholder, value, what):
    if text.count(placeholder) != 1:
        fail(f"{what} must contain {placeholder} exactly once")
    return text.replace(placeholder, value)


def add_lang_script(html, staging, base, public_dir, packs, wasm):
    """A classic (blocking) script at the end of the head: it must run before the body is parsed, and the
    stylesheet, wasm and JavaScript requests above it must start before the parser waits for it."""
    script = (public_dir / LANG_SCRIPT).read_text(encoding="utf-8")
    urls = {lang: base + name for lang, name in packs.items()}
    script = fill_placeholder(script, "__PACKS__", json.dumps(urls), f"public/{LANG_SCRIPT}")
    script = fill_placeholder(script, "__WASM__", json.dumps(base + wasm), f"public/{LANG_SCRIPT}")
    name, integrity = hashed_script(script.encode("utf-8"), staging, "lang")
    tag = f'<script src="{base}{name}" integrity="{integrity}"></script>'
    if html.count("</head>") != 1:
        fail("index.html must contain </head> exactly once")
    return html.replace("</head>", f"{tag}\n</head>")


def externalise_loader(html, staging, base):
    """Replaces Trunk's inline module loader with a file of the same content, which starts the wasm after the
    first paint (see WASM_AFTER_PAINT), and drops Trunk's preload of the wasm."""
    loaders = INLINE_MODULE.findall(html)
    inline = [(attrs, body) for attrs, body in loaders if "src=" not in attrs]
    if len(inline) != 1:
        fail(f"expected exactly one inline module loader from Trunk, found {len(inline)}")
    body = inline[0][1].strip() + "\n"
    if body.count("await init(") != 1:
        fail("Trunk's loader no longer calls `await init(` once: check the wasm-after-paint step")
    body = body.replace("const wasm = await init(", WASM_AFTER_PAINT + "const wasm = await init(")
    html, preloads = WASM_PRELOAD.subn("", html)
    if preloads != 1:
        fail(f"expected Trunk's one preload of the wasm, found {preloads}")
    name, integrity = hashed_script(body.encode("utf-8"), staging, "loader")
    tag = f'<script type="module" src="{base}{name}" integrity="{integrity}"></script>'
    html = INLINE_MODULE.sub(lambda m: tag if "src=" not in m.group(1) else m.group(0), html, count=0)
    for attrs, script_body in ANY_SCRIPT.findall(html):
        if "src=" not in attrs or script_body.strip():
            fail("an inline <script> is left in index.html: the CSP forbids it")
    if re.search(r"<style\b|\sstyle=\"", html):
        fail("inline styles in index.html: the CSP (style-src 'self') forbids them")
    return html


# The wasm is by far the largest download: on a slow connection it would share the line with the stylesheet and
# the language script that the first paint waits for. The pre-rendered page is painted first (its links work
# without the app), then the wasm comes: after the browser's first contentful paint where it reports one (a frame
# merely begun can reach the screen after a fast wasm has already replaced the page), else after one frame. A
# returning visitor's files all come from the service worker's cache, where nothing competes for the line: the
# wasm starts at once, as it does on a hidden page (which paints nothing) or one still unpainted after 3 s.
WASM_AFTER_PAINT = """await new Promise((painted) => {
  const paintTiming = typeof PerformanceObserver === "function" && (PerformanceObserver.supportedEntryTypes || []).includes("paint");
  const fromCache = Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
  if (fromCache || document.visibilityState !== "visible" || performance.getEntriesByName("first-contentful-paint").length) return painted();
  if (!paintTiming) return requestAnimationFrame(() => setTimeout(painted, 0));
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length) observer.disconnect(), painted();
  }).observe({ type: "paint", buffered: true });
  setTimeout(painted, 3000);
});
"""
WASM_PRELOAD = re.compile(r"<link rel=\"preload\" href=\"[^\"]+\.wasm\"[^>]*>")


# The page posts its request as soon as the worker exists, while the wasm is still loading: the message would reach
# a worker with no handler yet and be lost. The loader keeps such messages and hands them to the wasm's handler
# once it is set. A wasm that fails to load is thrown as an uncaught error, which the page hears as the worker's
# `error` event (a rejected promise alone would leave the page waiting).
FILES_WORKER_LOADER = """const early = [];
self.onmessage = (event) => early.push(event);
importScripts(__SCRIPT__);
wasm_bindgen({ module_or_path: __WASM__ }).then(
  () => early.forEach((event) => self.onmessage(event)),
  (error) => setTimeout(() => { throw error; }),
);
"""


def hash_files_worker(staging):
    """Renames the worker's script and wasm to <name>-<hash>.js / <name>-<hash>_bg.wasm and writes its loader
    <name>_loader-<hash>.js (a classic worker script: importScripts, then wasm-bindgen's no-modules init with the
    wasm's address, both relative to the loader, so the base path needs no filling in). Returns the loader's
    name and every file of the worker."""
    script, wasm = staging / f"{FILES_WORKER}.js", staging / f"{FILES_WORKER}_bg.wasm"
    if not script.is_file() or not wasm.is_file():
        fail(f"Trunk wrote no {script.name} and {wasm.name}: is the files worker's link still in index.html?")
    digest = hashlib.sha256(script.read_bytes() + b"\0" + wasm.read_bytes()).hexdigest()[:16]
    hashed_script, hashed_wasm = f"{FILES_WORKER}-{digest}.js", f"{FILES_WORKER}-{digest}_bg.wasm"
    script.rename(staging / hashed_script)
    wasm.rename(staging / hashed_wasm)
    loader = f"{FILES_WORKER}_loader-{digest}.js"
    (staging / loader).write_text(
        FILES_WORKER_LOADER.replace("__SCRIPT__", json.dumps("./" + hashed_script)).replace(
            "__WASM__", json.dumps("./" + hashed_wasm)
        ),
        encoding="utf-8",
    )
    stray = staging / f"{FILES_WORKER}_loader.js"
    if stray.exists():
        stray.unlink()  # Trunk's own shim (data-loader-shim) names the unhashed files: never shipped
    return loader, [hashed_script, hashed_wasm, loader]


def fill_files_worker(html, base, loader):
    html, count = FILES_WORKER_META.subn(lambda m: m.group(1) + base + loader + m.group(2), html)
    if count != 1:
        fail('index.html must contain <meta name="claimdesk-files-worker" content=""> exactly once')
    return html


def fill_base(html, base):
    html, count = BASE_META.subn(lambda m: m.group(1) + base + m.group(2), html)
    if count != 1:
        fail('index.html must contain <meta name="claimdesk-base" content="/"> exactly once')
    return RELATIVE_LINK.sub(lambda m: m.group(1) + base + m.group(2), html)


def build_files(staging):
    """Every file of the build, as paths relative to the site root, sorted."""
    return sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(staging).parts)
    )


def content_version(staging, files):
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((staging / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(template_path, staging, packs, on_demand):
    template = template_path.read_text(encoding="utf-8")
    pack_files = sorted(packs.values())
    on_demand = sorted(on_demand)
    precache = [
        name
        for name in build_files(staging)
        if name not in NOT_PRECACHED
        and not name.startswith(NOT_PRECACHED_DIRS)
        and name not in pack_files
        and name not in on_demand
    ]
    version = content_version(staging, precache + pack_files + on_demand)
    worker = fill_placeholder(template, "__BUILD_VERSION__", version, str(template_path))
    worker = fill_placeholder(worker, "__PRECACHE_LIST__", json.dumps(precache, indent=2), str(template_path))
    worker = fill_placeholder(worker, "__PACK_LIST__", json.dumps(pack_files), str(template_path))
    worker = fill_placeholder(worker, "__ON_DEMAND_LIST__", json.dumps(on_demand), str(template_path))
    (staging / "sw.js").write_text(worker, encoding="utf-8")
    return version, precache


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", ""))
    if not staging.is_dir():
        fail("TRUNK_STAGING_DIR is not set: this script runs as a Trunk post_build hook")
    source = Path(os.environ.get("TRUNK_SOURCE_DIR", "."))
    base = normalise_base(os.environ.get("TRUNK_PUBLIC_URL", "/"))
    public_dir = source / "public"

    copy_public(public_dir, staging)
    check_manifest(staging / "manifest.webmanifest")

    worker_loader, worker_files = hash_files_worker(staging)
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    html = externalise_loader(html, staging, base)
    html = fill_base(html, base)
    html = fill_files_worker(html, base, worker_loader)
    wasm = [p.name for p in staging.glob("*.wasm") if p.name not in worker_files]
    if len(wasm) != 1:
        fail(f"expected one wasm file from Trunk, found {len(wasm)}")
    packs = copy_packs(source, staging, wasm[0])
    html = add_lang_script(html, staging, base, public_dir, packs, wasm[0])
    index.write_text(html, encoding="utf-8")
    prerender = subprocess.run(["node", str(source / "tools" / "prerender.mjs"), str(staging), base], check=False)
    if prerender.returncode != 0:
        fail("pre-rendering the pages failed (see above)")

    version, precache = write_service_worker(public_dir / SW_TEMPLATE, staging, packs, worker_files)
    print(f"post_build: base {base}, {len(precache)} files precached, {len(worker_files)} kept on demand, cache version {version}")


if __name__ == "__main__":
    main()
