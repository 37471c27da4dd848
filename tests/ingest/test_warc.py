"""WARC news-crawl archives: HTML responses become articles; the rest is skipped; a torn archive keeps its head."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.errors import NewsledgerError
from newsledger.ingest.walk import iter_articles
from newsledger.models import Article

PAGE = """<html><head><title>Ukrainian forces enter Lyman</title>
<meta property="article:published_time" content="2022-10-02T09:00:00Z"></head><body><article>
<h1>Ukrainian forces enter Lyman</h1>
<p>KYIV, Oct 2 (Meridian Wire) - Ukrainian forces took control of the eastern town of Lyman on Saturday after
encircling it the day before, President Volodymyr Zelenskyy said on Sunday.</p>
<p>Russia's defence ministry said its troops had withdrawn to more advantageous lines because of the threat of
encirclement. The town had been a logistics hub for Russian forces in the north of the Donetsk region.</p>
</article></body></html>"""

PAGE_1252 = ("<html><head><title>Caf\u00e9 reopens in Kherson</title></head><body><article><p>KHERSON, Nov 20 - "
             "The Caf\u00e9 Dnipro reopened on Sunday in the centre of Kherson, ten days after Russian troops left "
             "the city, its owner said, adding that power had not yet been restored to the district.</p>"
             "<p>Residents queued for bread and water at a distribution point outside the regional "
             "administration building, which was damaged by shelling in the summer.</p></article></body></html>")


def _record(writer: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
            status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                    warc_headers_dict={"WARC-Date": "2022-10-03T11:00:00Z"})
    writer.write_record(rec)


def _archive(gz: bool = True) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    _record(w, "https://meridianwire.example/lyman", PAGE.encode())
    _record(w, "https://meridianwire.example/robots.txt", b"User-agent: *", ctype="text/plain")
    _record(w, "https://meridianwire.example/old", b"", status="301 Moved Permanently")
    _record(w, "https://south.example/kherson-cafe", PAGE_1252.encode("cp1252"),
            ctype="text/html; charset=windows-1252")
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_articles(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_archive(gz))
    out = list(iter_articles([tmp_path]))
    arts = [o for o in out if isinstance(o, Article)]
    assert [o for o in out if isinstance(o, NewsledgerError)] == []
    assert len(arts) == 2
    lyman, cafe = arts
    assert lyman.url == "https://meridianwire.example/lyman" and "Lyman" in lyman.text
    assert lyman.published is not None and lyman.published.date().isoformat() == "2022-10-02"
    assert "Caf\u00e9 Dnipro" in cafe.text  # the declared windows-1252 charset was honoured
    assert cafe.published is None and "crawled 2022-10-03" in (cafe.date_reason or "")
    assert lyman.source_path.endswith("#record1") and cafe.source_path.endswith("#record4")


def test_torn_archive_keeps_the_records_before_the_tear(tmp_path: Path) -> None:
    data = _archive(gz=True)
    path = tmp_path / "torn.warc.gz"
    path.write_bytes(data[: len(data) * 3 // 10])  # inside the first record's page
    out = list(iter_articles([path]))
    assert [o.code for o in out] == ["E110"] and "inside record 1" in str(out[0])
    path.write_bytes(data[: len(data) * 9 // 10])  # inside the last record
    out = list(iter_articles([path]))
    arts = [o for o in out if isinstance(o, Article)]
    errs = [o for o in out if isinstance(o, NewsledgerError)]
    assert [a.url for a in arts] == ["https://meridianwire.example/lyman"]
    assert [e.code for e in errs] == ["E110"] and "torn.warc.gz" in str(errs[0]) and "record 4" in str(errs[0])


def test_empty_and_garbage_archives_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.warc").write_bytes(b"")
    (tmp_path / "junk.warc.gz").write_bytes(b"this is not a web archive at all\n" * 10)
    errs = {Path(e.path).name: e.code for e in iter_articles([tmp_path]) if isinstance(e, NewsledgerError)}
    assert errs == {"empty.warc": "E100", "junk.warc.gz": "E110"}
