"""TempEval-3-style scores of our time expression finder on TimeML corpora (TimeBank, AQUAINT)."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.models import TimeMention
from newsledger.resolve.timex import find_timexes

logger = logging.getLogger(__name__)

TYPES = ("DATE", "TIME", "DURATION", "SET")
SPLITS = {"timebank": "TimeBank", "aquaint": "AQUAINT"}


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(slots=True)
class Document:
    """One TimeML document: plain text of <TEXT>, its gold TIMEX3 spans, the creation time (anchor)."""
    name: str
    text: str
    gold: list[GoldTimex]
    dct: date | None


def _walk(elem: ET.Element, parts: list[str], pos: list[int], gold: list[GoldTimex]) -> None:
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        start = pos[0]
        _walk(child, parts, pos, gold)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:pos[0]]
            gold.append(GoldTimex(start, pos[0], child.get("type", ""), child.get("value", ""), text))
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)


def read_tml(path: Path) -> Document:
    """Parse a .tml file into plain text with gold spans; the DCT value is the anchor."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise NewsledgerError("E300", f"not a TimeML file: {exc}", path=str(path)) from exc
    dct = None
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is not None and dct_el.get("value"):
        try:
            dct = date.fromisoformat(dct_el.get("value", "")[:10])
        except ValueError:
            logger.warning("%s: unreadable DCT %r", path, dct_el.get("value"))
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    if text_el is not None:
        _walk(text_el, parts, [0], gold)
    return Document(path.stem, "".join(parts), gold, dct)


def corpus_files(data: Path, split: str | None = None) -> list[Path]:
    """The .tml files under `data` (TimeBank/ and AQUAINT/), skipping macOS `._*` and .DS_Store files."""
    if not data.exists():
        raise NewsledgerError("E300", "evaluation data not found", path=str(data))
    root = data / SPLITS[split.lower()] if split else data
    if not root.exists():
        raise NewsledgerError("E300", f"no {split} folder (choose {', '.join(SPLITS)})", path=str(root))
    return sorted(p for p in root.rglob("*.tml") if not p.name.startswith("._") and p.is_file())


def _norm(value: str | None) -> str:
    return (value or "").strip().upper()


Pairs = list[tuple[GoldTimex, TimeMention]]


def match(gold: list[GoldTimex], system: list[TimeMention]) -> tuple[Pairs, int]:
    """Pair each gold timex with at most one overlapping system timex (relaxed match); count exact spans."""
    pairs: Pairs = []
    used: set[int] = set()
    strict = 0
    for g in gold:
        best, best_overlap = None, 0
        for i, s in enumerate(system):
            if i in used:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            s = system[best]
            pairs.append((g, s))
            strict += (s.start, s.end) == (g.start, g.end)
    return pairs, strict


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _safe(a: float, b: float) -> float:
    return a / b if b else 0.0


def evaluate(data: Path, *, limit: int | None = None, split: str | None = None,
             **opts: Any) -> dict[str, Any]:
    """Span F1 (strict, relaxed), value accuracy and value F1 (TempEval-3 sense) and a per-type table."""
    files = corpus_files(Path(data), split)
    if limit:
        files = files[:limit]
    n_gold = n_sys = n_strict = n_relaxed = n_value = n_type = 0
    per: dict[str, dict[str, int]] = {t: {"gold": 0, "system": 0, "matched_gold": 0, "matched_system": 0,
                                          "value_correct": 0} for t in TYPES}
    for path in files:
        doc = read_tml(path)
        system = find_timexes(doc.text, doc.dct)
        pairs, strict = match(doc.gold, system)
        n_gold += len(doc.gold)
        n_sys += len(system)
        n_strict += strict
        n_relaxed += len(pairs)
        for g in doc.gold:
            if g.type in per:
                per[g.type]["gold"] += 1
        for s in system:
            per[s.type]["system"] += 1
        for g, s in pairs:
            ok = _norm(g.value) == _norm(s.value)
            n_value += ok
            n_type += g.type == s.type
            if g.type in per:
                per[g.type]["matched_gold"] += 1
                per[g.type]["value_correct"] += ok
            per[s.type]["matched_system"] += 1
    p_strict, r_strict = _safe(n_strict, n_sys), _safe(n_strict, n_gold)
    p_rel, r_rel = _safe(n_relaxed, n_sys), _safe(n_relaxed, n_gold)
    f_rel = _f1(p_rel, r_rel)
    value_acc = _safe(n_value, n_relaxed)
    by_type = {}
    for t, c in per.items():
        p, r = _safe(c["matched_system"], c["system"]), _safe(c["matched_gold"], c["gold"])
        acc = _safe(c["value_correct"], c["matched_gold"])
        by_type[t] = {"gold": c["gold"], "system": c["system"], "span_f1_relaxed": round(_f1(p, r), 4),
                      "value_accuracy": round(acc, 4), "value_f1": round(_f1(p, r) * acc, 4)}
    return {
        "kind": "timex", "documents": len(files), "gold": n_gold, "system": n_sys,
        "span_precision_strict": round(p_strict, 4), "span_recall_strict": round(r_strict, 4),
        "span_f1_strict": round(_f1(p_strict, r_strict), 4),
        "span_precision_relaxed": round(p_rel, 4), "span_recall_relaxed": round(r_rel, 4),
        "span_f1_relaxed": round(f_rel, 4),
        "value_accuracy": round(value_acc, 4), "value_f1": round(f_rel * value_acc, 4),
        "type_accuracy": round(_safe(n_type, n_relaxed), 4),
        "type_f1": round(f_rel * _safe(n_type, n_relaxed), 4),
        "by_type": by_type,
    }


def format_report(result: dict[str, Any]) -> str:
    """Human-readable table of `evaluate`'s result."""
    lines = [f"timex: {result['documents']} documents, {result['gold']} gold, {result['system']} system",
             f"span strict   P {result['span_precision_strict']:.3f}  R {result['span_recall_strict']:.3f}"
             f"  F1 {result['span_f1_strict']:.3f}",
             f"span relaxed  P {result['span_precision_relaxed']:.3f}  R {result['span_recall_relaxed']:.3f}"
             f"  F1 {result['span_f1_relaxed']:.3f}",
             f"value accuracy {result['value_accuracy']:.3f}  value F1 {result['value_f1']:.3f}"
             f"  (type accuracy {result['type_accuracy']:.3f})",
             "", f"{'type':<10}{'gold':>6}{'system':>8}{'span F1':>9}{'value acc':>11}{'value F1':>10}"]
    for t, c in result["by_type"].items():
        lines.append(f"{t:<10}{c['gold']:>6}{c['system']:>8}{c['span_f1_relaxed']:>9.3f}"
                     f"{c['value_accuracy']:>11.3f}{c['value_f1']:>10.3f}")
    return "\n".join(lines)
