# The two commands of the README: `make render` and `make test`. Both set up what they need.
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= build

.PHONY: render test lint docs bench fuzz setup setup-dev clean

setup:
	@scripts/setup.sh

setup-dev:
	@scripts/setup.sh --dev

## Render Harmonien's notice, record and graph from data/processing.yaml into build/.
render: setup
	$(PY) -m harmonien_ropa render --data data/processing.yaml --out $(OUT)

## Lint, type-check and run the whole test suite (on up to 4 cores; a test file stays on one).
test: setup-dev lint
	$(PY) -m pytest -n auto --maxprocesses=4 --dist loadfile

## Build the documentation site into site/ (the test suite builds it too, with --strict).
docs: setup-dev
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict -d site

## Time and peak memory of load, check and every renderer for synthetic organisations of
## 10 to 10,000 activities, against the bare YAML parse (a few minutes; see bench/run.py).
bench: setup-dev
	$(PY) bench/run.py $(BENCH_ARGS)

## Long fuzzing run: many more hypothesis examples of valid maps and mutated YAML, and of the
## legal engine's properties (record, coverage and rules agree; notice, record and locate agree).
fuzz: setup-dev
	HARMONIEN_FUZZ_PROFILE=fuzz $(PY) -m pytest tests/test_fuzz.py tests/test_law_properties.py -q --hypothesis-show-statistics

lint:
	$(PY) -m ruff check harmonien_ropa tests docs bench scripts
	$(PY) -m ruff format --check harmonien_ropa tests docs bench scripts
	$(PY) -m mypy --strict harmonien_ropa
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(OUT) site .pytest_cache .mypy_cache .ruff_cache
