"""Property-based tests (hypothesis) on the date normalisers: publication dates and in-text time expressions."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.ingest.metadata import parse_published
from newsledger.resolve.timex import find_timexes

# Example counts: enough to cover leap days and month ends on every run, within the suite's time budget.
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# Plausible news dates; the normaliser's anchor and absolute dates are drawn from here.
DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
ANCHORS = st.none() | DATES | st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2090, 12, 31))
# TimeML values: dates, weeks, quarters, seasons, times, durations, sets and references.
TIMEML = re.compile(r"^(PRESENT_REF|PAST_REF|FUTURE_REF|P[0-9A-Z.]+|PT[0-9A-Z.]+|"
                    r"[0-9X]{2,4}(-(W[0-9X]{2}(-[0-9X])?(-WE)?|Q[1-4X]|H[12X]|SP|SU|FA|WI|[0-9X]{2}"
                    r"(-[0-9X]{2}(T[0-9:X]+|TMO|TAF|TEV|TNI)?)?))?)$")
TEXTY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
NEWSY = st.lists(st.sampled_from(
    ["on", "Monday", "last", "next", "week", "2 October 2022", "the day before", "yesterday", "ago", "two",
     "days", "since", "March", "1999", "in", "the", "said", "will", "early", "late", "this", "year", "month",
     "Q3", "spring", "morning", ",", ".", "October 31", "for", "three", "hours", "every", "31", "February",
     "2024", "29", "10:30", "a.m.", "tonight", "decade", "1990s", "mid-", "earlier", "later", "today"]),
    max_size=30).map(" ".join)


def _check_mentions(text: str, mentions: list) -> None:
    prev_start = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= prev_start, "mentions must come in text order"
        prev_start = m.start
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        if m.value is not None:
            assert TIMEML.match(m.value), f"not a TimeML value: {m.value!r} for {m.text!r}"
        if m.date is not None:
            date.fromisoformat(m.date)
            assert m.precision is not None


@FAST
@given(TEXTY, ANCHORS)
def test_find_timexes_any_text(text: str, anchor) -> None:
    _check_mentions(text, find_timexes(text, anchor))


@FAST
@given(NEWSY, ANCHORS)
def test_find_timexes_newsy_text(text: str, anchor) -> None:
    _check_mentions(text, find_timexes(text, anchor))


@FAST
@given(DATES, ANCHORS, st.sampled_from(["dmy", "mdy", "iso"]))
def test_absolute_dates_resolve_to_themselves_whatever_the_anchor(d: date, anchor, style: str) -> None:
    written = {"dmy": f"{d.day} {MONTHS[d.month - 1]} {d.year}", "mdy": f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
               "iso": d.isoformat()}[style]
    text = f"The talks were held in Geneva on {written}, officials said."
    found = [m for m in find_timexes(text, anchor) if m.text == written]
    assert found and found[0].value == d.isoformat() and found[0].date == d.isoformat()


@FAST
@given(DATES)
def test_yesterday_and_tomorrow_are_one_day_from_the_anchor(anchor: date) -> None:
    text = "The governor said shelling hit the port yesterday. A convoy will leave tomorrow."
    by_text = {m.text.lower(): m for m in find_timexes(text, anchor)}
    assert by_text["yesterday"].value == (anchor - timedelta(days=1)).isoformat()
    assert by_text["tomorrow"].value == (anchor + timedelta(days=1)).isoformat()


@settings(max_examples=60, deadline=None)  # dateparser takes ~0.1 s on odd strings: fewer examples here
@given(st.text(max_size=80))
def test_parse_published_any_string(value: str) -> None:
    dt, has_time, reason = parse_published(value)
    if dt is None:
        assert reason and has_time is False
    else:
        assert reason is None and dt.tzinfo is None and 1900 <= dt.year <= 2100


@FAST
@given(st.datetimes(min_value=datetime(1901, 1, 2), max_value=datetime(2099, 12, 30)),
       st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_parse_published_converts_offsets_to_utc(local: datetime, offset_min: int) -> None:
    aware = local.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=offset_min)))
    dt, has_time, reason = parse_published(aware.isoformat())
    assert reason is None and has_time
    assert dt == aware.astimezone(UTC).replace(tzinfo=None)


@FAST
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_published_iso_date_round_trip(d: date) -> None:
    assert parse_published(d.isoformat()) == (datetime(d.year, d.month, d.day), False, None)
