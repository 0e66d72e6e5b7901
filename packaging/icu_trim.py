"""A smaller ICU data library for the Linux bundle: English, French and the root locale only.

PySide6's Linux wheel links QtCore against ICU 73, whose data library `libicudata.so.73` is one
32 MB table of CLDR data for every locale, legacy code page converters and CJK/South-East Asian
word dictionaries: a quarter of the bundle. Qt uses ICU for collation, locale-aware case mapping
and non-UTF text codecs; the app speaks English and French.

`trim_library()` reads the ICU "common data" package out of the library (the `icudt73_dat`
symbol) and keeps what Qt asks ICU for: collation (QCollator), locale-aware case mapping
(QLocale::toUpper/toLower) and time zone names, in en/fr/root. Kept: every core item (properties,
normalization, collation base, time zone rules, plural rules, likely subtags…) and the en*/fr*/root
locale data of the main, collation and zone trees. Dropped: the other locales; the trees only
ICU's own formatting and text APIs read and Qt never calls, since Qt has its own CLDR tables,
Unicode tables and break rules (currency, unit, language and region display names, number
spellout, break iterators and their word dictionaries, transliteration); character names
(unames), StringPrep profiles (.spp), the spoof checker (.cfu); and every code page converter
(.cnv: the app decodes files with Python's codecs, and Qt 6 speaks UTF-8 to the system). It then
assembles a new library with the same soname and symbol (GNU `as` + `ld`, from binutils). ICU
looks items up by name; what is gone falls back to the parent locale, then root, or reports
U_MISSING_RESOURCE_ERROR. `loyalty-desktop self-test` checks French collation and case mapping in
the frozen app.

The package format (ICU `ucmndata.h`, "CmnD" format 1): a data header; a table of contents
(uint32 count, then per item uint32 name offset and uint32 data offset, both from the start of
the table, sorted by name: ICU binary-searches it); the names; the items, 16-byte aligned.

Usage: python packaging/icu_trim.py SRC_LIBICUDATA DEST_DIR   (prints the sizes)
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "fr")
# Trees that hold per-locale data; a bare file name is a locale bundle of the main tree.
LOCALE_TREES = {"", "coll", "zone"}
# Trees and item kinds Qt never asks ICU for (see above).
UNUSED_TREES = {"translit", "brkitr", "curr", "unit", "lang", "region", "rbnf"}
UNUSED_SUFFIXES = (".cnv", ".spp", ".cfu")
UNUSED_ITEMS = {"unames.icu"}
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")  # also "de_.res" (collation alias)


class IcuDataError(Exception):
    pass


def keep(name: str) -> bool:
    """`name` without the package prefix, e.g. "coll/fr.res", "brkitr/cjdict.dict", "ibm-943_P130-1999.cnv"."""
    tree, _, base = name.rpartition("/")
    if tree in UNUSED_TREES or name in UNUSED_ITEMS or (not tree and base.endswith(UNUSED_SUFFIXES)):
        return False
    if tree in LOCALE_TREES:
        m = _LOCALE.match(base)
        if m and base not in ("root.res", "pool.res"):
            return m.group("lang") in KEEP_LANGUAGES
    return True


# -- ELF: where the package is inside the library -------------------------------------------------

def find_symbol(elf: bytes, symbol: str) -> tuple[int, int]:
    """(file offset, size) of a data symbol in a 64-bit little-endian ELF shared library."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuDataError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type not in (2, 11):  # SHT_SYMTAB, SHT_DYNSYM
            continue
        strtab = sections[link]
        for i in range(size // entsize):
            st_name, _info, _other, st_shndx, st_value, st_size = struct.unpack_from(
                "<IBBHQQ", elf, offset + i * entsize)
            start = strtab[4] + st_name
            if elf[start:elf.index(b"\0", start)].decode() == symbol:
                sec = sections[st_shndx]
                return st_value - sec[3] + sec[4], st_size
    raise IcuDataError(f"symbol {symbol} not found")


# -- the ICU common data package ------------------------------------------------------------------

def read_package(blob: bytes) -> tuple[bytes, str, list[tuple[str, bytes]]]:
    """(header bytes, package name such as "icudt73l", [(item name, item bytes)…])."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:  # little-endian
        raise IcuDataError("not a little-endian ICU common data package")
    toc = blob[header_size:]
    count, = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items: list[tuple[str, bytes]] = []
    package = ""
    for i, (name_off, data_off) in enumerate(entries):
        full = toc[name_off:toc.index(b"\0", name_off)].decode("ascii")
        package, _, name = full.partition("/")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_off:end]))
    return blob[:header_size], package, items


def write_package(header: bytes, package: str, items: list[tuple[str, bytes]]) -> bytes:
    items = sorted(items, key=lambda it: f"{package}/{it[0]}".encode())  # ICU binary-searches by name
    names = b"".join(f"{package}/{n}".encode() + b"\0" for n, _ in items)
    toc_len = 4 + 8 * len(items)
    data_start = -(-(toc_len + len(names)) // 16) * 16
    offsets, pos = [], data_start
    for _, data in items:
        offsets.append(pos)
        pos += -(-len(data) // 16) * 16
    out = bytearray(header)
    out += struct.pack("<I", len(items))
    name_pos = toc_len
    for (n, _), off in zip(items, offsets, strict=True):
        out += struct.pack("<II", name_pos, off)
        name_pos += len(f"{package}/{n}".encode()) + 1
    out += names
    out += b"\0" * (len(header) + data_start - len(out))
    for _, data in items:
        out += data + b"\0" * (-len(data) % 16)
    return bytes(out)


def trim_package(blob: bytes) -> tuple[bytes, str, int, int]:
    """(trimmed package, package name, items kept, items in the original)."""
    header, package, items = read_package(blob)
    kept = [(n, d) for n, d in items if keep(n)]
    return write_package(header, package, kept), package, len(kept), len(items)


# -- a new library --------------------------------------------------------------------------------

def assemble_library(package_file: Path, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting `symbol` = the bytes of `package_file` (GNU as + ld)."""
    for tool in ("as", "ld"):
        if shutil.which(tool) is None:
            raise IcuDataError(f"`{tool}` (binutils) is not installed")
    src = package_file.with_suffix(".s")
    obj = package_file.with_suffix(".o")
    src.write_text(
        "    .section .rodata\n"
        f"    .globl {symbol}\n"
        f"    .type {symbol}, @object\n"
        "    .balign 16\n"
        f"{symbol}:\n"
        f"    .incbin \"{package_file.name}\"\n"
        f"    .size {symbol}, . - {symbol}\n"
        "    .section .note.GNU-stack,\"\",@progbits\n", encoding="ascii")
    subprocess.run(["as", "-o", obj.name, src.name], cwd=package_file.parent, check=True)
    subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out.resolve()), obj.name],
                   cwd=package_file.parent, check=True)


def trim_library(src: Path, dest_dir: Path) -> tuple[Path, int, int]:
    """Write the trimmed `libicudata.so.NN` into `dest_dir`; (path, old size, new size)."""
    src = Path(src)
    m = re.match(r"libicudata\.so\.(\d+)", src.name)
    if not m:
        raise IcuDataError(f"{src.name} is not an ICU data library")
    symbol = f"icudt{m.group(1)}_dat"
    elf = src.read_bytes()
    offset, size = find_symbol(elf, symbol)
    trimmed, package, _kept, _total = trim_package(elf[offset:offset + size])
    if not package.startswith(f"icudt{m.group(1)}"):
        raise IcuDataError(f"unexpected package name {package!r}")
    dest_dir.mkdir(parents=True, exist_ok=True)
    out = dest_dir / src.name
    with tempfile.TemporaryDirectory(dir=dest_dir) as tmp:
        pkg = Path(tmp) / f"{package}.dat"
        pkg.write_bytes(trimmed)
        assemble_library(pkg, symbol, src.name, out)
    return out, len(elf), out.stat().st_size


if __name__ == "__main__":
    path, before, after = trim_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{path}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
