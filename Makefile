# The project's interface: other tools call these targets; keep names and arguments stable.
# Pelican's quickstart variables: override INPUTDIR/OUTPUTDIR to build any folder of articles,
#   make html INPUTDIR=/some/articles OUTPUTDIR=/tmp/site
PYTHON3 ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
PELICANOPTS ?=

BASEDIR := $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE ?= $(BASEDIR)/pelicanconf.py
PUBLISHCONF ?= $(BASEDIR)/publish/publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
OFFLINEZIP ?= $(BASEDIR)/dist/annotated-archive.zip
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_PAGES_COMMIT_MESSAGE ?= Generate the archive site

# The virtual environment is (re)built whenever the pinned dependencies change: what a
# build needs (STAMP), and the test tools on top for `make test` (TEST_STAMP).
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: help venv html regenerate serve devserver publish github test clean extract eval offline bench

help:
	@echo 'make html        build the site into $$(OUTPUTDIR) (default: output/)'
	@echo 'make serve       build, then serve it on http://$(HOST):$(PORT)/ (PORT=... to change)'
	@echo 'make devserver   serve and rebuild whenever content, theme or plugins change'
	@echo 'make publish     build with publish/publishconf.py (SITEURL from the environment)'
	@echo 'make github      publish, then push $$(OUTPUTDIR) to the $(GITHUB_PAGES_BRANCH) branch'
	@echo 'make offline     build, then zip the site to $$(OFFLINEZIP): it works unzipped, from disk'
	@echo 'make test        run the test suite (installs what it needs on first use)'
	@echo 'make clean       remove the output and caches'
	@echo 'make extract IN=in.jsonl OUT=out.jsonl   quotes of each {id, text, lang?} line'
	@echo 'make eval        score the engine on ../shared (seed, PolNeAR dev, German dev), and its speed'
	@echo 'make bench N=2000 [SOURCE=corpus.jsonl]   time plain Pelican against the annotated build'
	@echo 'Variables: INPUTDIR, OUTPUTDIR, CONFFILE, PUBLISHCONF, PORT, HOST, PELICANOPTS'

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON3) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

html: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

regenerate: devserver

serve: html
	@echo "Serving $(OUTPUTDIR) on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(HOST) -p $(PORT)

devserver: $(STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(HOST) -p $(PORT) $(PELICANOPTS)

# A zip of the site that works anywhere from disk (relative links, file:// search).
offline: html
	$(BIN)/python tools/make_offline.py "$(OUTPUTDIR)" "$(OFFLINEZIP)"

# SITEURL: where the site will live, e.g. https://USER.github.io/REPO (no trailing slash).
publish: $(STAMP)
	SITEURL="$(SITEURL)" $(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

# Without SITEURL, the Pages address is derived from the `origin` remote.
github: $(STAMP)
	url="$${SITEURL:-$$($(BIN)/python publish/siteurl.py)}" && $(MAKE) publish SITEURL="$$url"
	$(BIN)/ghp-import -n -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)"
	git push origin $(GITHUB_PAGES_BRANCH)

# axe-core, for the accessibility checks of the browser tests (from the npm registry).
AXE_VERSION ?= 4.14.1
AXE := $(VENV)/node/node_modules/axe-core/axe.min.js

$(AXE): $(TEST_STAMP)
	@command -v npm >/dev/null 2>&1 || { echo "npm not found: the accessibility tests will be skipped"; exit 0; }; \
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node axe-core@$(AXE_VERSION)

test: $(TEST_STAMP) $(AXE)
	$(BIN)/ruff check plugins tests tools publish pelicanconf.py
	$(BIN)/python -m pytest

clean:
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache "$(OFFLINEZIP)"

# The quotation engine on its own (plugins/archive_quotes): text in, quotes out.
extract: $(STAMP)
	@test -n "$(IN)" -a -n "$(OUT)" || { echo "usage: make extract IN=in.jsonl OUT=out.jsonl"; exit 2; }
	$(BIN)/python -m archive_quotes extract "$(IN)" "$(OUT)"

N ?= 2000
REPEAT ?= 3
bench: $(STAMP)
	$(BIN)/python tools/bench.py --articles $(N) --repeat $(REPEAT) $(if $(SOURCE),--source "$(SOURCE)")

eval: $(STAMP)
	$(BIN)/python -m archive_quotes eval
	$(BIN)/python -m archive_quotes bench
