"""Gazetteer lookups and ranking on names whose right reading is a public fact."""

from __future__ import annotations

import pytest

from newsledger.resolve.gazetteer import GeoContext, get_gazetteer, haversine_km, split_cue
from newsledger.resolve.geo_build import norm


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_norm_folds_accents_punctuation_and_abbreviations():
    assert norm("St. Louis") == "saint louis"
    assert norm("Québec") == "quebec"
    assert norm("U.S.") == "us"
    assert norm("the Donbas") == "donbas"


def test_split_cue_reads_kind_words():
    assert split_cue("Donetsk Oblast") == ("Donetsk", "admin")
    assert split_cue("city of Lyman") == ("Lyman", "town")
    assert split_cue("Kherson") == ("Kherson", None)


def test_kiev_and_kyiv_are_one_place(gaz):
    a, b = gaz.resolve("Kiev"), gaz.resolve("Kyiv")
    assert a.geonameid == b.geonameid == 703448
    assert a.precision == "town"


def test_region_cue_gives_the_oblast_not_the_city(gaz):
    city = gaz.resolve("Donetsk")
    region = gaz.resolve("Donetsk region")
    assert city.precision == "town" and city.geonameid == 709717
    assert region.precision == "admin1" and region.country == "UA"
    assert region.admin1 == "Donetsk"


def test_iso_subdivision_name_joins_geonames_region(gaz):
    loc = gaz.resolve("Donetska oblast")
    assert loc.precision == "admin1" and loc.country == "UA"


def test_lyman_is_a_town_in_donetsk(gaz):
    loc = gaz.resolve("Lyman", GeoContext(countries={"UA": 1.0}))
    assert loc.country == "UA" and loc.admin1 == "Donetsk" and loc.precision == "town"


def test_country_context_picks_georgia(gaz):
    assert gaz.resolve("Georgia", GeoContext(countries={"GE": 1.0})).country == "GE"
    us = gaz.resolve("Georgia", GeoContext(countries={"US": 1.0}, admin1={("US", "GA"): 0.5}))
    assert us.country == "US" and us.precision == "admin1"


def test_features_and_aliases(gaz):
    sea = gaz.resolve("Black Sea")
    assert sea.precision == "feature" and 40 < sea.lat < 47
    assert gaz.resolve("U.S.").country == "US"
    assert gaz.resolve("Ill.").admin1 == "Illinois"


def test_unknown_name_has_reason(gaz):
    loc = gaz.resolve("Qwzxplorbia")
    assert loc.lat is None and loc.reason == "not in gazetteer"


def test_score_is_a_probability(gaz):
    ranked = gaz.rank("Springfield")
    assert len(ranked) > 3
    assert abs(sum(c.prob for c in ranked) - 1.0) < 1e-6
    assert ranked[0].score >= ranked[1].score


def test_haversine_known_distance():
    # Kyiv to Kharkiv is about 410 km.
    assert 380 < float(haversine_km(50.45, 30.52, 49.99, 36.23)) < 440
