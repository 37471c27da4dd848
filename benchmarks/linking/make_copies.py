"""Build the synthetic copy corpus: real articles plus exact, syndicated and rewritten copies of some.

Texts stay outside the repo: the corpus is rebuilt deterministically (fixed seed) from ../shared/data
each time, and can be written to a JSONL file outside the repo with --out for inspection.

Rewrites use WordNet synonyms read from the Debian `wordnet-base` files (/usr/share/wordnet;
`apt-get install wordnet-base`); without them rewrites only reorder, drop and re-clause sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
from dataclasses import asdict, dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from corpus import RealDoc, read_all

logger = logging.getLogger(__name__)

WORDNET_DIR = Path("/usr/share/wordnet")
SEED = 20261125
# Each rewrite draws its strength: the share of swappable words replaced by a synonym and the share of
# sentences (never the first) dropped, so the corpus holds light and heavy paraphrases alike.
SWAP_RATE = (0.2, 0.6)
DROP_RATE = (0.05, 0.3)
KINDS = ("exact", "syndicated", "rewrite")
_WORD = re.compile(r"[A-Za-z]+")
_SENT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“(]?[A-Z0-9])")
_FRONTED = re.compile(r"^((?:On|In|At|After|Before|During|Earlier|Later|Last|This|Since|Despite|Meanwhile|"
                      r"However|Still|Instead|Now|Today|Yesterday)\b[^,]{0,60}),\s+(.+)$")
_ATTRIB = re.compile(r"^(.{20,}),\s+((?:[A-Z][\w.'-]*\s?){0,4}\w*\s?(?:officials?|police|witnesses|"
                     r"sources|analysts|[A-Z][a-z]+)\s+(?:said|says|added|reported|told reporters))\.$")
_STOP = {"said", "says", "that", "this", "with", "from", "have", "were", "they", "their", "there", "which",
         "would", "could", "about", "been", "will", "also", "more", "than", "into", "over", "after"}
BOILER_HEAD = ["{city} ({outlet}) -- ", "{city} — ", "({outlet}) - "]
BOILER_TAIL = [
    "Copyright {year} {outlet}. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "Follow {outlet} on social media for the latest updates on this story.",
    "Reporting by staff writers; editing by the {outlet} desk.",
    "Sign up for the {outlet} morning newsletter to get stories like this in your inbox.",
]
OUTLETS = ["Daily Courier", "Metro Wire", "Globe Bulletin", "Evening Post", "City Herald", "Press Line"]
CITIES = ["WASHINGTON", "LONDON", "NEW YORK", "PARIS", "NAIROBI", "MIAMI"]


@dataclass(slots=True)
class CorpusDoc:
    """One document of the copy corpus with its truth: `group` is the key of the original it copies."""
    key: str
    outlet: str
    published: str
    title: str
    text: str
    kind: str  # original | exact | syndicated | rewrite
    group: str


@lru_cache(maxsize=1)
def synonyms(wordnet_dir: str = str(WORDNET_DIR)) -> dict[str, list[str]]:
    """Single-word synonyms from each lemma's most frequent WordNet sense (adj, adv, verb, noun)."""
    root = Path(wordnet_dir)
    out: dict[str, list[str]] = {}
    for pos in ("adj", "adv", "verb", "noun"):
        index, data = root / f"index.{pos}", root / f"data.{pos}"
        if not index.exists() or not data.exists():
            logger.warning("WordNet files missing under %s: rewrites get no synonym swaps", root)
            return {}
        first: dict[str, int] = {}
        for line in index.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            parts = line.split()
            n_ptr = int(parts[3])
            offsets = parts[6 + n_ptr:]
            if offsets and "_" not in parts[0]:
                first[parts[0]] = int(offsets[0])
        words_at: dict[int, list[str]] = {}
        wanted = set(first.values())
        with open(data, encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                parts = line.split()
                off = int(parts[0])
                if off not in wanted:
                    continue
                n = int(parts[3], 16)
                words_at[off] = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]) for i in range(n)]
        for lemma, off in first.items():
            if lemma in out:
                continue
            syns = [w for w in words_at.get(off, []) if w.lower() != lemma and "_" not in w and w.isalpha()]
            if syns:
                out[lemma] = syns
    return out


def split_sentences(para: str) -> list[str]:
    return [s for s in _SENT.split(" ".join(para.split())) if s]


