# newsledger: `make run` sets up and runs the main job on the bundled examples; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsledger.duckdb

.PHONY: install run test lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/newsledger ingest examples/articles --db $(DB)
	$(BIN)/newsledger events --db $(DB)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(DB) *.egg-info src/*.egg-info
