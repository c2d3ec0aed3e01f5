# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test bench notebooks docs lint clean setup browser wordnet screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

## Build the graph from the bundled corpus into build/ and print where the view is.
run: setup
	$(BIN)/python -m graph.docs build/ontology.html
	$(BIN)/stancegraph build corpus --out build

## Chromium for the browser tests (Debian package; never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## WordNet 3.0 for the test that the derived table graph/data/wordnet_senses.csv is what WordNet gives
## (Debian package; never needed to run the extractor).
wordnet:
	@test -f /usr/share/wordnet/data.verb || { \
	  echo "installing Debian wordnet-base for the WordNet table test"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wordnet-base >/dev/null; }

## Set up, then run the whole test suite.
test: setup browser wordnet
	$(BIN)/python -m pytest

## Refresh docs/screenshot.png and docs/review.png (the README's pictures of the view and of the review page)
## from the bundled corpus.
screenshot: setup browser
	STANCEGRAPH_REFRESH_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/test_browser.py tests/test_review.py -k screenshot

## Benchmarks (most of an hour with shard_bench at 200 MB; README "Speed" says what each runs and leaves);
## `python -m bench sparql_bench --rdflib` adds the slow rdflib comparison (six minutes more).
bench: setup
	$(BIN)/python -m bench

notebooks: setup
	$(BIN)/python -m pip install --quiet -e '.[notebooks]'
	$(BIN)/python -m ipykernel install --sys-prefix --name stancegraph --display-name "stancegraph"
	$(BIN)/jupyter lab --ip 127.0.0.1 --no-browser $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) notebooks/

lint: setup
	$(BIN)/ruff check graph tests bench

clean:
	find build -mindepth 1 ! -name README.md -exec rm -rf {} +
