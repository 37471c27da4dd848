"""WARC archives (news crawls): each HTML response record is one article, read like an HTML page."""

from __future__ import annotations

import dataclasses
import gzip
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsledger.errors import InputError
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.readers import ReadResult, read_html
from newsledger.models import Article

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(file: Path, max_chars: int) -> Iterator[ReadResult]:
    """Articles from the HTML response (or resource) records of a WARC file, gzipped or not.

    A record that is not a page (robots.txt, images, redirects) is skipped quietly; a page with no article
    text is an E104 naming the record; a torn archive is an E110, and the records before the tear are kept.
    The crawl date is not a publication date: it is recorded in `date_reason` when the page names none.
    """
    path = str(file)
    try:
        if file.stat().st_size == 0:
            yield InputError("E100", "file is empty", path=path)
            return
        stream = file.open("rb")
    except OSError as exc:
        yield InputError("E109", f"cannot read file: {exc.strerror}", path=path)
        return
    with stream:
        if not _looks_like_warc(stream):
            yield InputError("E110", "not a WARC archive (no WARC/1.x record header at the start)", path=path)
            return
        yield from _records(stream, path, max_chars)


def _looks_like_warc(stream: BinaryIO) -> bool:
    """The first record starts with 'WARC/' (after gunzip); warcio alone reads any text as ARC records."""
    head = stream.read(2)
    stream.seek(0)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=stream) as gz:
                first = gz.read(5)
        else:
            first = stream.read(5)
    except (OSError, EOFError, zlib.error):
        first = b""
    stream.seek(0)
    return first == b"WARC/"


def _records(stream: BinaryIO, path: str, max_chars: int) -> Iterator[ReadResult]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            where = f"{path}#record{n}"
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if status != "200":
                    continue
            else:
                ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
            if not ctype.startswith(_HTML_TYPES):
                continue
            yield from _page(record, ctype, where, max_chars)
            if getattr(record.raw_stream, "limit", 0) > 0:  # the record's declared length was not all there
                yield InputError("E110", f"WARC archive ends inside record {n}", path=path)
                return
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        yield InputError("E110", f"WARC archive is broken after {n} record(s): {exc.__class__.__name__}",
                         path=path)


_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9_.:-]+)")


def _decode(body: bytes, ctype: str, where: str, max_chars: int) -> str:
    """Page bytes to text: the charset the server declared, else the strict UTF-8 rule of plain files."""
    m = _CHARSET.search(ctype)
    charset = m.group(1).lower() if m else ""
    if charset and charset.replace("-", "") not in ("utf8", "usascii", "ascii"):
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            log.info("%s: unknown charset %r, trying UTF-8", where, charset)
    return decode_bytes(body, where, max_chars * 4)


def _page(record, ctype: str, where: str, max_chars: int) -> Iterator[ReadResult]:
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    stream = record.content_stream()
    body = stream.read(max_chars * 4 + 1)
    if len(body) > max_chars * 4:
        while stream.read(1 << 20):  # skip the rest, so the archive reads on to the next record
            pass
        yield InputError("E102", f"page is over the limit of {max_chars * 4:,} bytes", path=where)
        return
    if getattr(record.raw_stream, "limit", 0) > 0:
        return  # a torn last record: the caller reports it
    try:
        text = _decode(body, ctype, where, max_chars)
    except InputError as exc:
        yield exc
        return
    for item in read_html(text, where):
        if isinstance(item, Article):
            if not item.url and url:
                item = dataclasses.replace(item, url=url)
            if item.published is None and crawled:
                item = dataclasses.replace(item, date_reason=f"missing (crawled {crawled})")
        yield item
