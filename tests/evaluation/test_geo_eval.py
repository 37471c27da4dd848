"""The geo evaluation parses all three corpus formats and scores as the literature does."""

from __future__ import annotations

from newsledger.evaluation.geo import error_stats, evaluate, format_report, load_corpus

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Police in Dayton, Ohio, closed a road on Monday.]]></text>
<toponyms><toponym><start>10</start><end>16</end><phrase>Dayton</phrase>
<gaztag geonameid="4509884"><name>Dayton</name><lat>39.75895</lat><lon>-84.19161</lon></gaztag></toponym>
<toponym><start>18</start><end>22</end><phrase>Ohio</phrase>
<gaztag geonameid="5165418"><name>Ohio</name><lat>40.25034</lat><lon>-83.00018</lon></gaztag></toponym>
</toponyms></article></articles>"""

GEOVIRUS = """<articles><article><text>Cases rose in Lagos, Nigeria.</text><locations>
<location><name>Lagos</name><start>15</start><end>20</end><lat>6.45</lat><lon>3.4</lon></location>
</locations></article></articles>"""

GWN = """<?xml version="1.0" ?><articles><article file="0"><text>Flooding hit Cork and the area.</text>
<toponyms><toponym><extractedName>Cork</extractedName><type>Literal</type><start>12</start><end>16</end>
<geonamesID>2965140</geonamesID><latitude>51.898</latitude><longitude>-8.4706</longitude></toponym>
<toponym><extractedName>area</extractedName><type>Literal_Expression</type><start>25</start><end>29</end>
</toponym></toponyms></article></articles>"""


def test_formats_parse(tmp_path):
    for name, xml, fmt in (("lgl.xml", LGL, "lgl"), ("gv.xml", GEOVIRUS, "geovirus"), ("gwn.xml", GWN, "geowebnews")):
        p = tmp_path / name
        p.write_text(xml, encoding="utf-8")
        got_fmt, docs, dropped = load_corpus(p)
        assert got_fmt == fmt and dropped == 0
        for d in docs:
            for g in d.gold:
                assert d.text[g.start:g.end] == g.text
    _f, docs, _d = load_corpus(tmp_path / "gv.xml")
    assert docs[0].gold[0].text == "Lagos"  # one-based offsets were realigned
    _f, docs, _d = load_corpus(tmp_path / "gwn.xml")
    assert len(docs[0].gold) == 1  # expressions without coordinates are not toponyms


def test_error_stats():
    s = error_stats([0.0, 10.0, 200.0, 20039.0])
    assert s["acc_161km"] == 0.5
    assert s["median_km"] == 105.0
    assert 0 < s["auc"] < 1
    assert error_stats([0.0, 0.0])["auc"] == 0.0


def test_evaluate_small_corpus(tmp_path):
    p = tmp_path / "lgl.xml"
    p.write_text(LGL, encoding="utf-8")
    r = evaluate(p)
    for key in ("ner_f1", "ner_precision", "ner_recall", "acc_161km", "mean_km", "median_km", "auc", "n"):
        assert key in r
    assert r["n"] == 2 and r["acc_161km"] == 1.0
    assert r["ner_recall"] > 0.4
    assert "acc@161km" in format_report(r)
