"""Turn raw bytes into text, or a clear error: empty, binary, undecodable, too large."""

from __future__ import annotations

import codecs

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
