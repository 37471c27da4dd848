# Convenience targets; the scripts they call need only python3 (see README).
.PHONY: install run test lint clean
install:
	bash scripts/setup.sh
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
lint: install
	.venv/bin/ruff check src tests benchmarks
clean:
	rm -rf .venv newsledger.duckdb src/*.egg-info
