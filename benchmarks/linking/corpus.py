"""Readers for the real article texts under ../shared/data (TimeBank, AQUAINT, PolNeAR) used by linking."""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class RealDoc:
    """One real article: a stable key (corpus/file stem), its outlet, date, title and body text."""
    key: str
    outlet: str
    published: datetime | None
    title: str
    text: str


def _tml(path: Path, corpus: str) -> RealDoc | None:
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not body:
        return None
    text = html.unescape(_TAG.sub("", body.group(1))).strip()
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    published = None
    if dct:
        try:
            published = datetime.fromisoformat(dct.group(1).strip()[:10])
        except ValueError:
            published = None
    title_m = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    title = html.unescape(_TAG.sub("", title_m.group(1))).strip() if title_m else ""
    stem = path.name.removesuffix(".tml")
    outlet = re.match(r"[A-Za-z_]+", stem)
    return RealDoc(f"{corpus}/{stem}", outlet.group(0) if outlet else corpus, published, title, text)


def read_timebank(data: Path) -> list[RealDoc]:
    """TimeBank and AQUAINT articles (text without TimeML tags, DCT as publication date)."""
    out: list[RealDoc] = []
    for corpus in ("AQUAINT", "TimeBank"):
        for path in sorted((data / "timebank" / corpus).glob("*.tml")):
            doc = _tml(path, corpus)
            if doc is not None and doc.text:
                out.append(doc)
    return out


def read_polnear(data: Path, splits: tuple[str, ...] = ("train", "dev")) -> list[RealDoc]:
    """PolNeAR articles with publisher and publication date from metadata.tsv."""
    root = data / "polnear"
    meta: dict[str, dict[str, str]] = {}
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    out: list[RealDoc] = []
    for split in splits:
        for path in sorted((root / split / "text").glob("*.txt")):
            stem = path.name.removesuffix(".txt")
            row = meta.get(stem, {})
            pub = None
            if row.get("publication_date"):
                try:
                    pub = datetime.fromisoformat(row["publication_date"])
                except ValueError:
                    pub = None
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            first, _, rest = text.partition("\n")
            title = row.get("title") or first
            body = rest.strip() if first.strip().rstrip(".") == title.strip().rstrip(".") else text
            out.append(RealDoc(f"polnear/{stem}", row.get("publisher", "polnear"), pub, title, body))
    return out


def read_all(data: Path) -> list[RealDoc]:
    """Every real article the linking benchmark draws on."""
    return read_timebank(data) + read_polnear(data)
