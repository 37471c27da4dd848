"""The timex evaluation reads TimeML, skips macOS junk files, and scores in the TempEval-3 sense."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.errors import NewsledgerError
from newsledger.evaluation.timex import evaluate, format_report, read_tml

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>test_1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2022-10-03" functionInDocument="CREATION_TIME">2022-10-03'
    '</TIMEX3></DCT>\n<TEXT>\n'
    'Troops <EVENT eid="e1" class="OCCURRENCE">entered</EVENT> Lyman on '
    '<TIMEX3 tid="t1" type="DATE" value="2022-10-02">Sunday</TIMEX3> &amp; stayed for '
    '<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.\n'
    '</TEXT>\n</TimeML>\n'
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "doc1.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "TimeBank" / "._doc1.tml").write_bytes(b"\x00\x05junk")
    (tmp_path / "TimeBank" / ".DS_Store").write_bytes(b"\x00junk")
    return tmp_path


def test_read_tml_offsets_and_anchor(corpus):
    doc = read_tml(corpus / "TimeBank" / "doc1.tml")
    assert str(doc.dct) == "2022-10-03"
    assert [(doc.text[g.start:g.end], g.value) for g in doc.gold] == [("Sunday", "2022-10-02"),
                                                                      ("three days", "P3D")]
    assert "&" in doc.text


def test_evaluate_perfect_document(corpus):
    r = evaluate(corpus)
    assert r["documents"] == 1
    assert (r["span_f1_strict"], r["span_f1_relaxed"], r["value_f1"]) == (1.0, 1.0, 1.0)
    assert r["by_type"]["DURATION"]["value_f1"] == 1.0
    assert "value F1" in format_report(r)


def test_split_and_missing_data(corpus, tmp_path):
    assert evaluate(corpus, split="timebank")["documents"] == 1
    with pytest.raises(NewsledgerError):
        evaluate(tmp_path / "nowhere")
