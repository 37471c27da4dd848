"""Hostile files: each gives a clear error naming the file (and line), and the rest of the batch goes in."""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from newsledger.errors import NewsledgerError
from newsledger.ingest.normalise import article_id, clean_text
from newsledger.ingest.walk import iter_articles
from newsledger.models import Article
from newsledger.store import open_store

from .conftest import load_helper

_CASES = [pytest.param(c, id=c.name.replace(" ", "-"),
                       marks=[pytest.mark.xfail(strict=True, reason=c.bug)] if c.bug else [])
          for c in load_helper("hostile_inputs").hostile_cases()]


@pytest.mark.parametrize("case", _CASES)
def test_each_hostile_file_gives_a_clear_error(case, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    out = list(iter_articles([path]))
    errs = [o for o in out if isinstance(o, NewsledgerError)]
    arts = [o for o in out if isinstance(o, Article)]
    assert len(out) == len(errs) + len(arts), "a reader yielded something that is neither Article nor error"
    assert tuple(e.code for e in errs) == case.codes
    assert len(arts) == case.articles
    for e in errs:
        assert case.filename in str(e), f"error does not name the file: {e}"
        assert e.path and Path(e.path.split("#")[0].split("[")[0]).name == case.filename
    if case.lines:
        assert tuple(e.line for e in errs) == case.lines
        for e, line in zip(errs, case.lines, strict=True):
            assert f"{case.filename}:{line}" in str(e)
    for a in arts:
        assert a.text.strip() and "\x00" not in a.text


def test_external_entity_is_not_expanded(hostile: ModuleType, tmp_path: Path) -> None:
    case = next(c for c in hostile.hostile_cases(huge=False) if c.name == "rss external entity")
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    (art,) = [o for o in iter_articles([path]) if isinstance(o, Article)]
    assert "root:" not in art.text and "/bin/" not in art.text


def test_nonsense_date_is_logged_with_the_file(hostile: ModuleType, tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    case = next(c for c in hostile.hostile_cases(huge=False) if c.name == "front matter nonsense date")
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    with caplog.at_level(logging.WARNING):
        (art,) = list(iter_articles([path]))
    assert isinstance(art, Article) and art.published is None
    assert art.date_reason and art.date_reason.startswith("unparseable")
    assert any(case.filename in r.getMessage() for r in caplog.records)


def test_whole_hostile_batch_via_cli(hostile: ModuleType, nlp, tmp_path: Path) -> None:
    """The CLI ingests every good article among the hostile ones, lists each failure and exits 1."""
    del nlp  # loaded once per session; the CLI reuses the cached pipeline
    folder = tmp_path / "in"
    pairs = hostile.write_corpus(folder)
    db = tmp_path / "h.duckdb"
    from newsledger.views.cli import app

    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--quiet"])
    assert result.exit_code == 1, result.output
    expected_errors = sum(len(c.codes) for c, _ in pairs if not c.bug)
    # Known-bug files fail whole today (one error each) instead of per line; count what they give now.
    buggy = [c for c, _ in pairs if c.bug]
    out = result.stderr if hasattr(result, "stderr") else result.output
    assert f"{expected_errors + len(buggy)} inputs failed" in " ".join(out.split())
    for case, path in pairs:
        if case.codes and not case.bug:
            assert path.name in out, f"no message names {path.name}"
    # Every article any file yielded is stored once (content ids: the same text in two files is one article).
    want = {o.article_id for o in iter_articles([folder]) if isinstance(o, Article)}
    assert {article_id(clean_text(t)) for t in hostile.GOOD_TEXTS} <= want
    with open_store(str(db), read_only=True) as store:
        stored = {r["article_id"] for r in store.query("SELECT article_id FROM articles")}
    assert stored == want
