"""Places round 3: region points without stray towns, shared admin cues, metro regions, co-located
pairs, villages abroad, and the dev/test split of the geo evaluation."""

from __future__ import annotations

import re

import pytest

from newsledger.evaluation.geo import Doc, split_of
from newsledger.extract.places import resolve_spans
from newsledger.resolve.gazetteer import get_gazetteer, haversine_km
from newsledger.resolve.geo_build import _area_center


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    """Character spans of every occurrence of each name, in text order."""
    out = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)]
    return sorted(out)


def _resolved(text: str, *names: str) -> dict[str, list]:
    gaz = get_gazetteer()
    out: dict[str, list] = {}
    for pm in resolve_spans(text, _spans(text, *names), "t", gaz):
        out.setdefault(pm.text, []).append(pm.location)
    return out


def test_a_few_miscoded_towns_far_away_do_not_move_a_region_point():
    # 300 towns around (38, 115) and five coded to the region 2,000 km west (a source error)
    core = [(36.0 + 0.02 * (k % 100), 113.0 + 0.04 * (k // 3 % 100)) for k in range(300)]
    far = [(31.5, 94.0), (31.7, 94.3), (31.9, 90.8), (30.9, 95.2), (33.3, 87.8)]
    lat, lon = _area_center(core + far)
    assert 35.5 < lat < 38.5 and 112.5 < lon < 117.5


def test_hebei_point_is_in_hebei(gaz):
    loc = gaz.resolve("Hebei province")
    assert loc.precision == "admin1" and loc.country == "CN"
    assert float(haversine_km(38.0, 115.5, loc.lat, loc.lon)) < 250  # Shijiazhuang area, not Gansu


def test_an_explicit_state_cue_carries_to_the_bare_mentions():
    text = ("ALBANY (Wire) - New York state declared an emergency on Monday. Hospitals in New York "
            "reported 40 new cases, officials said.")
    got = _resolved(text, "New York")
    assert [loc.precision for loc in got["New York"]] == ["admin1", "admin1"]


def test_a_soft_region_hint_stays_with_its_own_mention():
    text = ("The airline, based in Rego Park, New York, wants to fly between New York and Moscow, "
            "the company said.")
    got = _resolved(text, "Rego Park", "New York", "Moscow")
    assert [loc.precision for loc in got["New York"]] == ["admin1", "town"]


def test_the_region_of_a_big_city_is_the_city_not_a_county_elsewhere():
    text = ("Rock Hill, S.C. - The project near Fort Mill will bring jobs to the Charlotte region, "
            "county officials in Rock Hill said.")
    got = _resolved(text, "Rock Hill", "S.C.", "Fort Mill", "Charlotte")
    loc = got["Charlotte"][0]
    assert loc.precision == "town" and loc.admin1 == "North Carolina"


def test_the_donetsk_region_is_still_the_oblast():
    got = _resolved("Shelling went on in the Donetsk region on Sunday.", "Donetsk")
    assert got["Donetsk"][0].precision == "admin1" and got["Donetsk"][0].country == "UA"


def test_a_town_and_its_county_settle_together_from_the_start():
    text = ("Joe Smith, 60, Lebanon, was arrested Thursday. Smith has no prior record in Boone County, "
            "police in Lebanon said.")
    got = _resolved(text, "Lebanon", "Boone County")
    assert {loc.admin1 for loc in got["Lebanon"]} == {"Indiana"}
    assert got["Boone County"][0].admin1 == "Indiana"


def test_a_village_abroad_that_nothing_else_backs_goes_to_the_main_place():
    text = ("LONDON (Wire) - Police in London said the man was seen near Piccadilly on Friday, "
            "before he went back to Muswell Hill.")
    got = _resolved(text, "London", "Piccadilly", "Muswell Hill")
    loc = got["Piccadilly"][0]
    assert loc.country == "GB" and "main place" in (loc.reason or "")


def test_a_bare_cambridge_is_a_town_not_an_australian_district(gaz):
    loc = gaz.resolve("Cambridge")
    assert loc.precision == "town" and loc.country != "AU"


def test_wa_in_an_australian_story_is_western_australia():
    text = "Beaches near Rockingham and Perth, WA, were closed after a shark was seen."
    got = _resolved(text, "Rockingham", "Perth", "WA")
    assert got["WA"][0].country == "AU" and got["WA"][0].admin1 == "Western Australia"


def test_geo_split_is_a_fixed_half_by_document_text():
    docs = [Doc(str(n), f"Story number {n} about Lagos and Abuja.", []) for n in range(200)]
    halves = [split_of(d) for d in docs]
    assert set(halves) == {"dev", "test"}
    assert 60 < halves.count("dev") < 140
    assert halves == [split_of(Doc("other id", d.text, [])) for d in docs]  # the text decides, not the id


def test_a_state_inside_an_unknown_place_name_elsewhere_in_the_country_is_not_its_point():
    text = ("PALESTINE, Texas - A man from Tennessee Colony was indicted by an Anderson County grand "
            "jury, police in Palestine said.")
    got = _resolved(text, "PALESTINE", "Texas", "Tennessee Colony", "Anderson County", "Palestine")
    loc = got["Tennessee Colony"][0]
    assert loc.admin1 == "Texas" and "main place" in (loc.reason or "")


def test_an_institution_named_after_a_state_sits_in_that_state():
    text = ("LOS ANGELES (Wire) - Researchers in Los Angeles and at Arizona State University found "
            "the virus in bats.")
    got = _resolved(text, "LOS ANGELES", "Los Angeles", "Arizona State University")
    assert got["Arizona State University"][0].admin1 == "Arizona"
