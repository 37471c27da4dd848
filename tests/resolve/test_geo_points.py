"""Reference points of regions, namesake cities and demonyms of the gazetteer."""

from __future__ import annotations

import pytest

from newsledger.resolve.gazetteer import get_gazetteer
from newsledger.resolve.geo_build import _area_center


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_area_center_is_the_middle_of_the_area_not_of_the_people():
    # many towns in a southern strip, fewer spread over a big empty north (Ontario's shape; its real
    # north has about a tenth of its towns: four lone points would read as coding errors, see
    # test_geo_round3.py)
    south = [(42.0 + 0.01 * k, -80.0 + 0.01 * k) for k in range(300)]
    north = [(42.0 + 2.0 * a, -95.0 + 2.0 * b) for a in range(8) for b in range(8) if a >= 3 or b <= 4]
    lat, lon = _area_center(south + north)
    assert 47.0 < lat < 51.0 and -91.0 < lon < -84.0


def test_area_center_across_the_date_line():
    lat, lon = _area_center([(60.0, 170.0), (64.0, 170.0), (60.0, -170.0), (64.0, -170.0), (62.0, 179.0)])
    assert 61.0 < lat < 63.0
    assert lon > 175.0 or lon < -175.0


def test_ontario_point_is_in_the_middle_of_the_province(gaz):
    loc = gaz.resolve("Ontario")
    assert loc.precision == "admin1" and loc.country == "CA"
    assert loc.lat > 47.0  # the old bounding-box middle of its towns sat at 46.0, by Lake Huron


def test_kherson_alone_is_the_city_and_with_region_the_oblast(gaz):
    city, region = gaz.resolve("Kherson"), gaz.resolve("Kherson region")
    assert city.precision == "town" and city.country == "UA"
    assert region.precision == "admin1" and region.admin1 == "Kherson"


def test_region_named_like_a_small_town_stays_the_region(gaz):
    assert gaz.resolve("Tabasco").precision == "admin1"  # Villahermosa, not Tabasco town, is its city


def test_demonyms_of_britains_nations(gaz):
    assert gaz.names[gaz.demonym("English")] == "England"
    assert gaz.names[gaz.demonym("Scottish")] == "Scotland"
    assert gaz.names[gaz.demonym("British")] == "United Kingdom"
