"""Fixtures for the robustness tests: the hostile-input helper, loaded by path (tests are not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_HERE = Path(__file__).parent


def load_helper(name: str, folder: Path = _HERE) -> ModuleType:
    """Import a helper module that sits next to this file (or in `folder`), once per session."""
    key = f"robustness_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, folder / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


@pytest.fixture(scope="session")
def hostile() -> ModuleType:
    """The hostile-input generator module (cases, good texts, `write_corpus`)."""
    return load_helper("hostile_inputs")


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="session")
def load_api() -> ModuleType:
    """benchmarks/load_api.py: the loopback server and the fixed-rate load generator."""
    return load_helper("load_api", BENCHMARKS)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, nlp) -> Path:
    """A store holding the bundled examples, ingested once per session (copy it before writing to it)."""
    del nlp  # the ingest reuses the session's cached spaCy pipeline
    from newsledger.pipeline import ingest_paths
    from newsledger.settings import Settings

    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles not found")
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    report = ingest_paths([EXAMPLES], Settings(db=str(db)))
    assert report.stored >= 10 and report.events > 0
    return db


@pytest.fixture
def db_copy(example_db: Path, tmp_path: Path) -> Path:
    """A private copy of the example store for one test."""
    import shutil

    dest = tmp_path / "store.duckdb"
    shutil.copy(example_db, dest)
    return dest
