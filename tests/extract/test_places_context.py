"""Resolution cues from the names around a toponym: containers, lists, governors, co-located namesakes."""

from __future__ import annotations

from newsledger.extract.places import resolve_spans
from newsledger.resolve.gazetteer import get_gazetteer, haversine_km


def _resolve(text: str, names: list[str]) -> dict[str, list]:
    """Resolve every occurrence of `names` in `text` (spans given, so no spaCy is needed)."""
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + len(name))
    out: dict[str, list] = {}
    for p in resolve_spans(text, spans, "a1", get_gazetteer()):
        out.setdefault(p.text, []).append(p.location)
    return out


def test_town_missing_from_gazetteer_is_placed_in_its_stated_state():
    text = "Martha Lehman was born in Grantville, Pennsylvania, on November 4, 1913, and taught school."
    loc = _resolve(text, ["Grantville", "Pennsylvania"])["Grantville"][0]
    assert loc.admin1 == "Pennsylvania" and loc.country == "US"
    assert loc.reason and "Pennsylvania" in loc.reason


def test_a_list_of_places_is_no_container():
    text = "Cases were confirmed in Nairobi, Kisumu, Kisii, Wajir and Mandera, the health ministry said."
    places = _resolve(text, ["Nairobi", "Kisumu", "Kisii", "Wajir", "Mandera"])
    assert all(loc.reason is None for locs in places.values() for loc in locs)


def test_town_and_region_chain_keeps_the_town():
    text = "The firm, based in Toronto, Ontario, Canada, won the design contract on Monday."
    places = _resolve(text, ["Toronto", "Ontario", "Canada"])
    assert places["Toronto"][0].country == "CA" and places["Toronto"][0].precision == "town"


def test_new_york_after_a_town_is_the_state():
    text = "The girl, from Buffalo, New York, died on Tuesday, hospital officials said."
    loc = _resolve(text, ["Buffalo", "New York"])["New York"][0]
    assert loc.precision == "admin1" and loc.name == "New York"


def test_new_york_among_states_is_the_state():
    text = "Outbreaks were reported in Missouri, New York, North Carolina and Virginia this week."
    places = _resolve(text, ["Missouri", "New York", "North Carolina", "Virginia"])
    assert places["New York"][0].precision == "admin1"


def test_new_york_with_a_governor_is_the_state_and_alone_the_city():
    gov = _resolve("New York Gov. Andrew Cuomo declared an emergency on Friday.", ["New York"])
    assert gov["New York"][0].precision == "admin1"
    city = _resolve("Flights between New York and Moscow resume next month.", ["New York", "Moscow"])
    assert city["New York"][0].precision == "town"


def test_names_listed_before_counties_are_counties():
    text = "Jobless rates in Clarke, Madison, Oconee and Oglethorpe counties stayed below the state's."
    places = _resolve(text, ["Clarke", "Madison", "Oconee", "Oglethorpe"])
    for name in ("Madison", "Oglethorpe"):
        assert places[name][0].name.endswith("County")
        assert places[name][0].admin1 == "Georgia"


def test_town_and_county_that_lie_together_settle_each_other():
    text = ("The Athens Police Department arrested a 33-year-old man on Monday. He was booked into the "
            "Henderson County jail on a theft charge.")
    places = _resolve(text, ["Athens", "Henderson County"])
    athens, county = places["Athens"][0], places["Henderson County"][0]
    assert athens.admin1 == county.admin1 == "Texas"
    assert haversine_km(athens.lat, athens.lon, county.lat, county.lon) < 50


def test_unknown_building_goes_to_the_main_place_not_a_far_namesake_inside_it():
    text = ("NEW ORLEANS - Brass bands played late on Saturday in the Faubourg Marigny, where New Orleans "
            "police closed two blocks. Louisiana officials said the crowds were peaceful.")
    loc = _resolve(text, ["NEW ORLEANS", "Faubourg Marigny", "New Orleans", "Louisiana"])["Faubourg Marigny"][0]
    assert loc.country == "US" and loc.admin1 == "Louisiana"
    assert loc.reason and "main place" in loc.reason
