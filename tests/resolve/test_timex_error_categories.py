"""The timex error report: mismatches against a small TimeML file we wrote, and their categories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.evaluation.timex_errors import Mismatch, category, format_mismatches, mismatches

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-10-03" functionInDocument="CREATION_TIME">2022-10-03</TIMEX3></DCT>
<TEXT>Troops entered Lyman on <TIMEX3 tid="t1" type="DATE" value="2022-10-02">Sunday</TIMEX3>. Shelling went on
<TIMEX3 tid="t2" type="DATE" value="2022-W39">last week</TIMEX3> and officials spoke
<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>, as the siege lasted four days.</TEXT>
</TimeML>
"""


def row(gold: str, ours: str, kind: str = "value") -> Mismatch:
    return Mismatch(kind, "d", "2022-10-03", "x", "DATE", gold, "x", "DATE", ours, "")


def test_mismatches_on_a_small_file(tmp_path: Path) -> None:
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "wire1.tml").write_text(TML, encoding="utf-8")
    rows = mismatches(tmp_path)
    assert [(m.kind, m.sys_text) for m in rows] == [("extra", "four days")]
    assert "span: ours, not in the gold" in format_mismatches(rows)


@pytest.mark.parametrize("gold,ours,label", [
    ("1988-Q3", "1988", "value: same period, other granularity"),
    ("1998-10-23", "1999-10-23", "value: right month/day or quarter, wrong year"),
    ("2022-09-30", "2022-10-07", "value: same granularity, wrong anchor"),
    ("P1W", "2022-W39", "value: point vs duration reading"),
    ("1989-WXX", "1989-W43", "value: unspecified part written out (XX, QX, WXX)"),
    ("2000-W7", "2000-W07", "value: number format (padding, minutes)"),
    ("PAST_REF", "PXY", "value: vague reference (PAST_REF, PRESENT_REF, FUTURE_REF)"),
    ("PXY", "P10Y", "value: duration amount or unit"),
])
def test_categories(gold: str, ours: str, label: str) -> None:
    assert category(row(gold, ours)) == label
