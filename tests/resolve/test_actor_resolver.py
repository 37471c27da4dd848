"""Actor dictionary: countries, demonyms, metonyms, organisations, units, people, roles."""

from __future__ import annotations

import pytest

from newsledger.resolve.actors import get_resolver, resolve_actor, resolve_actor_scored


@pytest.mark.parametrize("text, code, sector", [
    ("the Kremlin", "RUS", "GOV"),
    ("Kyiv", "UKR", "GOV"),
    ("Kiev", "UKR", "GOV"),
    ("the White House", "USA", "GOV"),
    ("Beijing", "CHN", "GOV"),
    ("Defense Minister Sergei Shoigu", "RUS", "GOV"),
    ("the 144th Motor Rifle Division", "RUS", "MIL"),
    ("Iraqi police", "IRQ", "POL"),
    ("NATO", "IGO", "IGO"),
    ("the U.N.", "IGO", "IGO"),
    ("Ukrainian forces", "UKR", "MIL"),
    ("Hamas", "PSE", "REB"),
    ("the Palestinians", "PSE", None),
    ("Ivory Coast's Supreme Court", "CIV", "JUD"),
])
def test_resolves_code_and_sector(text, code, sector):
    actor = resolve_actor(text)
    assert actor is not None
    assert (actor.code, actor.sector) == (code, sector)


def test_country_actor_has_iso_alpha2_and_score():
    actor, score = resolve_actor_scored("Moscow")
    assert actor.country == "RU" and actor.name == "Russia"
    assert 0.0 < score <= 1.0


def test_several_countries_in_one_phrase():
    found = get_resolver().resolve_all("Hungarian and Romanian officials")
    assert [(a.code, a.sector) for a, _ in found] == [("HUN", "GOV"), ("ROU", "GOV")]


def test_role_without_country_keeps_sector_but_no_code():
    actor, score = resolve_actor_scored("the rebels")
    assert actor.code is None and actor.sector == "REB"
    assert score < 0.5


@pytest.mark.parametrize("text", ["us", "it", "the plan", "a new offensive", "amnesty"])
def test_ordinary_words_are_not_actors(text):
    assert resolve_actor(text) is None


def test_weapon_origin_and_ethnic_group_are_not_the_country():
    assert resolve_actor("US-supplied rockets") is None or resolve_actor("US-supplied rockets").code is None
    assert resolve_actor("ethnic Albanians") is None
    assert resolve_actor("pro-Russian separatists").code is None
