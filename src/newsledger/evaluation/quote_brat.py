"""Read PolNeAR brat standoff attribution files (Source, Cue, Content) into plain records."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

_T_LINE = re.compile(r"^(T\d+)\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t?")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(slots=True)
class Attribution:
    """One gold attribution: each role is a list of (start, end) fragments (brat allows gaps)."""
    content: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


def _spans(raw: str) -> list[tuple[int, int]]:
    out = []
    for frag in raw.split(";"):
        a, b = frag.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Attribution]:
    """Parse one .ann file. Span texts may run over several lines, so only line heads are trusted."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _spans(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            events.append(m.group(2))
    out: list[Attribution] = []
    for ev in events:
        att = Attribution()
        for arg in ev.split():
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if tid not in spans or role not in ("content", "source", "cue"):
                continue
            getattr(att, role).extend(spans[tid][1])
        if att.content:
            out.append(att)
    return out


def list_documents(data: Path, split: str) -> list[tuple[str, Path, Path]]:
    """(name, text path, ann path) for every article of `split` under a PolNeAR folder."""
    root = data / split
    if not (root / "text").is_dir():
        raise FileNotFoundError(f"{root}/text not found")
    docs = []
    for txt in sorted((root / "text").glob("*.txt")):
        # annotation files carry the annotator id: <stem>_<annotator>.ann; several annotators
        # may have done one article, and then the first in name order is used
        anns = sorted((root / "attributions").glob(txt.stem + "_*.ann"))
        if anns:
            docs.append((txt.stem, txt, anns[0]))
        else:
            log.warning("no annotation file for %s", txt.name)
    return docs
