"""Build a throughput corpus of N distinct articles from real news texts (TimeBank/AQUAINT, PolNeAR).

The ~1,200 source texts are replicated with small seeded edits (numbers changed, a sentence dropped, two
sentences swapped, a dateline and outlet varied) so that every article has its own id and no exact-duplicate
shortcut flatters the measurement; near-duplicates still occur, as they do in a real day of news.
The corpus is written as JSONL into a temporary folder and never committed.
"""

from __future__ import annotations

import html
import json
import logging
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', re.S)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_NUM = re.compile(r"\b\d{1,3}\b")
OUTLETS = ("Harbour Times", "Coastal Wire", "Valley Post", "Northern Herald", "Capital Daily", "Metro Ledger",
           "River Gazette", "Plains Courier")
CITIES = ("WASHINGTON", "LONDON", "NAIROBI", "MANILA", "LIMA", "KYIV", "CAIRO", "DELHI", "OTTAWA", "BERLIN")
ARTICLES_PER_FILE = 1000


@dataclass(frozen=True, slots=True)
class Source:
    """One real article text with the date it was published (or None)."""
    text: str
    published: str | None
    name: str


def load_sources(data: Path) -> list[Source]:
    """TimeBank/AQUAINT `.tml` texts (markup stripped) and PolNeAR `text/*.txt`, sorted by name."""
    out: list[Source] = []
    for path in sorted((data / "timebank").rglob("*.tml")):
        if path.name.startswith("._"):  # macOS resource forks shipped in the archive
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        m = _TEXT.search(raw)
        if not m:
            continue
        dct = _DCT.search(raw)
        text = html.unescape(_TAG.sub("", m.group(1))).strip()
        out.append(Source(text, dct.group(1) if dct else None, path.stem))
    dates = _polnear_dates(data / "polnear" / "metadata.tsv")
    for path in sorted((data / "polnear").rglob("text/*.txt")):
        if path.name.startswith("._"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        out.append(Source(text, dates.get(path.stem), path.stem))
    out = [s for s in out if len(s.text) > 200]
    log.info("loaded %d source texts from %s", len(out), data)
    return out


def _polnear_dates(meta: Path) -> dict[str, str]:
    if not meta.exists():
        return {}
    lines = meta.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    i_name, i_date = head.index("filename"), head.index("publication_date")
    return {c[i_name]: c[i_date] for c in (line.split("\t") for line in lines[1:]) if len(c) > i_date}


def edit(source: Source, k: int, rng: random.Random) -> dict[str, str]:
    """Copy `k` of a source: a varied, distinct article as a JSONL record."""
    sents = _SENT.split(source.text)
    if k and len(sents) > 3:
        del sents[rng.randrange(1, len(sents))]  # drop one sentence (never the lead)
        i = rng.randrange(1, len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
    text = " ".join(sents)
    if k:
        text = _NUM.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)) if rng.random() < 0.3 else m.group(),
                        text)
    outlet = OUTLETS[(k + len(source.name)) % len(OUTLETS)]
    text = f"{CITIES[k % len(CITIES)]} ({outlet}) - {text}\n(copy {k})"
    base = date.fromisoformat(source.published) if source.published else date(2016, 10, 1)
    published = base + timedelta(days=k % 3)
    return {"text": text, "outlet": outlet, "published": published.isoformat(),
            "url": f"https://news.example/{source.name}/{k}", "title": sents[0][:80]}


def build_corpus(data: Path, n: int, out: Path, seed: int = 9) -> list[Path]:
    """Write `n` articles as JSONL files under `out`; returns the files. Deterministic for a seed."""
    sources = load_sources(data)
    if not sources:
        raise FileNotFoundError(f"no TimeBank or PolNeAR texts under {data}")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    fh = None
    try:
        for i in range(n):
            if i % ARTICLES_PER_FILE == 0:
                if fh:
                    fh.close()
                files.append(out / f"part-{i // ARTICLES_PER_FILE:04d}.jsonl")
                fh = files[-1].open("w", encoding="utf-8")
            src = sources[i % len(sources)]
            fh.write(json.dumps(edit(src, i // len(sources), rng), ensure_ascii=False) + "\n")
    finally:
        if fh:
            fh.close()
    return files
