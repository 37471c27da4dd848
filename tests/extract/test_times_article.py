"""extract_times: article ids, anchoring on the publication date, reasons without one."""

from __future__ import annotations

from newsledger.extract.times import extract_times


def test_times_carry_article_id_and_offsets(make_article):
    art = make_article("KYIV - Missiles hit the city yesterday, the mayor said.", article_id="x9")
    (t,) = extract_times(art)
    assert (t.article_id, t.value, art.text[t.start:t.end]) == ("x9", "2022-10-02", "yesterday")


def test_missing_publication_date_gives_reason(make_article):
    art = make_article("Missiles hit the city yesterday.", published=None)
    (t,) = extract_times(art)
    assert t.value is None and t.reason
