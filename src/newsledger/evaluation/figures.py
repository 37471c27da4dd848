"""`newsledger eval figures`: value and value+unit F1 on NewsQuant, matched as in the CQE paper.

Matching, per sentence (as CQE's evaluation does it, made one-to-one): a predicted quantity
matches a gold one when the values are equal (numpy-style isclose, rtol 1e-5; a range matches only
a range with both ends equal). Pairs whose normalised units are also equal are matched first;
then the rest are matched on value alone. `value_f1` counts every value match, `value_unit_f1`
only the matches with equal units. Precision divides by predictions, recall by gold quantities.
Our unit is the NewsQuant-style name of `Figure.unit` (USD -> "dollar", percent -> "percentage"),
else the counted noun's lemma (`Figure.counts`), else "-".
NewsQuant has no split; `--split dev|test` takes the half of the sentences whose SHA-1 hash is even
(dev) or odd (test), so rules can be tuned on one half and measured on the other.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from pathlib import Path
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.extract.figure_units import MEASURES, UNIT_NAMES, unit_name
from newsledger.extract.figures import extract_figures
from newsledger.models import Article, Figure

log = logging.getLogger(__name__)

Value = float | tuple[float, float]
_KNOWN_UNITS = {u.lower() for u in (*MEASURES.values(), *UNIT_NAMES.values())} | {"cent"}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def values_match(gold: Value, pred: Value) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return _close(gold[0], pred[0]) and _close(gold[1], pred[1])
    return _close(gold, pred)  # type: ignore[arg-type]


def parse_gold_value(raw: str) -> Value:
    """'6.0' -> 6.0; '4000-5000' -> (4000, 5000); negative numbers and exponents stay single."""
    raw = raw.strip()
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        a, b = raw.split("-", 1)
        return float(a), float(b)
    return float(raw)


def figure_key(fig: Figure) -> tuple[Value, str]:
    """(value or range, NewsQuant-style normalised unit) of one of our figures."""
    value: Value = (fig.value, fig.value_max) if fig.value_max is not None else fig.value
    if fig.unit == "fraction":  # NewsQuant writes shares as "% <what>" ("half the condos")
        return value, f"% {fig.counts or '-'}"
    unit = unit_name(fig.unit) or fig.counts or "-"
    return value, unit.lower()


def unit_kind(unit: str) -> str:
    """Diagnostics: 'none' ("-"), 'share' ("% ..."), 'measure' (a known unit or currency name, or a
    rate) or 'noun' (a counted noun) for a NewsQuant-style normalised unit."""
    if unit == "-":
        return "none"
    if unit.startswith("%"):
        return "share"
    if unit in _KNOWN_UNITS or " per " in unit:
        return "measure"
    return "noun"


def unit_misses(gold: list[tuple[Value, str]], pred: list[tuple[Value, str]]) -> list[str]:
    """Kinds (see `unit_kind`) of the gold quantities of one sentence with no value+unit match."""
    free = list(range(len(pred)))
    missed = []
    for gv, gu in gold:
        hit = next((i for i in free if values_match(gv, pred[i][0]) and pred[i][1] == gu), None)
        if hit is None:
            missed.append(unit_kind(gu))
        else:
            free.remove(hit)
    return missed


def match_sentence(gold: list[tuple[Value, str]], pred: list[tuple[Value, str]]) -> tuple[int, int]:
    """(value matches, value+unit matches) between one sentence's gold and predicted quantities."""
    free = list(range(len(pred)))
    unmatched_gold = []
    both = 0
    for gv, gu in gold:
        hit = next((i for i in free if values_match(gv, pred[i][0]) and pred[i][1] == gu), None)
        if hit is None:
            unmatched_gold.append(gv)
        else:
            free.remove(hit)
            both += 1
    value_only = 0
    for gv in unmatched_gold:
        hit = next((i for i in free if values_match(gv, pred[i][0])), None)
        if hit is not None:
            free.remove(hit)
            value_only += 1
    return both + value_only, both


SPLITS = ("dev", "test", "all")


def split_of(text: str) -> str:
    """'dev' or 'test': a fixed half of NewsQuant chosen by a hash of the sentence text."""
    return "dev" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(data: Path, *, limit: int | None = None, examples: int = 0, split: str = "all",
             **_: Any) -> dict[str, Any]:
    """Score `extract_figures` on NewsQuant.json at `data` (a file, or a folder holding it);
    `split` is "dev", "test" (halves by sentence hash) or "all"."""
    from newsledger.nlp.loader import get_nlp

    path = data / "NewsQuant.json" if data.is_dir() else data
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NewsledgerError("E300", f"cannot read NewsQuant data at {path}: {exc}") from exc
    if split not in SPLITS:
        raise NewsledgerError("E300", f"unknown NewsQuant split {split!r}; choose one of {', '.join(SPLITS)}")
    if split != "all":
        items = [it for it in items if split_of(it["text"]) == split]
    if limit:
        items = items[:limit]
    nlp = get_nlp()
    t0 = time.perf_counter()
    n_gold = n_pred = tp_value = tp_unit = 0
    errors: list[dict[str, Any]] = []
    kinds: dict[str, list[int]] = {k: [0, 0] for k in ("measure", "noun", "share", "none")}
    texts = [it["text"] for it in items]
    for it, doc in zip(items, nlp.pipe(texts, batch_size=64), strict=False):
        art = Article(article_id="nq", text=it["text"])
        pred = [figure_key(f) for f in extract_figures(doc, art)]
        gold = [(parse_gold_value(q["value"]), q["normalized_unit"].lower()) for q in it["quantities"]]
        v, vu = match_sentence(gold, pred)
        for g in gold:
            kinds[unit_kind(g[1])][0] += 1
        for kind in unit_misses(gold, pred):
            kinds[kind][1] += 1
        n_gold += len(gold)
        n_pred += len(pred)
        tp_value += v
        tp_unit += vu
        if examples and len(errors) < examples and (vu != len(gold) or vu != len(pred)):
            errors.append({"text": it["text"], "gold": gold, "pred": pred})
    pv, rv, fv = _prf(tp_value, n_pred, n_gold)
    pu, ru, fu = _prf(tp_unit, n_pred, n_gold)
    result: dict[str, Any] = {
        "value_f1": round(fv, 4), "value_precision": round(pv, 4), "value_recall": round(rv, 4),
        "value_unit_f1": round(fu, 4), "value_unit_precision": round(pu, 4),
        "value_unit_recall": round(ru, 4), "n_sentences": len(items), "n_gold": n_gold,
        "n_pred": n_pred, "split": split, "seconds": round(time.perf_counter() - t0, 1),
        # diagnostics: per kind of gold unit, how many quantities and how many lack a value+unit match
        "unit_kinds": {k: {"gold": g, "missed": m} for k, (g, m) in kinds.items()},
    }
    if examples:
        result["errors"] = errors
    return result


def format_report(result: dict[str, Any]) -> str:
    half = f" ({result['split']} half)" if result.get("split", "all") != "all" else ""
    lines = [f"NewsQuant{half}: {result['n_sentences']} sentences, {result['n_gold']} gold quantities, "
             f"{result['n_pred']} predicted",
             f"{'':12} {'P':>6} {'R':>6} {'F1':>6}"]
    for key, label in (("value", "value"), ("value_unit", "value+unit")):
        lines.append(f"{label:12} {result[key + '_precision']:6.3f} {result[key + '_recall']:6.3f} "
                     f"{result[key + '_f1']:6.3f}")
    return "\n".join(lines)