def paragraphs(text: str) -> list[list[str]]:
    return [split_sentences(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def join(paras: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paras if p)


def swap_words(sentence: str, rng: random.Random, syn: dict[str, list[str]], rate: float) -> str:
    def repl(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        if len(w) < 4 or low in _STOP or w[0].isupper() and m.start() > 0 or rng.random() > rate:
            return w
        choices = syn.get(low)
        if not choices:
            return w
        new = rng.choice(choices)
        return new.capitalize() if w[0].isupper() else new
    return _WORD.sub(repl, sentence)


def reclause(sentence: str) -> str:
    """Move a fronted adverbial to the end, or an end attribution to the front."""
    if m := _FRONTED.match(sentence):
        head, rest = m.group(1), m.group(2)
        rest = rest.rstrip(".!?")
        return f"{rest[0].upper()}{rest[1:]} {head[0].lower()}{head[1:]}."
    if m := _ATTRIB.match(sentence):
        claim, who = m.group(1), m.group(2)
        return f"{who[0].upper()}{who[1:]} that {claim[0].lower()}{claim[1:]}."
    return sentence


def make_rewrite(doc: RealDoc, rng: random.Random) -> str:
    syn = synonyms()
    swap, drop = rng.uniform(*SWAP_RATE), rng.uniform(*DROP_RATE)
    out: list[list[str]] = []
    for pi, para in enumerate(paragraphs(doc.text)):
        new: list[str] = []
        for si, sent in enumerate(para):
            if (pi or si) and rng.random() < drop:
                continue
            sent = reclause(sent) if rng.random() < 0.5 else sent
            new.append(swap_words(sent, rng, syn, swap))
        if len(new) > 2 and rng.random() < 0.5:  # swap two neighbouring sentences
            i = rng.randrange(len(new) - 1)
            new[i], new[i + 1] = new[i + 1], new[i]
        out.append(new)
    if len(out) > 3 and rng.random() < 0.5:  # and two neighbouring paragraphs after the lead
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return join(out)


def make_syndicated(doc: RealDoc, rng: random.Random, outlet: str) -> str:
    paras = paragraphs(doc.text)
    n_sent = sum(len(p) for p in paras)
    if rng.random() < 0.7 and n_sent > 4:  # trim the tail: keep 40-90% of the sentences, at least 3
        keep = max(3, int(n_sent * rng.uniform(0.4, 0.9)))
        trimmed, count = [], 0
        for p in paras:
            if count >= keep:
                break
            trimmed.append(p[: keep - count])
            count += len(trimmed[-1])
        paras = trimmed
    body = join(paras)
    fill = {"outlet": outlet, "city": rng.choice(CITIES), "year": doc.published.year if doc.published else 2000}
    if rng.random() < 0.6:
        body = rng.choice(BOILER_HEAD).format(**fill) + body
    if rng.random() < 0.8:
        body += "\n\n" + " ".join(t.format(**fill) for t in rng.sample(BOILER_TAIL, rng.randint(1, 2)))
    return body


def make_exact(doc: RealDoc, rng: random.Random) -> str:
    """Same text, different bytes: straight quotes, doubled spaces, collapsed paragraphs."""
    text = doc.text.replace("“", '"').replace("”", '"').replace("’", "'")
    if rng.random() < 0.5:
        text = text.replace(". ", ".  ")
    if rng.random() < 0.5:
        text = re.sub(r"\n\s*\n", "\n", text)
    return text


def _h(s: str) -> int:
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest()[:8], 16)


def build(data: Path, *, n_sources: int = 300, split: str = "all", seed: int = SEED) -> list[CorpusDoc]:
    """All real articles plus copies of `n_sources` of them (dev: even key hash, test: odd, all: both)."""
    rng = random.Random(seed)
    real = read_all(data)
    out = [CorpusDoc(d.key, d.outlet, d.published.isoformat() if d.published else "", d.title, d.text,
                     "original", d.key) for d in real]
    eligible = [d for d in real if len(split_sentences(d.text.replace("\n", " "))) >= 4 and d.published]
    if split == "dev":
        eligible = [d for d in eligible if _h(d.key) % 2 == 0]
    elif split == "test":
        eligible = [d for d in eligible if _h(d.key) % 2 == 1]
    sources = rng.sample(eligible, min(n_sources, len(eligible)))
    for src in sources:
        for j in range(rng.randint(1, 3)):
            kind = rng.choices(KINDS, weights=(0.2, 0.4, 0.4))[0]
            outlet = rng.choice(OUTLETS)
            if kind == "exact":
                text, title = make_exact(src, rng), src.title
            elif kind == "syndicated":
                text = make_syndicated(src, rng, outlet)
                title = src.title if rng.random() < 0.5 else f"{outlet}: {src.title}"
            else:
                text, title = make_rewrite(src, rng), src.title
            when = src.published + timedelta(hours=rng.randint(1, 72))
            out.append(CorpusDoc(f"{src.key}#copy{j}", outlet, when.isoformat(), title, text, kind, src.key))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="path to shared/data")
    ap.add_argument("--out", type=Path, required=True, help="JSONL file to write (outside the repo)")
    ap.add_argument("--n", type=int, default=300, help="number of source articles to copy")
    ap.add_argument("--split", default="all", choices=["all", "dev", "test"])
    args = ap.parse_args()
    docs = build(args.data, n_sources=args.n, split=args.split)
    with open(args.out, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(asdict(d), ensure_ascii=False) + "\n")
    logger.info("wrote %d documents to %s", len(docs), args.out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
