"""Control history: dated, ordered, with sources; unconfirmed reports left out by default."""

from __future__ import annotations

from newsledger.models import Event, Source, Territory
from newsledger.views.control import control_history


def _ev(eid, date, gained, lost, modality="reported", place="Lyman", outlet="Wire A"):
    src = Source(article_id=f"a-{eid}", outlet=outlet, url=None, sentence=f"sentence {eid}", start=0, end=10)
    return Event(event_id=eid, event_type="ASSAULT", mode=None, actor=[], recipient=[], modality=modality,
                 territory=Territory(place=place, gained_by=gained, lost_by=lost), location=None, date=date,
                 date_precision="day", sources=[src], n_sources=1)


def test_history_is_dated_ordered_and_tracks_holder():
    events = [_ev("e2", "2022-10-01", "UKR", "RUS"), _ev("e1", "2022-05-26", "RUS", "UKR"),
              _ev("e3", "2022-10-02", None, None, place="Kupiansk")]
    hist = control_history(events, "lyman")
    assert [h["date"] for h in hist] == ["2022-05-26", "2022-10-01"]
    assert [h["holder_after"] for h in hist] == ["RUS", "UKR"]
    assert hist[0]["sources"][0]["outlet"] == "Wire A"
    assert hist[1]["gained_by"] == "UKR" and hist[1]["lost_by"] == "RUS"


def test_speculative_reports_only_on_request():
    events = [_ev("e1", "2022-10-01", "UKR", "RUS", modality="speculative")]
    assert control_history(events, "Lyman") == []
    assert len(control_history(events, "Lyman", include_unconfirmed=True)) == 1


def test_withdrawal_without_gainer_clears_holder():
    events = [_ev("e1", "2022-03-01", "RUS", None, place="Kherson"),
              _ev("e2", "2022-11-11", None, "RUS", place="Kherson")]
    hist = control_history(events, "Kherson")
    assert [h["holder_after"] for h in hist] == ["RUS", None]
