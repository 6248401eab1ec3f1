#!/usr/bin/env python3
"""Draws the Claimdesk app icons (a clipboard with a check mark) as PNG files.

Standard library only (zlib + struct), so the icons can be regenerated anywhere:

    python3 tools/make_icons.py            # writes public/icons/*.png

The PNGs are committed; run this again only when the design changes. Shapes are drawn with
signed distance functions, which gives smooth anti-aliased edges at any size without an imaging library.
"""

import math
import os
import struct
import sys
import zlib

BRAND = (0x1B, 0x4F, 0x8C)  # theme colour, also in manifest.webmanifest and index.html
PAPER = (0xFF, 0xFF, 0xFF)
CLIP = (0xC9, 0xDB, 0xF2)
CHECK = (0x1E, 0x8A, 0x4F)


def rounded_rect(px, py, x0, y0, x1, y1, r):
    """Signed distance from a point to a rounded rectangle (negative inside)."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    dx, dy = abs(px - cx) - hx, abs(py - cy) - hy
    outside = math.hypot(max(dx, 0.0), max(dy, 0.0))
    inside = min(max(dx, dy), 0.0)
    return outside + inside - r


def segment(px, py, ax, ay, bx, by, half_width):
    """Signed distance from a point to a thick line segment with round caps."""
    abx, aby = bx - ax, by - ay
    t = ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)
    t = min(max(t, 0.0), 1.0)
    return math.hypot(px - (ax + t * abx), py - (ay + t * aby)) - half_width


def glyph_layers(x, y):
    """The clipboard, in a unit square centred on (0.5, 0.5); returns (distance, colour) from back to front."""
    board = rounded_rect(x, y, 0.29, 0.21, 0.71, 0.81, 0.055)
    clip = rounded_rect(x, y, 0.40, 0.15, 0.60, 0.28, 0.04)
    check = min(
        segment(x, y, 0.385, 0.525, 0.47, 0.61, 0.034),
        segment(x, y, 0.47, 0.61, 0.625, 0.43, 0.034),
    )
    return [(board, PAPER), (clip, CLIP), (check, CHECK)]


def render(size, maskable):
    """RGBA rows for one icon. Maskable icons fill the square and keep the glyph in the central safe circle."""
    rows = []
    # Glyph scale: a maskable icon may be cropped to a circle of 80% diameter, so the glyph shrinks to fit.
    scale = 0.78 if maskable else 1.0
    for j in range(size):
        row = bytearray()
        for i in range(size):
            u, v = (i + 0.5) / size, (j + 0.5) / size
            pixel_width = 1.0 / size
            if maskable:
                background_alpha = 1.0
            else:
                d = rounded_rect(u, v, 0.0, 0.0, 1.0, 1.0, 0.2)
                background_alpha = min(max(0.5 - d / pixel_width, 0.0), 1.0)
            colour = list(BRAND)
            gx, gy = 0.5 + (u - 0.5) / scale, 0.5 + (v - 0.5) / scale
            for distance, layer in glyph_layers(gx, gy):
                cover = min(max(0.5 - distance * scale / pixel_width, 0.0), 1.0)
                if cover > 0.0:
                    colour = [c * (1 - cover) + l * cover for c, l in zip(colour, layer)]
            row += bytes(int(round(c)) for c in colour) + bytes([int(round(background_alpha * 255))])
        rows.append(bytes(row))
    return rows


def png(rows, size):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


ICONS = [
    ("icon-192.png", 192, False),
    ("icon-512.png", 512, False),
    ("icon-maskable-512.png", 512, True),
]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = os.path.join(root, "public", "icons") if len(sys.argv) < 2 else sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name, size, maskable in ICONS:
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(png(render(size, maskable), size))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
