"""Each reader on good and broken input: articles come out, errors name the file (and line)."""

from __future__ import annotations

import codecs
import json
from datetime import datetime
from pathlib import Path

import pytest

from newsledger.errors import NewsledgerError
from newsledger.ingest.normalise import article_id
from newsledger.ingest.walk import iter_articles
from newsledger.models import Article

WIRE = ("KHARKIV, May 3 (Test Wire) - Ukrainian troops pushed Russian forces back from villages north of "
        "Kharkiv on Tuesday, the regional governor said.")


def _read(paths: list[Path]) -> tuple[list[Article], list[NewsledgerError]]:
    arts, errs = [], []
    for r in iter_articles(paths):
        (errs if isinstance(r, NewsledgerError) else arts).append(r)
    return arts, errs


def test_markdown_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(f"---\ntitle: Push near Kharkiv\noutlet: Test Wire\nurl: https://t.example/a\n"
                 f"published: 2022-05-03T10:30:00+02:00\n---\n{WIRE}\n", encoding="utf-8")
    (art,), errs = _read([f])
    assert not errs
    assert art.title == "Push near Kharkiv" and art.outlet == "Test Wire" and art.url == "https://t.example/a"
    assert art.published == datetime(2022, 5, 3, 8, 30)  # converted to UTC
    assert art.published_has_time
    assert art.text == WIRE
    assert art.article_id == article_id(WIRE)


def test_plain_text_without_front_matter_has_unknown_date(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(WIRE, encoding="utf-8")
    (art,), _ = _read([f])
    assert art.published is None and art.date_reason == "missing"


def test_nonsense_date_keeps_article_and_marks_reason(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(f"---\npublished: the 45th of Smarch\n---\n{WIRE}", encoding="utf-8")
    (art,), errs = _read([f])
    assert not errs
    assert art.published is None and art.date_reason.startswith("unparseable")


def test_broken_front_matter_is_an_error_naming_the_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.md"
    f.write_text(f"---\ntitle: [unclosed\n---\n{WIRE}", encoding="utf-8")
    arts, (err,) = _read([f])
    assert not arts
    assert err.code == "E106" and "bad.md" in str(err)


def test_jsonl_reports_broken_line_and_keeps_the_rest(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    good = json.dumps({"text": WIRE, "outlet": "Test Wire", "published": "2022-05-03"})
    other = json.dumps({"text": "Police detained 12 protesters in Minsk on Sunday.", "published": "2022-05-02"})
    f.write_text(f"{good}\n{{not json\n\n{other}\n{json.dumps({'title': 'no text'})}\n", encoding="utf-8")
    arts, errs = _read([f])
    assert [a.outlet for a in arts] == ["Test Wire", None]
    assert [(e.code, e.line) for e in errs] == [("E103", 2), ("E108", 5)]
    assert "feed.jsonl:2" in str(errs[0])


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    body = " ".join([WIRE] * 3)
    f.write_text(f"""<html><head><title>Kharkiv push | Test Wire</title>
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2022-05-03T09:00:00Z"></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Kharkiv push</h1><p>{body}</p>
<p>Officials said the villages had been shelled for weeks before the advance.</p></article>
<footer>Copyright Test Wire</footer></body></html>""", encoding="utf-8")
    (art,), errs = _read([f])
    assert not errs
    assert "pushed Russian forces back" in art.text and "Sport | Weather" not in art.text
    assert art.outlet == "Test Wire"
    assert art.published is not None and art.published.date().isoformat() == "2022-05-03"


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("<html><body><div><div></div></div></body></html>", encoding="utf-8")
    arts, (err,) = _read([f])
    assert not arts and err.code == "E104" and "empty.html" in str(err)


def test_rss_items_become_articles(tmp_path: Path) -> None:
    f = tmp_path / "feed.rss"
    f.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>One &amp; two</title><link>https://t.example/1</link>
<pubDate>Tue, 03 May 2022 10:00:00 GMT</pubDate><description>&lt;p&gt;{WIRE}&lt;/p&gt;</description></item>
<item><title>Other</title><link>https://t.example/2</link>
<description>Police detained 12 protesters in Minsk on Sunday.</description></item>
</channel></rss>""", encoding="utf-8")
    arts, errs = _read([f])
    assert not errs
    assert [a.title for a in arts] == ["One & two", "Other"]
    assert arts[0].outlet == "Test Wire" and arts[0].published == datetime(2022, 5, 3, 10, 0)
    assert arts[0].text == WIRE and arts[1].published is None


def test_rss_with_html_named_entities_is_not_an_error(tmp_path: Path) -> None:
    """&nbsp; and &eacute; are undefined in XML but every feed reader means them: no E105, text decoded."""
    f = tmp_path / "entities.rss"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &amp; Co</title>
<item><title>Push &mdash; north</title><description>{WIRE}&nbsp;Caf&eacute; owners stayed.</description></item>
</channel></rss>""", encoding="utf-8")
    arts, errs = _read([f])
    assert not errs
    assert arts[0].title == "Push \u2014 north" and arts[0].outlet == "Wire & Co"
    assert "Caf\u00e9 owners" in arts[0].text and "&nbsp;" not in arts[0].text


def test_broken_rss_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.rss"
    f.write_text("<?xml version='1.0'?><rss><channel><title>x</title><item><title>oops", encoding="utf-8")
    arts, errs = _read([f])
    assert not arts and errs and errs[0].code == "E105" and "broken.rss" in str(errs[0])


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "E100"),
    ("blank.md", b"  \n\n ", "E100"),
    ("binary.txt", bytes(range(256)) * 4, "E101"),
    ("latin1.txt", "Caf\u00e9 in Kyiv".encode("latin-1"), "E101"),
    ("utf16.txt", "Kyiv".encode("utf-16-le"), "E101"),
    ("nul.md", b"Kyiv\x00 was shelled", "E101"),
])
def test_bad_bytes_are_named_errors(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    arts, (err,) = _read([f])
    assert not arts and err.code == code and name in str(err)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + WIRE.encode("utf-16-le"))
    (art,), _ = _read([f])
    assert art.text == WIRE


def test_too_large_article_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text("word " * 1000, encoding="utf-8")
    arts, (err,) = _read_limited(f, 100)
    assert not arts and err.code == "E102"


def _read_limited(f: Path, limit: int):
    arts, errs = [], []
    for r in iter_articles([f], max_chars=limit):
        (errs if isinstance(r, NewsledgerError) else arts).append(r)
    return arts, errs


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article about Odesa port.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First article about Kherson.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("not an article", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    arts, errs = _read([tmp_path])
    assert [a.text for a in arts] == ["First article about Kherson.", "Second article about Odesa port."]
    assert not errs


def test_missing_path_is_an_error() -> None:
    _, (err,) = _read([Path("/nonexistent/dir/file.md")])
    assert err.code == "E109"


def test_article_id_ignores_case_spacing_and_quote_style() -> None:
    assert article_id("He said \u201cno\u201d.\n\nThen  left.") == article_id('he said "no". then left.')
    assert article_id("Kyiv") != article_id("Kiev")
