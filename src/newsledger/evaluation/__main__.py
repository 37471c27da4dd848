"""`python -m newsledger.evaluation KIND --data PATH [--json] [--limit N] [--split S]`."""

from __future__ import annotations

import argparse
import json
import sys

from newsledger.evaluation import KINDS, report, run


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="newsledger-eval")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--data", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--split", default=None)
    a = p.parse_args(argv)
    opts = {"limit": a.limit}
    if a.split:
        opts["split"] = a.split
    result = run(a.kind, a.data, **opts)
    print(json.dumps(result) if a.json else report(a.kind, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
