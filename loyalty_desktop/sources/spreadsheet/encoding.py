"""Which encoding a CSV's bytes are in, decided once over the whole file, never guessed silently.

`scan(path)` reads the file once (in chunks: memory stays flat) and notes what decides its
encoding: does UTF-8 decode all of it, does it hold valid UTF-8 sequences at all, bytes Windows-1252
leaves undefined, control bytes, a sample of the lines holding non-ASCII bytes. `choose(...)` then
settles it:

- a BOM names it (UTF-8, UTF-16);
- all of it decodes as UTF-8: UTF-8;
- UTF-8 sequences (é as C3 A9) *and* bytes UTF-8 cannot decode (é as E9) in one file: two
  encodings mixed (a file pasted together from two exports). Whichever is chosen, one part would
  be sent as mojibake ("Ã©" or "�"), so the file is refused with the lines of each part and the
  choice to make (`--encoding`);
- otherwise an 8-bit code page: Windows-1252 or Mac Roman (old Mac Excel's "CSV (Macintosh)"),
  whichever reads the sampled lines as words (`plausibility`): both decode (almost) any byte,
  so only the text tells them apart.

An encoding given by the user (`--encoding`) is used as it is: rows holding bytes it cannot
decode are rejected (`spreadsheet_csv`), the others go through.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 1 << 20
SAMPLE_LIMIT = 64 * 1024  # bytes of non-ASCII lines handed to the detector

# Bytes Windows-1252 leaves undefined; C0 controls but tab, LF, CR, and DEL. (In UTF-8 these bytes
# only ever stand for themselves.) Found with bytes.translate, which keeps only them: a regex over
# every byte of a 100 MB export costs seconds, translate a tenth of that.
_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
_CONTROLS = frozenset(set(range(0x20)) - set(b"\t\n\r") | {0x7F})
_ODD_DELETE = bytes(b for b in range(256) if b not in _HOLES | _CONTROLS)
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F: C1 controls
# One well-formed UTF-8 sequence of two to four bytes.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                           rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                           rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH = re.compile(rb"[\x80-\xff]")

LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
          "utf-16-be": "UTF-16", "cp1252": "Windows-1252", "mac_roman": "Mac Roman", "latin-1": "Latin-1",
          "iso8859-1": "Latin-1", "iso8859-15": "Latin-9", "cp850": "DOS (CP850)"}


@dataclass
class Scan:
    digest: str
    utf8_ok: bool  # the whole file decodes as UTF-8
    utf8_sequences: bool  # it holds at least one multi-byte UTF-8 sequence
    cp1252_ok: bool  # no byte Windows-1252 leaves undefined
    controls: bool  # a control byte somewhere (rows are then checked one by one)
    quotes: bool  # a `"` somewhere (without any, a record is one line)
    sample: bytes = b""  # lines holding non-ASCII bytes, for the detector
    size: int = 0


@dataclass(frozen=True)
class Mixed:
    """Where a file mixing UTF-8 and another encoding shows each: (line, column) 1-based."""

    utf8_at: tuple[int, int]
    other_at: tuple[int, int]
    other_bytes: bytes = field(default=b"")


def scan(path: Path) -> Scan:
    """One pass over the bytes (see the module's doc).

    UTF-8 is checked by decoding with `surrogateescape`: a byte UTF-8 cannot decode becomes one
    lone surrogate (so the text does not encode back), and each well-formed sequence of k bytes
    becomes one character, so fewer characters than bytes means the file holds such sequences."""
    h = hashlib.blake2b(digest_size=16)
    dec = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    utf8_ok, cp1252_ok, controls, quotes = True, True, False, False
    chars = 0
    sample: list[bytes] = []
    budget = SAMPLE_LIMIT
    size = 0
    with path.open("rb") as f:
        while True:
            chunk = f.read(CHUNK)
            text = dec.decode(chunk, final=not chunk)
            chars += len(text)
            if utf8_ok and not text.isascii():
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    utf8_ok = False
            if not chunk:
                break
            size += len(chunk)
            h.update(chunk)
            quotes = quotes or b'"' in chunk
            odd = chunk.translate(None, _ODD_DELETE)
            if odd:
                cp1252_ok = cp1252_ok and not _HOLES.intersection(odd)
                controls = controls or not _CONTROLS.isdisjoint(odd)
            controls = controls or (b"\xc2" in chunk and _C1_IN_UTF8.search(chunk) is not None)
            if budget > 0 and not chunk.isascii():
                budget = _sample_lines(chunk, sample, budget)
    return Scan(h.hexdigest(), utf8_ok, chars < size, cp1252_ok, controls, quotes, b"\n".join(sample), size)


def _sample_lines(chunk: bytes, sample: list[bytes], budget: int) -> int:
    """Add the chunk's lines holding non-ASCII bytes to `sample` until `budget` bytes are taken.
    (Found byte by byte, then widened to the line: a regex matching whole lines backtracks over
    every ASCII line, which held the GIL for 0.3 s per megabyte.)"""
    pos, n = 0, len(chunk)
    while budget > 0:
        m = _HIGH.search(chunk, pos)
        if m is None:
            break
        start = chunk.rfind(b"\n", 0, m.start()) + 1
        end = chunk.find(b"\n", m.start())
        end = n if end < 0 else end
        sample.append(chunk[start:end])
        budget -= end - start + 1
        pos = end + 1
    return budget


def bom_encoding(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def code_page(s: Scan) -> str:
    """Windows-1252, Mac Roman or Latin-1 for a file that is not UTF-8 (see the module's doc): Mac
    Roman only when its text is the more plausible one; a tie (no accented letter) stays
    Windows-1252. A file Windows-1252 cannot decode (bytes 81, 8D, 8F, 90, 9D) is Mac Roman or
    Latin-1: Latin-1 reads those bytes as control characters, and the rows holding them are
    rejected with the choice to make (`--encoding`) rather than sent."""
    other = "cp1252" if s.cp1252_ok else "latin-1"
    if not s.sample:
        return other
    mine = plausibility(s.sample.decode(other))
    mac = plausibility(s.sample.decode("mac_roman"))
    return "mac_roman" if mac > mine else other


# Lower-case "letters" Mac Roman gives for bytes that are accents in Windows-1252 ("AÄ" reads
# "Aƒ"), never seen in names: they count for nothing (a tie stays Windows-1252).
_NOT_IN_NAMES = frozenset("ƒﬁﬂµπı∂")


def plausibility(text: str) -> int:
    """How much the non-ASCII characters of `text` look like letters of words: +1 for a lower-case
    letter next to a letter, -1 for an upper-case one right after a lower-case letter ("LefËvre"),
    0 for symbols. The right code page gives words ("Hélène"), the wrong one capitals and signs
    in the middle of them ("HÈlËne", "H‚l‚ne"). charset-normalizer was tried and gave Mac Roman for
    a one-line Windows-1252 file ("Cœur €"): samples here are a few names, too short for it."""
    score = 0
    prev = " "
    n = len(text)
    for i, c in enumerate(text):
        if c >= "\x80" and c not in _NOT_IN_NAMES:
            nxt = text[i + 1] if i + 1 < n else " "
            if c.islower() and (prev.isalpha() or nxt.isalpha()):
                score += 1
            elif c.isupper() and prev.islower():
                score -= 1
        prev = c
    return score


def find_mixed(path: Path) -> Mixed:
    """The first line holding a UTF-8 sequence and the first holding bytes UTF-8 cannot decode
    (only called once `scan` found both). Columns count `delimiter`-free characters: a rough guide."""
    utf8_at: tuple[int, int] | None = None
    other_at: tuple[int, int] | None = None
    other = b""
    with path.open("rb") as f:
        for line_no, raw in enumerate(f, 1):
            if utf8_at is None and (m := UTF8_SEQUENCE.search(raw)):
                utf8_at = (line_no, len(raw[:m.start()].decode("utf-8", "replace")) + 1)
            if other_at is None:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    other_at = (line_no, len(raw[:exc.start].decode("utf-8", "replace")) + 1)
                    other = raw[exc.start:exc.start + 1]
            if utf8_at is not None and other_at is not None:
                break
    assert utf8_at is not None and other_at is not None, "find_mixed on a file that does not mix"
    return Mixed(utf8_at, other_at, other)


def label(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return LABELS.get(name, LABELS.get(encoding.lower(), encoding))


def known(encoding: str) -> bool:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return False
    return info._is_text_encoding
