"""Where the time expression scores are lost: mismatches against TimeML gold, grouped by kind of error.

`python -m newsledger.evaluation.timex_errors --data PATH [--split S] [--examples N]` prints each category
with its count and examples; the categories are general (granularity, anchor, type, format, span), never
tied to a corpus.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsledger.evaluation.timex import corpus_files, match, read_tml
from newsledger.resolve.timex import find_timexes

logger = logging.getLogger(__name__)

__all__ = ["Mismatch", "category", "format_mismatches", "mismatches"]

# Characters of text shown on each side of an example: enough to read the clause.
CONTEXT_CHARS = 50
_REF = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass(slots=True)
class Mismatch:
    """One gold/system disagreement: `kind` is value, span (value right, span differs), missed or extra."""
    kind: str
    doc: str
    dct: str
    gold_text: str
    gold_type: str
    gold_value: str
    sys_text: str
    sys_type: str
    sys_value: str
    context: str


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS].replace("\n", " ")


def mismatches(data: Path, *, split: str | None = None, limit: int | None = None) -> list[Mismatch]:
    """Every disagreement between our expressions and the gold TIMEX3 of the corpus at `data`."""
    files = corpus_files(Path(data), split)[:limit] if limit else corpus_files(Path(data), split)
    out: list[Mismatch] = []
    for path in files:
        doc = read_tml(path)
        system = find_timexes(doc.text, doc.dct)
        pairs, _ = match(doc.gold, system)
        dct = str(doc.dct)
        for g, s in pairs:
            same_value = g.value.strip().upper() == (s.value or "").strip().upper()
            if same_value and (g.start, g.end) == (s.start, s.end):
                continue
            out.append(Mismatch("span" if same_value else "value", doc.name, dct, g.text, g.type, g.value,
                                s.text, s.type, s.value or "", _context(doc.text, g.start, g.end)))
        matched_gold = {id(g) for g, _ in pairs}
        matched_sys = {id(s) for _, s in pairs}
        out += [Mismatch("missed", doc.name, dct, g.text, g.type, g.value, "", "", "",
                         _context(doc.text, g.start, g.end)) for g in doc.gold if id(g) not in matched_gold]
        out += [Mismatch("extra", doc.name, dct, "", "", "", s.text, s.type, s.value or "",
                         _context(doc.text, s.start, s.end)) for s in system if id(s) not in matched_sys]
    return out


def _shape(value: str) -> str:
    """The granularity pattern of a value: 1988-Q3 -> 9999-Q9, P3D -> P9D."""
    return re.sub(r"\d", "9", value.upper())


def category(m: Mismatch) -> str:
    """A general label for a mismatch (the same labels for any TimeML corpus)."""
    labels = {"missed": "span: gold expression not found", "extra": "span: ours, not in the gold",
              "span": "span: value right, boundaries differ"}
    if m.kind in labels:
        return labels[m.kind]
    g, s = m.gold_value.upper(), m.sys_value.upper()
    if not s:
        return "value: none given"
    if g in _REF or s in _REF:
        return "value: vague reference (PAST_REF, PRESENT_REF, FUTURE_REF)"
    if g.startswith("P") != s.startswith("P"):
        return "value: point vs duration reading"
    if g.startswith("P"):
        return "value: duration amount or unit"
    if "X" in g and re.sub(r"X+", "", g).strip("-") and s.startswith(re.sub(r"[-]?X.*", "", g)):
        return "value: unspecified part written out (XX, QX, WXX)"
    if re.sub(r"W0(\d)\b", r"W\1", s) == g or re.sub(r"(T\d\d):00$", r"\1", s) == g:
        return "value: number format (padding, minutes)"
    if _shape(g) != _shape(s):
        if g.startswith(s) or s.startswith(g):
            return "value: same period, other granularity"
        if g[:4] == s[:4] and not g.startswith("P"):
            return "value: same year, other granularity"
        return "value: other granularity"
    if g[:4] != s[:4] and g[4:] == s[4:]:
        return "value: right month/day or quarter, wrong year"
    return "value: same granularity, wrong anchor"


def format_mismatches(rows: list[Mismatch], examples: int = 5) -> str:
    """Counts per category, largest first, with up to `examples` examples each."""
    groups: dict[str, list[Mismatch]] = defaultdict(list)
    for m in rows:
        groups[category(m)].append(m)
    lines = [f"{len(rows)} mismatches"]
    for cat, ms in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"\n{len(ms):5}  {cat}")
        for m in ms[:examples]:
            lines.append(f"       {m.dct}  gold {m.gold_text!r} {m.gold_type} {m.gold_value}  |  ours "
                         f"{m.sys_text!r} {m.sys_type} {m.sys_value}  |  ...{m.context}...")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="newsledger-timex-errors")
    p.add_argument("--data", required=True)
    p.add_argument("--split", default=None)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--examples", type=int, default=5)
    a = p.parse_args(argv)
    print(format_mismatches(mismatches(Path(a.data), split=a.split, limit=a.limit), a.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
