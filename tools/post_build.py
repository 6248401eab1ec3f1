#!/usr/bin/env python3
"""Trunk post_build hook: turns Trunk's staged output into a deployable, offline-capable site.

Trunk runs this after it has written the build to TRUNK_STAGING_DIR and before it moves it to dist/. It:
1. copies `public/` (manifest, icons) into the build; the service-worker template is handled in step 5;
2. moves Trunk's inline `<script type="module">` loader into a content-hashed file, so the
   Content-Security-Policy needs no 'unsafe-inline' and no hash, and refuses any other inline script or style;
3. fills the base path (TRUNK_PUBLIC_URL, e.g. "/" or "/claimdesk/") into `<meta name="claimdesk-base">`
   and into the page's relative links (manifest, icons), which would otherwise break on deep links;
4. writes 404.html as a copy of index.html (GitHub Pages answers unknown paths with it: deep links load the app);
5. writes sw.js from public/sw.js with the exact list of the build's files and a cache version that is a
   hash of their contents (Trunk's file names are hashed before wasm-opt runs, so names alone can miss a change).
Standard library only.
"""

import base64
import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

SW_TEMPLATE = "sw.js"
# Files of the build that the service worker does not precache: itself, and 404.html (a byte-for-byte
# copy of index.html, which the worker already serves for every navigation).
NOT_PRECACHED = {"sw.js", "404.html"}

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
        if source.is_dir() or relative.as_posix() == SW_TEMPLATE:
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


def externalise_loader(html, staging, base):
    """Replaces Trunk's inline module loader with a file of the same content."""
    loaders = INLINE_MODULE.findall(html)
    inline = [(attrs, body) for attrs, body in loaders if "src=" not in attrs]
    if len(inline) != 1:
        fail(f"expected exactly one inline module loader from Trunk, found {len(inline)}")
    body = inline[0][1].strip() + "\n"
    data = body.encode("utf-8")
    name = f"loader-{hashlib.sha256(data).hexdigest()[:16]}.js"
    (staging / name).write_bytes(data)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
    tag = f'<script type="module" src="{base}{name}" integrity="{integrity}"></script>'
    html = INLINE_MODULE.sub(lambda m: tag if "src=" not in m.group(1) else m.group(0), html, count=0)
    for attrs, script_body in ANY_SCRIPT.findall(html):
        if "src=" not in attrs or script_body.strip():
            fail("an inline <script> is left in index.html: the CSP forbids it")
    if re.search(r"<style\b|\sstyle=\"", html):
        fail("inline styles in index.html: the CSP (style-src 'self') forbids them")
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


def write_service_worker(template_path, staging):
    template = template_path.read_text(encoding="utf-8")
    precache = [name for name in build_files(staging) if name not in NOT_PRECACHED]
    version = content_version(staging, precache)
    for placeholder in ("__BUILD_VERSION__", "__PRECACHE_LIST__"):
        if template.count(placeholder) != 1:
            fail(f"{template_path} must contain {placeholder} exactly once")
    worker = template.replace("__BUILD_VERSION__", version).replace(
        "__PRECACHE_LIST__", json.dumps(precache, indent=2)
    )
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

    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    html = externalise_loader(html, staging, base)
    html = fill_base(html, base)
    index.write_text(html, encoding="utf-8")
    shutil.copyfile(index, staging / "404.html")

    version, precache = write_service_worker(public_dir / SW_TEMPLATE, staging)
    print(f"post_build: base {base}, {len(precache)} files precached, cache version {version}")


if __name__ == "__main__":
    main()
