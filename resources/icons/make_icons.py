"""Render the application icon set from its SVG sources (run after editing an SVG):

    .venv/bin/python resources/icons/make_icons.py

Writes, beside this script:
- `loyalty-desktop-<N>.png` for N in 16, 24, 32, 48, 64, 128, 256, 512 (the window icon, the Linux
  hicolor theme, the README);
- `loyalty-desktop.ico` (Windows executable): 16–256, uncompressed 32-bit bitmaps below 256 px
  (what every Windows version and resource tool reads) and a PNG at 256 px, as Windows Vista+ wants;
- `loyalty-desktop.icns` (macOS bundle): PNG entries icp4/icp5/icp6/ic07/ic08/ic09/ic10 (16 to
  1024 px) and the Retina ic11–ic14.

Sizes up to 32 px come from `loyalty-desktop-small.svg` (no sync ring: its strokes blur that
small), larger ones from `loyalty-desktop.svg`. Rendering uses Qt (QSvgRenderer into a QImage); the
ICO and ICNS containers are written here, they are a few lines each.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME = "loyalty-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type → pixel size (Apple's "icns" format; the PNG-carrying types).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))
SMALL_MAX = 32


def _qt():  # imported lazily so the module can be read (and its writers tested) without a display
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        _qt.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]
    return QBuffer, QByteArray, QIODevice, QRectF, Qt, QImage, QPainter, QSvgRenderer


def render(size: int, source_dir: Path = HERE):
    """The icon at `size` × `size` pixels as a QImage (ARGB32, straight alpha)."""
    _, _, _, QRectF, Qt, QImage, QPainter, QSvgRenderer = _qt()
    svg = source_dir / (f"{NAME}-small.svg" if size <= SMALL_MAX else f"{NAME}.svg")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(p, QRectF(0, 0, size, size))
    p.end()
    return img.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(img) -> bytes:
    QBuffer, QByteArray, QIODevice, *_ = _qt()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buf.close()
    return bytes(data.data())


def bgra_rows_bottom_up(img) -> bytes:
    """Pixel rows of an ARGB32 QImage, last row first: a 32-bit DIB's layout (B, G, R, A bytes on
    little-endian machines, which is how QImage stores ARGB32)."""
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    raw = bytes(img.constBits())
    if sys.byteorder != "little":
        raise RuntimeError("the ICO writer assumes a little-endian machine")
    return b"".join(raw[y * stride:y * stride + w * 4] for y in range(h - 1, -1, -1))


def dib_entry(size: int, bgra_bottom_up: bytes) -> bytes:
    """An ICO image as a BITMAPINFOHEADER + 32-bit pixels + an all-zero AND mask (alpha decides)."""
    mask_row = ((size + 31) // 32) * 4
    mask = b"\0" * (mask_row * size)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(bgra_bottom_up) + len(mask), 0, 0, 0, 0)
    return header + bgra_bottom_up + mask


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per (size, image bytes) + the images (PNG or DIB)."""
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    body = b""
    for size, data in images:
        dim = 0 if size >= 256 else size  # 0 means 256
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return out + body


def icns_bytes(elements: list[tuple[str, bytes]]) -> bytes:
    """'icns' + total length, then per element: 4-byte type, 4-byte length (header included), data."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data for kind, data in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(out_dir: Path = HERE, source_dir: Path = HERE) -> list[Path]:
    pngs: dict[int, bytes] = {}
    images = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES}):
        images[size] = render(size, source_dir)
        pngs[size] = png_bytes(images[size])
    written = []
    for size in PNG_SIZES:
        path = out_dir / f"{NAME}-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = ico_bytes([(s, pngs[s] if s >= 256 else dib_entry(s, bgra_rows_bottom_up(images[s]))) for s in ICO_SIZES])
    (out_dir / f"{NAME}.ico").write_bytes(ico)
    (out_dir / f"{NAME}.icns").write_bytes(icns_bytes([(kind, pngs[s]) for kind, s in ICNS_TYPES]))
    return [*written, out_dir / f"{NAME}.ico", out_dir / f"{NAME}.icns"]


if __name__ == "__main__":
    for p in build():
        print(f"{p.relative_to(HERE.parent.parent)}  {p.stat().st_size:>7} bytes")
