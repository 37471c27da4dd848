"""Readers: one function per input format, each yielding Articles or InputErrors (never raising mid-batch)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from html.entities import name2codepoint
from typing import Any

import yaml

from newsledger.errors import InputError, NewsledgerError
from newsledger.ingest.metadata import build_article
from newsledger.models import Article

log = logging.getLogger(__name__)

ReadResult = Article | NewsledgerError
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def read_text(text: str, path: str) -> Iterator[ReadResult]:
    """Plain text or Markdown with an optional `---` YAML front matter block."""
    meta: dict[str, Any] = {}
    body = text.lstrip("\ufeff")
    m = _FRONT.match(body)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", None)
            yield InputError("E106", f"front matter is not valid YAML: {exc}".splitlines()[0], path=path,
                             line=(line + 2) if line is not None else None)
            return
        if loaded is not None and not isinstance(loaded, dict):
            yield InputError("E106", "front matter must be a mapping of field: value", path=path, line=2)
            return
        meta = loaded or {}
        body = body[m.end():]
    if not meta.get("title"):
        first = body.strip().split("\n", 1)[0]
        if first.startswith("# "):
            meta["title"] = first[2:].strip()
            body = body.strip()[len(first):]
    try:
        yield build_article(body, meta, path)
    except InputError as exc:
        yield exc


def read_jsonl(text: str, path: str) -> Iterator[ReadResult]:
    """One JSON object per line with `text` and metadata fields; a broken line is reported and skipped."""
    # split on "\n" only: str.splitlines() would also break at U+2028 and friends, legal inside JSON strings
    for n, line in enumerate(text.split("\n"), start=1):
        yield from read_jsonl_line(line.rstrip("\r"), n, path)


def read_jsonl_line(line: str, n: int, path: str) -> Iterator[ReadResult]:
    """One JSONL record (line `n` of `path`): an Article, an error naming the line, or nothing if blank."""
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError("E103", f"broken JSON ({exc.msg} at column {exc.colno})", path=path, line=n)
        return
    except RecursionError:
        yield InputError("E103", "JSON nested too deeply", path=path, line=n)
        return
    if not isinstance(obj, dict):
        yield InputError("E103", "line is JSON but not an object", path=path, line=n)
        return
    if not isinstance(obj.get("text"), str):
        yield InputError("E108", "object has no string field 'text'", path=path, line=n)
        return
    try:
        yield build_article(obj["text"], obj, path, line=n)
    except InputError as exc:
        yield exc


def read_json(text: str, path: str) -> Iterator[ReadResult]:
    """A JSON array of article objects (or a single object)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError("E103", f"broken JSON ({exc.msg})", path=path, line=exc.lineno)
        return
    items = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items, start=1):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputError("E108", f"item {i} has no string field 'text'", path=path)
            continue
        try:
            yield build_article(obj["text"], obj, f"{path}[{i}]")
        except InputError as exc:
            yield exc


def read_html(text: str, path: str) -> Iterator[ReadResult]:
    """An HTML page: main text and metadata through trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except (ValueError, TypeError, RecursionError, AttributeError) as exc:
        yield InputError("E104", f"HTML could not be parsed: {exc.__class__.__name__}", path=path)
        return
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        yield InputError("E104", "HTML page has no main text", path=path)
        return
    title = (doc.title or "").strip()
    first, _, rest = body.strip().partition("\n")
    if title and first.strip() == title and rest.strip():
        body = rest  # the headline is metadata, not the first sentence of the story
    meta = {"title": doc.title, "url": doc.url, "outlet": doc.sitename, "published": doc.date,
            "language": doc.language}
    try:
        yield build_article(body, meta, path)
    except InputError as exc:
        yield exc


def read_feed(text: str, path: str) -> Iterator[ReadResult]:
    """An RSS or Atom file whose items carry the full article text."""
    import feedparser

    try:
        parsed = feedparser.parse(_numeric_entities(text))
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. a character reference past U+10FFFF
        yield InputError("E105", f"feed could not be parsed: {exc.__class__.__name__}: {exc}", path=path)
        return
    if parsed.bozo:
        # A malformed feed is reported, and whatever whole items it still holds are kept.
        yield InputError("E105", f"feed is malformed ({parsed.bozo_exception}); "
                         f"{len(parsed.entries)} item(s) recovered", path=path)
    outlet = parsed.feed.get("title")
    if not parsed.entries:
        if not parsed.bozo:
            yield InputError("E105", "feed has no items", path=path)
        return
    for i, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content") or []
        raw = content[0].get("value") if content else entry.get("summary", "")
        body = _strip_tags(raw or "")
        meta = {"title": entry.get("title"), "url": entry.get("link"), "outlet": outlet,
                "published": entry.get("published") or entry.get("updated")}
        try:
            yield build_article(body, meta, f"{path}#item{i}")
        except InputError as exc:
            yield exc


# HTML's named entities (&nbsp; &eacute; ...) are undefined in XML, so a feed that uses them is "malformed"
# to the XML parser although every reader of feeds means them; XML's own five are left alone.
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")


def _numeric_entities(text: str) -> str:
    """Rewrite HTML named entities as numeric character references, which XML accepts."""
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES or name not in name2codepoint:
            return m.group(0)
        return f"&#{name2codepoint[name]};"

    return _NAMED_ENTITY.sub(repl, text) if "&" in text else text


def _strip_tags(html: str) -> str:
    """Feed item HTML to text, keeping paragraph breaks."""
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", html)
    for br in root.iter("br", "p", "div", "li"):
        br.tail = ("\n\n" + br.tail) if br.tail else "\n\n"
    return root.text_content()
