"""Hostile input files for the robustness tests and the reader fuzzer, all generated from text written here."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path

# Short wire-style texts written for these tests.
GOOD_TEXTS = (
    "ODESA, March 4 (Test Wire) - Two cargo ships left the port of Odesa on Friday under a grain deal, the "
    "harbour master said, the first sailings in a week.",
    "KYIV, March 5 (Test Wire) - Ukraine's foreign minister met his Polish counterpart in Kyiv on Saturday "
    "to discuss fuel supplies, officials said.",
    "MINSK, March 6 (Test Wire) - Police detained 14 protesters in central Minsk on Sunday, a rights group "
    "said, after a rally against new taxes.",
)
WIRE = ("KHARKIV, May 3 (Test Wire) - Ukrainian troops pushed Russian forces back from villages north of "
        "Kharkiv on Tuesday, the regional governor said.")
# Size of the oversized single-line file the issue asks for: 50 MB.
HUGE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class HostileCase:
    """One hostile file and what ingest must make of it."""
    name: str
    filename: str
    data: bytes
    codes: tuple[str, ...]  # error codes expected, in order (empty: no error)
    articles: int = 0  # articles that must still come out of the file
    lines: tuple[int | None, ...] = field(default=())  # expected error lines (JSONL), same order as codes
    bug: str | None = None  # a known bug in another module: the test is a strict xfail with this reason


def _rss(items: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>Test &amp; Wire</title>'
            f"{items}</channel></rss>")


def _laughs() -> str:
    ents = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        ents.append(f'<!ENTITY lol{i} "{("&" + prev + ";") * 10}">')
    prolog = "<!DOCTYPE rss [" + "".join(ents) + "]>"
    return _rss(f"<item><title>Laughs</title><description>{WIRE} &lol9;</description></item>", prolog)


def hostile_cases(huge: bool = True) -> list[HostileCase]:
    """Every hostile case; `huge=False` leaves out the 50 MB file (for fuzz seeds)."""
    good = json.dumps({"text": GOOD_TEXTS[0], "outlet": "Test Wire", "published": "2022-03-04"})
    good2 = json.dumps({"text": GOOD_TEXTS[1], "outlet": "Test Wire", "published": "2022-03-05"})
    jsonl = "\n".join([good, '{"text": "unterminated', "[1, 2, 3]", '{"title": "no text here"}', "", good2])
    nul_line = "\n".join([good, "\x00" * 40, good2]) + "\n"
    latin_line = good.encode() + b'\n{"text": "Caf\xe9 owners in Kherson reopened on Monday."}\n' + good2.encode()
    rss_entities = _rss(
        "<item><title>Push &mdash; north</title><link>https://t.example/a</link>"
        "<pubDate>Tue, 03 May 2022 10:00:00 GMT</pubDate>"
        f"<description>{WIRE} &#8217;caf&eacute;&nbsp;&lt;b&gt;x&lt;/b&gt;</description></item>")
    xxe = _rss(f"<item><title>t</title><description>{WIRE} &xxe;</description></item>",
               '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    nested = "<html><body>" + "<div>" * 5000 + "<p>" + WIRE + "</p>" + "</div>" * 5000 + "</body></html>"
    cases = [
        HostileCase("empty", "empty.txt", b"", ("E100",)),
        HostileCase("whitespace only", "blank.md", b" \n\t\n  \r\n", ("E100",)),
        HostileCase("binary", "image.txt", bytes(range(256)) * 8, ("E101",)),
        HostileCase("gzip bytes", "archive.jsonl", b"\x1f\x8b\x08\x00" + bytes(range(200)), ("E101",)),
        HostileCase("invalid utf-8", "latin1.txt", ("Kyiv\n" + WIRE + " caf\u00e9").encode("latin-1"), ("E101",),
                    lines=(2,)),
        HostileCase("utf-16 without bom", "wide.txt", WIRE.encode("utf-16-le"), ("E101",)),
        HostileCase("utf-16 with bom", "wide_bom.txt", codecs.BOM_UTF16_LE + GOOD_TEXTS[2].encode("utf-16-le"),
                    (), articles=1),
        HostileCase("html without text", "blank.html", b"<html><head><title>x</title></head><body>"
                    b"<script>var a = 1;</script><div></div></body></html>", ("E104",)),
        HostileCase("deeply nested html", "deep.html", nested.encode(), ("E104",)),
        HostileCase("jsonl with broken lines", "wire.jsonl", jsonl.encode(), ("E103", "E103", "E108"),
                    articles=2, lines=(2, 3, 4)),
        HostileCase("jsonl with a nul-padded line", "torn.jsonl", nul_line.encode(), ("E101",), articles=2,
                    lines=(2,)),
        HostileCase("jsonl with one latin-1 line", "mixed.jsonl", latin_line, ("E101",), articles=2, lines=(2,)),
        HostileCase("rss with html entities", "entities.rss", rss_entities.encode(), (), articles=1),
        HostileCase("rss billion laughs", "laughs.xml", _laughs().encode(), ("E105",), articles=1),
        HostileCase("rss external entity", "xxe.rss", xxe.encode(), (), articles=1),
        HostileCase("front matter nonsense date", "smarch.md",
                    f"---\ntitle: Lost date\npublished: the 45th of Smarch\n---\n{WIRE}".encode(), (), articles=1),
        HostileCase("front matter not a mapping", "list.md", f"---\n- a\n- b\n---\n{WIRE}".encode(), ("E106",)),
        HostileCase("front matter yaml bomb", "bomb.md",
                    ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n---\n" + WIRE).encode(), (), articles=1),
        HostileCase("nul byte", "nul.txt", (WIRE[:40] + "\x00" + WIRE[40:]).encode(), ("E101",)),
        HostileCase("json not a list of objects", "odd.json", b'[1, "two", {"text": 3}]', ("E108",) * 3),
    ]
    if huge:
        cases.append(HostileCase("50 MB single line", "huge.txt", b"x" * HUGE_BYTES, ("E102",)))
    return cases


def write_corpus(folder: Path, huge: bool = True) -> list[tuple[HostileCase, Path]]:
    """Write every hostile case plus the good articles under `folder`; returns (case, path) pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for case in hostile_cases(huge):
        path = folder / case.filename
        path.write_bytes(case.data)
        out.append((case, path))
    for i, text in enumerate(GOOD_TEXTS):
        (folder / f"good_{i}.md").write_text(
            f"---\noutlet: Test Wire\npublished: 2022-03-0{4 + i}\n---\n{text}\n", encoding="utf-8")
    return out
