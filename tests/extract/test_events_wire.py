"""Wire-style sentences we wrote, one per PLOVER type and more: the main coded event has the right type."""

from __future__ import annotations

import pytest

from newsledger.extract.events import extract_events

CASES = [
    ('Poland agreed to supply Ukraine with more artillery shells.', "AGREE"),
    ('German Chancellor Olaf Scholz held talks with Chinese President Xi Jinping in Beijing.', "CONSULT"),
    ("The White House praised Kyiv's handling of the grain corridor.", "SUPPORT"),
    ('Moscow eased restrictions on foreign journalists in the capital.', "CONCEDE"),
    ('Turkey and Ukraine signed a deal to produce drones jointly.', "SUPPORT"),
    ('Japan donated 20 generators to Ukrainian hospitals.', "AID"),
    ('Russian troops pulled out of Snihurivka on Thursday.', "RETREAT"),
    ('Kyiv urged the United Nations to send inspectors to the plant.', "REQUEST"),
    ('Hungary criticised the European Commission over frozen funds.', "ACCUSE"),
    ('Serbia rejected calls to impose sanctions on Russia.', "REJECT"),
    ('Lukashenko warned that Belarus would respond to any attack.', "THREATEN"),
    ('Thousands of farmers protested in Warsaw against grain imports.', "PROTEST"),
    ('The United States froze the assets of three Russian banks.', "SANCTION"),
    ('Russia massed troops on the border with Ukraine.', "MOBILIZE"),
    ('Georgian police detained an opposition leader on Friday.', "COERCE"),
    ('A Russian drone struck an apartment block in Odesa, killing two people.', "ASSAULT"),
    ("Ukraine's navy sank a Russian patrol boat near Crimea.", "ASSAULT"),
    ('Moldova expelled a Russian diplomat over the incident.', "SANCTION"),
    ('The new measures targeted Russian banks and arms makers.', "SANCTION"),
    ('Ukrainian troops encircled the Russian garrison in Lyman on Friday.', "ASSAULT"),
    ('The ruling party withdrew the bill after two nights of protests.', "CONCEDE"),
    ("Russian military bloggers harshly attacked the army's commanders over the retreat.", "ACCUSE"),
    ('Opposition lawmakers attacked the budget in parliament on Tuesday.', "ACCUSE"),
    ('Militants attacked an army checkpoint in northern Mali.', "ASSAULT"),
    ('Estonia and Finland agreed to share intelligence on Russian naval movements.', "AGREE"),
    ('Washington targeted three Iranian oil exporters with penalties on Monday.', "SANCTION"),
    ('Russian missiles targeted power stations across Ukraine overnight.', "ASSAULT"),
    ('The two presidents spoke by phone on Tuesday.', "CONSULT"),
    ('Rebels kidnapped three aid workers in eastern Congo.', "ASSAULT"),
    ('Armenia and Azerbaijan agreed to resume border talks next month.', "AGREE"),
    ('The French foreign minister visited Kyiv on Monday.', "CONSULT"),
    ('Canada welcomed the release of the detained journalists.', "SUPPORT"),
    ('Israeli forces withdrew from the town of Jenin after a two-day raid.', "RETREAT"),
    ('Sweden sent 50 ambulances to Ukraine.', "AID"),
    ('Iran called on the IAEA to end its investigation.', "REQUEST"),
    ('Beijing condemned the sale of US weapons to Taiwan.', "ACCUSE"),
    ('North Korea refused to resume talks with Seoul.', "REJECT"),
    ('The Taliban threatened to attack foreign troops that remain in Afghanistan.', "THREATEN"),
    ('Teachers went on strike across Nigeria on Monday.', "PROTEST"),
    ('Britain banned imports of Russian steel.', "COERCE"),
    ('China deployed warships near the disputed islands.', "MOBILIZE"),
    ('Turkish police arrested 40 suspected Islamic State members in Istanbul.', "COERCE"),
    ('Houthi rebels fired missiles at a cargo ship in the Red Sea.', "ASSAULT"),
    ('Sudanese paramilitaries shelled a market in Omdurman, killing 15 people.', "ASSAULT"),
    ('Russia suspended its participation in the grain deal.', "SANCTION"),
    ('Israel and Hamas agreed to a four-day truce.', "AGREE"),
    ('Kosovo police raided four Serb-run municipal offices.', "COERCE"),
    ('Protesters in Nairobi threw stones at police, who responded with tear gas.', "PROTEST"),
    ('The European Union imposed sanctions on Iranian drone makers.', "SANCTION"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_main_event_type(nlp, make_article, text, expected):
    art = make_article(text)
    events = extract_events(nlp(art.text), art)
    assert events, "no event coded"
    main = max(events, key=lambda e: e.confidence)
    assert main.event_type == expected
