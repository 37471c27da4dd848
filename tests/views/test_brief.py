"""The daily brief: order of sections, citations, disagreements, region filter, formats, CLI."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsledger.models import Actor, Event, Location, Source, Territory
from newsledger.store import open_store
from newsledger.views.brief import build_brief, control_sentence, render, summary_sentence
from newsledger.views.cli import app


@pytest.fixture(scope="module")
def store(small_db):
    with open_store(str(small_db), read_only=True) as s:
        yield s


def test_control_changes_come_first_and_name_both_sides(store):
    md = render(build_brief(store, "2022-10-01"), "md")
    assert md.index("## Control changes") < md.index("## Events by region")
    assert "Lyman (Donetsk): control passed from Russia to Ukraine." in md
    # the control change is not repeated among the other events
    assert md.count("took control of the town of Lyman") == 1


def test_each_item_cites_its_outlets_and_independence(store):
    md = render(build_brief(store, "2022-10-01"), "md")
    assert "[Meridian Wire; Harbour Post; 2 independent sources]" in md
    assert "Russia pulled back in Lyman." in md or "Russia pulled back" in md


def test_disagreements_are_called_out(store):
    md = render(build_brief(store, "2022-10-01"), "md")
    assert "## Disagreements between sources" in md
    assert "2022-10-01 (Meridian Wire) vs 2022-10-02 (Harbour Post)" in md


def test_quotes_merge_outlets_and_figures_name_claimants(store):
    b = build_brief(store, "2022-10-01")
    assert b.quotes[0]["speaker"] == "Volodymyr Zelenskyy"
    assert sorted(b.quotes[0]["outlets"]) == ["Harbour Post", "Meridian Wire"]
    md = render(b, "md")
    assert "About 5,000 Russian soldiers, according to the military spokesman [Meridian Wire]" in md


def test_events_grouped_by_region_and_type(store):
    md = render(build_brief(store, "2023-03-07"), "md")
    assert "### Tbilisi, Georgia" in md
    assert md.index("**Coercion, arrests and force**") > md.index("### Tbilisi, Georgia")
    assert "Georgian police used coercion against 66 people in Tbilisi." in md
    assert "Demonstrators reportedly protested in Tbilisi." in md


def test_region_filter(store):
    assert build_brief(store, "2023-03-07", region="Ukraine").n_events == 0
    assert build_brief(store, "2023-03-07", region="GE").n_events == 2
    md = render(build_brief(store, "2023-03-07", region="Ukraine"), "md")
    assert "No events are recorded for 2023-03-07 in Ukraine." in md


def test_html_is_escaped_and_standalone(store):
    page = render(build_brief(store, "2022-10-01"), "html")
    assert page.startswith("<!doctype html>") and "<h2>Control changes</h2>" in page
    assert "http" not in page.split("<body>")[0]  # no external stylesheet or script
    assert "<q>" in page


def test_bad_date_and_format():
    with pytest.raises(ValueError):
        build_brief(None, "2022-02-30")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        render(None, "pdf")  # type: ignore[arg-type]


def _ev(**kw) -> Event:
    base = dict(event_id="e", event_type="ASSAULT", mode=None, actor=[], recipient=[], modality="asserted",
                territory=None, location=Location(name="Kherson"), date="2022-11-11", date_precision="day",
                sources=[Source(article_id="a", outlet="W", url=None, sentence="s", start=0, end=1)])
    base.update(kw)
    return Event(**base)


def test_summary_sentences_read_as_english():
    assert summary_sentence(_ev(actor=[Actor("Russia", "RUS")])) == "Russia carried out an attack in Kherson."
    assert summary_sentence(_ev(recipient=[Actor("the city")])) == "An attack on the city was reported in Kherson."
    assert summary_sentence(_ev(actor=[Actor("Russia", "RUS")], modality="speculative")) == \
        "Russia may have carried out an attack in Kherson."
    assert summary_sentence(_ev(actor=[Actor("Russia", "RUS")], modality="negated", event_type="THREATEN",
                                recipient=[Actor("Moldova", "MDA")])) == "Russia did not threaten Moldova in Kherson."


def test_control_sentence_fills_the_losing_side_from_history():
    e = _ev(territory=Territory(place="Kherson", gained_by="UKR"), actor=[Actor("Ukraine", "UKR")])
    assert control_sentence(e, {"UKR": "Ukraine", "RUS": "Russia"}, before="RUS") == \
        "Kherson: control passed from Russia to Ukraine."
    r = _ev(event_type="RETREAT", territory=Territory(place="Kherson"), actor=[Actor("Russia", "RUS")])
    assert control_sentence(r, {"RUS": "Russia"}, before=None) == "Kherson: Russia lost control."


def test_cli_brief(small_db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["brief", "--db", str(small_db), "--date", "2022-10-01"])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("# Situation report: Saturday 1 October 2022")
    out = tmp_path / "b.html"
    res = runner.invoke(app, ["brief", "--db", str(small_db), "--date", "2023-03-07", "--format", "html",
                              "--region", "Georgia", "--output", str(out)])
    assert res.exit_code == 0 and "Tbilisi" in out.read_text()
    assert runner.invoke(app, ["brief", "--db", str(small_db), "--date", "1 Oct"]).exit_code == 2


def test_brief_on_bundled_examples_reads_as_a_report(examples_db):
    """Lyman, 1-2 October 2022: control first if found, every event line cites an outlet."""
    with open_store(str(examples_db), read_only=True) as s:
        md = "".join(render(build_brief(s, day), "md") for day in ("2022-10-01", "2022-10-02"))
    assert "Lyman" in md
    lines = [x for x in md.splitlines() if x.startswith("- ") and "\u201c" in x and "**: " not in x]
    assert lines and all("independent source" in x for x in lines)
    assert "## Key quotes" in md and "Zelenskyy" in md


def test_empty_day_points_to_the_nearest_days_with_events(examples_db):
    with open_store(str(examples_db), read_only=True) as s:
        dates = sorted({r["d"] for r in s.query("SELECT event_date AS d FROM events WHERE event_date IS NOT NULL")})
        gap = "2022-08-15"  # the examples hold July and October 2022, nothing in mid-August
        before = max(d for d in dates if d < gap)
        after = min(d for d in dates if d > gap)
        brief = build_brief(s, gap)
        md = render(brief, "md")
    assert brief.n_events == 0 and [d for d, _ in brief.nearest] == [before, after]
    assert f"No events are recorded for {gap}. Nearest days with events: {before} (" in md


def test_control_sentence_takes_the_gainer_from_nearby_reports_and_names_codes():
    e = _ev(territory=Territory(place="Lyman"), actor=[Actor("his forces")], modality="reported")
    assert control_sentence(e, {}, before=None, nearby="UKR") == "Lyman: Ukraine reportedly took control."
    assert control_sentence(e, {}, before=None) == \
        "Lyman: control changed hands; the report does not say who holds it now."
