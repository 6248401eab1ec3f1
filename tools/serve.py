#!/usr/bin/env python3
"""Serves a built Claimdesk (`dist/`) the way GitHub Pages does, using only the standard library.

    python3 tools/serve.py                                  # dist/ at http://127.0.0.1:8080/
    python3 tools/serve.py --dir dist-sub --prefix /claimdesk/ --port 0

Behaviour copied from GitHub Pages, so that what passes here passes there:
- correct MIME types (`.wasm` application/wasm, `.webmanifest` application/manifest+json, `.js` text/javascript);
- `/dir` redirects to `/dir/`, and `/dir/` serves `dir/index.html`; `/page` serves `page.html` when it exists;
- any unknown path inside the site answers with the site's `404.html` and status 404 (that file is a copy
  of index.html, which is how deep links such as `/claimdesk/cases` load the app);
- `--prefix` mounts the build under a sub-path, like a project site at `https://<user>.github.io/<repo>/`;
  paths outside the prefix get a plain 404, as they belong to some other site on the same origin.

It binds to loopback only. `--port 0` picks a free port; the first line printed is the site's URL, which the
end-to-end harness reads.
"""

import argparse
import email.utils
import http.server
import os
import posixpath
import signal
import sys
import urllib.parse

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".woff2": "font/woff2",
}


def mime_type(path):
    return MIME_TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")


class SiteHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "claimdesk-serve"

    def version_string(self):
        return self.server_version

    # Set on the class by make_server().
    root = "dist"
    prefix = "/"
    quiet = False

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path + "/" == self.prefix:
            return self.redirect(self.prefix)
        if not path.startswith(self.prefix):
            return self.plain_not_found(send_body)
        relative = path[len(self.prefix):]
        # Normalise and refuse anything that climbs out of the site or names a hidden file (.stage etc.).
        parts = [p for p in posixpath.normpath("/" + relative).split("/") if p]
        if any(p.startswith(".") for p in parts):
            return self.site_not_found(send_body)
        target = os.path.join(self.root, *parts)
        if os.path.isdir(target):
            if not path.endswith("/"):
                return self.redirect(path + "/")
            target = os.path.join(target, "index.html")
        elif not os.path.isfile(target) and os.path.isfile(target + ".html"):
            target += ".html"
        if not os.path.isfile(target):
            return self.site_not_found(send_body)
        self.send_file(target, 200, send_body)

    def send_file(self, target, status, send_body):
        stat = os.stat(target)
        last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        # Last-Modified has one-second precision: a file rewritten within the second it was last fetched (a
        # rebuild, a test "redeploying" sw.js) would be answered 304 and the browser would keep the old one.
        # The ETag (nanosecond mtime and size) catches that, and takes precedence when the browser sends it.
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if status == 200 and self.not_modified(stat, etag):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with open(target, "rb") as f:
            body = f.read()
        self.send_response(status)
        self.send_header("Content-Type", mime_type(target))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", last_modified)
        self.send_header("ETag", etag)
        # Revalidate every time: a local server should never hand out a stale build.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def not_modified(self, stat, etag):
        """RFC 9110 §13.2.2: If-None-Match when present, otherwise If-Modified-Since."""
        match = self.headers.get("If-None-Match")
        if match is not None:
            return match.strip() == "*" or etag in (tag.strip() for tag in match.split(","))
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            return int(stat.st_mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False  # an unparsable date means "send the file"

    def site_not_found(self, send_body):
        page = os.path.join(self.root, "404.html")
        if os.path.isfile(page):
            self.send_file(page, 404, send_body)
        else:
            self.plain_not_found(send_body)

    def plain_not_found(self, send_body):
        body = b"Not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def redirect(self, location):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            sys.stderr.write("%s %s\n" % (self.log_date_time_string(), format % args))


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # A browser opens several connections at once; the default backlog of 5 can drop some under load.
    request_queue_size = 64


def normalise_prefix(prefix):
    prefix = "/" + prefix.strip("/") + "/"
    return "/" if prefix == "//" else prefix


def make_server(root, prefix, host, port, quiet):
    handler = type("Handler", (SiteHandler,), {
        "root": os.path.abspath(root),
        "prefix": normalise_prefix(prefix),
        "quiet": quiet,
    })
    server = SiteServer((host, port), handler)
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="dist", help="the built site (default: dist)")
    parser.add_argument("--prefix", default="/", help="sub-path to mount the site under, e.g. /claimdesk/")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    parser.add_argument("--port", type=int, default=8080, help="port, 0 for any free port (default: 8080)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"serve.py: {args.dir}/index.html not found: build first (make build)")
    server = make_server(args.dir, args.prefix, args.host, args.port, args.quiet)
    # A plain `kill` (what the test harness sends) should end the server cleanly.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    host, port = server.server_address[:2]
    print(f"http://{host}:{port}{normalise_prefix(args.prefix)}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
