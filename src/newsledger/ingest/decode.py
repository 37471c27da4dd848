"""Turn raw bytes into text, or a clear error: empty, binary, undecodable, too large."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from newsledger.errors import InputError

# Share of control characters above which a file is called binary; real text has almost none.
_BINARY_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes, path: str, max_bytes: int) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16/32; refuse anything else by name."""
    if not data.strip():
        raise InputError("E100", "file is empty", path=path)
    if len(data) > max_bytes:
        raise InputError("E102", f"file is {len(data):,} bytes, over the limit of {max_bytes:,} "
                         "(raise NEWSLEDGER_MAX_ARTICLE_CHARS to accept it)", path=path)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), path)
            except UnicodeDecodeError as exc:
                raise InputError("E101", f"not valid {enc}: {exc.reason} at byte {exc.start}", path=path) from exc
    if b"\x00" in data:
        even_nuls = data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4
        hint = " (looks like UTF-16 without a byte-order mark; re-save it as UTF-8)" if even_nuls else ""
        raise InputError("E101", f"file contains NUL bytes, so it is binary or not UTF-8{hint}", path=path)
    try:
        return _check_text(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("E101", f"not valid UTF-8 ({exc.reason} at byte {exc.start}); re-save the file as "
                         "UTF-8", path=path, line=line) from exc


def _check_text(text: str, path: str) -> str:
    if "\x00" in text:
        raise InputError("E101", "text contains NUL characters", path=path)
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise InputError("E101", "file looks binary (many control characters)", path=path)
    return text


def decode_lines(data: bytes, path: str, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """Decode a line-oriented file (JSONL) line by line, so one torn or mis-encoded line loses only itself.

    Files with a UTF-16/32 byte-order mark are decoded whole (their lines are not byte-separable).
    """
    if not data.strip():
        raise InputError("E100", "file is empty", path=path)
    if len(data) > max_bytes:
        raise InputError("E102", f"file is {len(data):,} bytes, over the limit of {max_bytes:,}", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = decode_bytes(data, path, max_bytes)
        for n, line in enumerate(text.split("\n"), start=1):
            yield n, line.rstrip("\r")
        return
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if _looks_binary(data[:4096]):
        raise InputError("E101", "file looks binary (compressed or not text); JSONL must be UTF-8 text", path=path)
    for n, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.rstrip(b"\r")
        if b"\x00" in raw:
            yield n, InputError("E101", "line contains NUL bytes (a torn write?)", path=path, line=n)
            continue
        try:
            yield n, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield n, InputError("E101", f"line is not valid UTF-8 ({exc.reason} at column {exc.start + 1})",
                                path=path, line=n)


# Magic numbers of formats people mistake for text inputs: gzip, zip, bzip2, xz, PDF.
_BINARY_MAGIC = (b"\x1f\x8b", b"PK\x03\x04", b"BZh", b"\xfd7zXZ", b"%PDF")


def _looks_binary(sample: bytes) -> bool:
    if sample.startswith(_BINARY_MAGIC):
        return True
    # NUL runs are left to the per-line check: a torn write pads one line with NULs, the rest is good
    controls = sum(1 for b in sample if 0 < b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE
