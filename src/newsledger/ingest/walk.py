"""Walk input paths, pick the reader for each file, and yield Articles or errors in a stable order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsledger.errors import InputError, NewsledgerError
from newsledger.ingest.decode import decode_bytes, decode_lines
from newsledger.ingest.readers import (
    ReadResult,
    read_feed,
    read_html,
    read_json,
    read_jsonl,
    read_jsonl_line,
    read_text,
)
from newsledger.ingest.warc import read_warc

log = logging.getLogger(__name__)

Reader = Callable[[str, str], Iterator[ReadResult]]
READERS: dict[str, Reader] = {
    ".txt": read_text, ".md": read_text, ".markdown": read_text, ".text": read_text,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json,
    ".html": read_html, ".htm": read_html,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed,
}
# Archives read from bytes (gzipped or not): the name's last one or two suffixes pick them.
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
# Whole-file byte limit per input; JSONL/feeds hold many articles so they get a larger allowance.
_MULTI_FACTOR = 50


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and files found recursively under directories (sorted, hidden files skipped)."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    if f.suffix.lower() in READERS or _is_archive(f):
                        yield f
                    else:
                        log.info("skipping %s: unknown extension", f)
        elif p.is_file():
            yield p
        else:
            yield InputError("E109", "path does not exist", path=str(p))


def _is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def read_path(path: Path, max_chars: int) -> Iterator[ReadResult]:
    """Read one file with the reader its extension (or content) calls for."""
    if _is_archive(path):  # streamed record by record: news-crawl archives run to gigabytes
        yield from read_warc(path, max_chars)
        return
    reader = READERS.get(path.suffix.lower())
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError("E109", f"cannot read file: {exc.strerror}", path=str(path))
        return
    limit = max_chars * (_MULTI_FACTOR if reader in (read_jsonl, read_feed, read_json) else 4)
    if reader is read_jsonl:
        yield from _read_jsonl_bytes(data, str(path), limit)
        return
    try:
        text = decode_bytes(data, str(path), limit)
    except NewsledgerError as exc:
        yield exc
        return
    if reader is None:
        reader = _sniff(text)
    if reader is not read_jsonl and reader is not read_json and reader is not read_feed and len(text) > max_chars:
        yield InputError("E102", f"article has {len(text):,} characters, over the limit of {max_chars:,}",
                         path=str(path))
        return
    yield from reader(text, str(path))


def _read_jsonl_bytes(data: bytes, path: str, limit: int) -> Iterator[ReadResult]:
    """JSONL decoded line by line: a torn or mis-encoded line is reported and the others are kept."""
    try:
        for n, line in decode_lines(data, path, limit):
            if isinstance(line, NewsledgerError):
                yield line
            else:
                yield from read_jsonl_line(line, n, path)
    except NewsledgerError as exc:
        yield exc


def _sniff(text: str) -> Reader:
    head = text.lstrip()[:500].lower()
    if head.startswith("<?xml") and ("<rss" in head or "<feed" in head):
        return read_feed
    if head.startswith("<"):
        return read_html
    if head.startswith("{"):
        return read_jsonl
    return read_text


def iter_articles(paths: Iterable[str | Path], max_chars: int = 2_000_000) -> Iterator[ReadResult]:
    """Every Article (or error) from every input path."""
    for item in expand_paths(paths):
        if isinstance(item, NewsledgerError):
            yield item
            continue
        yield from read_path(item, max_chars)
