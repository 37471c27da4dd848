"""Property-based tests (hypothesis) on the readers: any input gives Articles or named errors, never a crash."""

from __future__ import annotations

import json
import string
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError, NewsledgerError
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.normalise import article_id, clean_text
from newsledger.ingest.readers import read_feed, read_html, read_json, read_jsonl, read_text
from newsledger.models import Article

# Example counts: enough to hit odd corners on every run, small enough for the suite's time budget
# (the fuzzer in benchmarks/fuzz_readers.py runs far longer).
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(["Troops", "left", "Kherson", "on", "Friday", "the", "mayor", "said", "police",
                         "detained", "12", "people", "in", "Minsk", "talks", "Geneva", "ceasefire", "."])
SENTENCE = st.lists(WORDS, min_size=3, max_size=20).map(" ".join)
# Field values that survive YAML and stripping unchanged: printable, no leading/trailing space.
FIELD = st.text(alphabet=string.ascii_letters + string.digits + " .,:/-'&", min_size=1, max_size=40).map(
    str.strip).filter(bool)


def _check(results: list, path: str) -> tuple[list[Article], list[NewsledgerError]]:
    arts = [r for r in results if isinstance(r, Article)]
    errs = [r for r in results if isinstance(r, NewsledgerError)]
    assert len(arts) + len(errs) == len(results)
    for a in arts:
        assert a.text and a.text == a.text.strip()
        assert a.article_id == article_id(a.text)
        assert a.published is None or 1900 <= a.published.year <= 2100
    for e in errs:
        assert e.code in {f"E{n}" for n in range(100, 110)}
        assert path in str(e)
    return arts, errs


@FAST
@given(st.binary(max_size=2000))
def test_decode_bytes_returns_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "in.txt", 10_000)
    except InputError as exc:
        assert "in.txt" in str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text


@FAST
@given(st.text(max_size=2000))
def test_utf8_text_always_decodes(text: str) -> None:
    assume(text.strip() and "\x00" not in text)
    assume(sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f") == 0)
    assert decode_bytes(text.encode("utf-8"), "in.txt", 100_000) == text


@FAST
@given(st.text(max_size=3000))
def test_read_text_never_raises(text: str) -> None:
    arts, errs = _check(list(read_text(text, "in.md")), "in.md")
    assert len(arts) + len(errs) == 1


@FAST
@given(title=FIELD, outlet=FIELD, body=SENTENCE,
       published=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_front_matter_round_trip(title: str, outlet: str, body: str, published: date) -> None:
    meta = yaml.safe_dump({"title": title, "outlet": outlet, "published": published.isoformat()})
    (art,), _ = _check(list(read_text(f"---\n{meta}---\n{body}\n", "in.md")), "in.md")
    assert (art.title, art.outlet, art.text) == (title, outlet, clean_text(body))
    assert art.published.date() == published and not art.published_has_time


_RECORD = st.fixed_dictionaries({"text": SENTENCE}, optional={"outlet": FIELD, "title": FIELD})
# Characters str.splitlines() breaks at; records using them have their own test below.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_GARBAGE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=_LINE_BREAKS),
                   min_size=1, max_size=60).filter(lambda s: s.strip() and not s.lstrip().startswith("{"))


@FAST
@given(st.lists(st.one_of(_RECORD, _GARBAGE), min_size=1, max_size=12))
def test_jsonl_keeps_good_lines_and_names_bad_ones(items: list) -> None:
    lines = [json.dumps(i) if isinstance(i, dict) else i for i in items]
    arts, errs = _check(list(read_jsonl("\n".join(lines) + "\n", "in.jsonl")), "in.jsonl")
    want_good = [n for n, i in enumerate(items, 1) if isinstance(i, dict)]
    bad = [n for n, i in enumerate(items, 1) if not isinstance(i, dict)]
    assert [a.text for a in arts] == [clean_text(i["text"]) for i in items if isinstance(i, dict)]
    assert [a.source_path for a in arts] == [f"in.jsonl:{n}" for n in want_good]
    assert [e.line for e in errs] == bad
    for e in errs:
        assert f"in.jsonl:{e.line}" in str(e)


@FAST
@given(st.lists(st.tuples(SENTENCE, st.sampled_from(["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1e"])),
                min_size=1, max_size=5))
def test_jsonl_records_with_unicode_line_separators(parts: list) -> None:
    lines = [json.dumps({"text": f"{a}{sep}Officials confirmed it."}, ensure_ascii=False) for a, sep in parts]
    arts, errs = _check(list(read_jsonl("\n".join(lines) + "\n", "in.jsonl")), "in.jsonl")
    assert not errs and len(arts) == len(parts)


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4),
                    max_leaves=20))
def test_read_json_any_json_value(value) -> None:
    _check(list(read_json(json.dumps(value), "in.json")), "in.json")


@FAST
@given(st.dictionaries(st.sampled_from(["text", "title", "outlet", "url", "published", "date", "language"]),
                       st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
                       | st.lists(st.integers(), max_size=3), min_size=1))
def test_jsonl_fields_of_any_type(obj: dict) -> None:
    arts, errs = _check(list(read_jsonl(json.dumps(obj), "in.jsonl")), "in.jsonl")
    assert len(arts) + len(errs) == 1
    for a in arts:
        assert all(v is None or isinstance(v, str) for v in (a.title, a.outlet, a.url, a.language))


_MARKUP = st.lists(st.one_of(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<br>", "<script>", "</script>",
                                              "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&nbsp;", "&#0;",
                                              "&#8217;", "<html>", "<body>", "<item>", "</item>", "<rss>",
                                              "<title>", "</title>", "<description>", "</description>",
                                              "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY a 'b'>]>"]),
                             SENTENCE, st.text(max_size=15)), max_size=40).map("".join)


@SLOW
@given(_MARKUP)
def test_read_html_never_raises(html: str) -> None:
    _check(list(read_html(html, "in.html")), "in.html")


@FAST
@given(_MARKUP)
def test_read_feed_never_raises(xml: str) -> None:
    _check(list(read_feed(xml, "in.rss")), "in.rss")


@pytest.mark.parametrize("xml", ["<div>&#x110000;", "<rss><channel><item><description>Troops &#99999999; left."
                                 "</description></item></channel></rss>"])
def test_read_feed_out_of_range_character_reference(xml: str) -> None:
    _check(list(read_feed(xml, "in.rss")), "in.rss")
