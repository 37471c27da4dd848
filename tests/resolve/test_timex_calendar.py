"""Calendar helpers behind the time normaliser: ISO weeks, month arithmetic, holidays, durations."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.resolve import timex_calendar as cal


def test_iso_week_across_year_boundary():
    # 1 January 2021 is a Friday in ISO week 53 of 2020
    p = cal.week_point(date(2021, 1, 1))
    assert (p.value, p.day) == ("2020-W53", date(2020, 12, 28))


def test_add_months_clamps_day():
    assert cal.add_months(date(2022, 1, 31), 1) == date(2022, 2, 28)
    assert cal.add_months(date(2022, 1, 15), -1) == date(2021, 12, 15)


def test_shift_keeps_granularity():
    q = cal.quarter_point(2022, 1)
    assert cal.shift(q, -1, "quarter").value == "2021-Q4"  # type: ignore[union-attr]


@pytest.mark.parametrize("name,year,expected", [
    ("thanksgiving", 2022, date(2022, 11, 24)),
    ("easter", 2024, date(2024, 3, 31)),
    ("christmas", 2022, date(2022, 12, 25)),
])
def test_holidays(name, year, expected):
    assert cal.holiday(name, year) == expected


@pytest.mark.parametrize("n,unit,value", [
    (3, "day", "P3D"), (5.5, "hour", "PT5H30M"), (None, "year", "PXY"), (2, "decade", "P20Y"),
    (3, "quarter", "P3Q"), (2.5, "year", "P2Y6M"), (1, "fortnight", "P2W"),
])
def test_duration_values(n, unit, value):
    assert cal.duration_value(n, unit) == value
