"""The brief's figure lines read as English: no bare pronoun or number as the figure's owner."""

from __future__ import annotations

from newsledger.views.brief_text import figure_sentence


def _fig(**kw):
    base = {"text": "about 20,000", "value": 20000, "bound": "approximate", "approximate": True,
            "counts": "inhabitants", "subject": None, "claimed_by": None, "sentence": ""}
    return {**base, **kw}


def test_relative_pronoun_is_not_an_owner():
    assert figure_sentence(_fig(subject="which")) == "About 20,000 inhabitants"


def test_named_owner_is_kept_with_claimant():
    line = figure_sentence(_fig(text="5,500", bound=None, approximate=False, counts="troops", subject="Russian",
                                claimed_by="Serhiy Cherevatyi", value=5500))
    assert line == "5,500 Russian troops, according to Serhiy Cherevatyi"
