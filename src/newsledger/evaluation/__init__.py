"""Evaluation against external corpora: `newsledger eval KIND --data PATH`.

Each module `newsledger.evaluation.<kind>` exposes
`evaluate(data: Path, *, limit: int | None = None, **opts) -> dict` (the one JSON object of DESIGN.md)
and `format_report(result: dict) -> str` (a human-readable table).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

KINDS = ("plover", "timex", "quotes", "figures", "geo")


def run(kind: str, data: Path, **opts: Any) -> dict[str, Any]:
    """Run evaluation `kind` on the corpus at `data`."""
    if kind not in KINDS:
        raise ValueError(f"unknown evaluation {kind!r}; choose one of {', '.join(KINDS)}")
    module = importlib.import_module(f"newsledger.evaluation.{kind}")
    return module.evaluate(Path(data), **opts)


def report(kind: str, result: dict[str, Any]) -> str:
    module = importlib.import_module(f"newsledger.evaluation.{kind}")
    return module.format_report(result)
