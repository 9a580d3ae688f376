# Releasing the Brakes: every entry point the README names.
# `make site` and `make test` do the whole set-up on a fresh machine (Python 3.11, make, git).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SPHINXOPTS ?=
SPHINX := $(BIN)/sphinx-build -W --keep-going -n -q $(SPHINXOPTS)
PORT   ?= 8000

# Browser tests: Debian's Chromium (never `playwright install`) and axe-core from npm.
# The site build trims the theme's CSS with PurgeCSS, also from npm (brakes.sphinxext.trim_css).
CHROMIUM := /usr/bin/chromium
# bubblewrap isolates each notebook `brakes grade` runs (tests/grading/test_sandbox.py).
BWRAP    := /usr/bin/bwrap
NODE_TOOLS := node_modules/.installed
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT      := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: site trainer serve lab test test-fast test-oldest lint exercises bench clean help browser-deps icons

help:
	@echo "make site     build the learner edition into _build/html"
	@echo "make trainer  build the trainer edition into _build/trainer"
	@echo "make serve    live preview on http://127.0.0.1:$(PORT)"
	@echo "make lab      JupyterLab on the exercise notebooks"
	@echo "make test     run the whole test suite"
	@echo "make test-fast  the unit tests alone (under 30 s on 2 cores)"
	@echo "make test-oldest  every notebook on the oldest pandas, numpy and matplotlib supported"
	@echo "make bench    run the benchmarks"
	@echo "make pdf      print both editions as PDF handouts into _build/pdf, linked from the site"
	@echo "make release  every artefact of this version in _build/release/brakes-<version>/"
	@echo "make scorm    the learner edition as a SCORM 1.2 package for an LMS, into _build/scorm"
	@echo "make icons    regenerate src/brakes/sphinxext/icons.json after a theme upgrade"
	@echo "make lock     regenerate requirements.lock from pyproject.toml (LOCKOPTS=--upgrade-package=NAME)"

# The virtualenv is rebuilt whenever the pinned versions or the project change.
$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed: install python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# requirements.lock: every exact version the venv installs, resolved by uv from pyproject.toml
# with all its extras, for the Python and platform that build the published pages (3.11.5 is
# the oldest 3.11 every pin installs on). uv keeps the versions the file already pins, so a
# second run changes nothing; to move one on purpose: make lock LOCKOPTS=--upgrade-package=NAME.
UV_VERSION  := 0.13.8
LOCK_PYTHON := 3.11.5
LOCKOPTS ?=

.PHONY: lock
lock:
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed: install python3.11"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test "$$($(BIN)/uv --version 2>/dev/null | cut -d' ' -f2)" = "$(UV_VERSION)" \
		|| $(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version $(LOCK_PYTHON) \
		--python-platform linux --custom-compile-command "make lock" --quiet $(LOCKOPTS) \
		--output-file requirements.lock

# The site trims its stylesheets with PurgeCSS where npm is installed (then `npm ci` runs
# when package-lock.json changes); without Node.js it keeps them whole and says so in one
# line (brakes.sphinxext.trim_css): a trainer on macOS or Windows needs only Python.
TRIM_TOOLS := $(if $(shell command -v npm),$(NODE_TOOLS))

# Sphinx's state (.doctrees, which holds trainer text too) stays out of the folders we publish.
site: $(STAMP) $(TRIM_TOOLS)
	$(SPHINX) -b html -d _build/.doctrees/html . _build/html
	@echo "Learner edition built: open _build/html/index.html"

trainer: $(STAMP) $(TRIM_TOOLS)
	$(SPHINX) -b html -t trainer -d _build/.doctrees/trainer . _build/trainer
	@echo "Trainer edition built: open _build/trainer/index.html"

serve: $(STAMP) $(TRIM_TOOLS)
	$(BIN)/sphinx-autobuild --host 127.0.0.1 --port $(PORT) -b html -d _build/.doctrees/html . _build/html \
		--ignore "_build/*" --ignore ".venv/*" --ignore "*.ipynb_checkpoints*"

# JupyterLab asks to fetch news and check for updates on the internet: not in a
# training room that may have none. These settings switch both off for our venv.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json

$(LAB_OVERRIDES): $(STAMP)
	@mkdir -p $(dir $@)
	@echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $@

lab: $(STAMP) $(LAB_OVERRIDES)
	$(BIN)/jupyter lab --ip 127.0.0.1 --no-browser --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/exercises $(if $(SUDO),,--allow-root)

exercises: $(STAMP)
	$(BIN)/brakes exercises

# The icons' SVG paths, read once from the theme's Font Awesome copy; commit the result.
icons: $(STAMP)
	$(BIN)/python scripts/make_icons.py

# mypy reads its settings and the files it checks from pyproject.toml ([tool.mypy]).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

# nbval: stored solution outputs must equal a fresh run. One notebook per worker. nbval's
# run of each solution notebook is also the site's: tests/nbval_feeds_cache.py stores it
# in the test builds' notebook cache, so they execute no notebook. Each notebook runs at
# most twice per `make test`: the solutions here and on the oldest supported versions, the
# learner notebooks in the README's environment (tests/kit/).
NBVAL := PYTHONPATH=tests $(BIN)/pytest -q -p no:cacheprovider -n 2 --dist loadfile

# pytest with one worker more than the cores: the slow tests spend much of their time
# waiting (a page's network going quiet, a kernel or JupyterLab starting, pip, a notebook
# left to time out), and the extra worker computes meanwhile. Tests that share a session
# fixture run on one worker; the page walks first, then unit tests, then the slow kinds
# longest first (tests/conftest.py); the 15 slowest printed.
# (The quick unit tests alone only compute: `make test-fast` runs one worker per core.)
WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
PYTEST := $(BIN)/pytest -q --dist loadgroup --no-loadscope-reorder --durations=15
SLOW   := site or browser or kernel or venv

# System packages come from `make browser-deps` alone (`make test` runs it): no other
# target calls apt-get. A target that needs one that is missing says so in a line and stops.
$(CHROMIUM) $(BWRAP):
	@echo "$@ is missing: run make browser-deps (Debian or Ubuntu, apt-get), or install it there"; exit 1

# axe-core and PurgeCSS, as package-lock.json pins them, with the npm of Node.js.
$(NODE_TOOLS): package.json package-lock.json
	@command -v npm >/dev/null \
		|| { echo "npm is missing: install Node.js, or run make browser-deps (Debian or Ubuntu)"; exit 1; }
	@npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# What the browser, accessibility and grading tests need from the system, each installed with
# apt-get only when missing, saying what and why (the apt-get log is shown if it fails);
# then npm's tools.
browser-deps:
	@missing=; \
	test -x $(CHROMIUM) || { missing="$$missing chromium"; \
		echo "browser-deps: installing chromium (apt-get): the browser and accessibility tests drive it"; }; \
	test -x $(BWRAP) || { missing="$$missing bubblewrap"; \
		echo "browser-deps: installing bubblewrap (apt-get): it isolates each notebook brakes grade runs"; }; \
	command -v npm >/dev/null || { missing="$$missing npm"; \
		echo "browser-deps: installing npm (apt-get): it installs axe-core for the tests and PurgeCSS for the site"; }; \
	test -z "$$missing" || { { $(APT) install -y -qq $$missing \
		|| { $(APT) update -qq && $(APT) install -y -qq $$missing; }; } \
		>/tmp/brakes-apt.log 2>&1 || { cat /tmp/brakes-apt.log; exit 1; }; }
	@$(MAKE) --no-print-directory $(NODE_TOOLS)

# The unit tests alone (no site build, no browser, no kernel), with the fast hypothesis profile.
test-fast: $(STAMP)
	$(PYTEST) -n auto -m "not ($(SLOW) or slow)"

# A fresh virtual environment with the oldest versions pyproject.toml supports and a
# workshop kit's wheel: every notebook and every hint's code run in it (also in `make test`).
test-oldest: $(STAMP)
	$(BIN)/pytest -q --durations=15 tests/kit -k oldest

# Three things at once, each printed whole when it ends: Chromium, bubblewrap and npm's
# tools (apt-get and npm, only when missing) install while the venv installs, then lint
# runs beside nbval (lint keeps one core busy, nbval two kernels). Then one pytest run,
# quick unit tests first, then the slow unit tests, then the site builds, browser, kernel
# and fresh-environment tests, longest first (tests/conftest.py), on every core.
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint browser-deps solutions-run
	HYPOTHESIS_PROFILE=thorough $(PYTEST) -n $(WORKERS)

# The solution notebooks: in step with exercises/, and their stored outputs what a fresh run
# gives (nbval, which also fills the test builds' notebook caches).
.PHONY: solutions-run
solutions-run: $(STAMP)
	$(BIN)/brakes exercises --check
	$(NBVAL) -p nbval_feeds_cache --nbval solutions --nbval-sanitize-with nbval-sanitize.cfg

# Lighthouse (185 MB) for the page-speed section, pinned in its own npm package
# (benchmarks/lighthouse/) so that `make test` never installs it.
LIGHTHOUSE := benchmarks/lighthouse/node_modules/.installed

# Every figure a ratio of two things measured side by side, or a count; the table goes to
# the terminal and bench/results.json (about 15 minutes on 2 cores; --help for options).
bench: $(STAMP) $(NODE_TOOLS) $(LIGHTHOUSE) $(CHROMIUM)
	$(BIN)/python -m benchmarks.run $(BENCHOPTS)

$(LIGHTHOUSE): benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	@command -v npm >/dev/null \
		|| { echo "npm is missing: install Node.js, or run make browser-deps (Debian or Ubuntu)"; exit 1; }
	@npm ci --prefix benchmarks/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# PDF handouts (brakes.trainer.handouts): both editions built, printed page by page by
# Chromium into $(HANDOUTS)/, then built again (a quick rebuild) so that each footer links
# the PDFs it found there (-D brakes_handouts; a plain `make site` links none). The trainer
# handout's expected answers are on the trainer build's seed:
# make pdf SPHINXOPTS='-D brakes_workshop_seed=2027'.
HANDOUTS := _build/pdf
WITH_HANDOUTS = SPHINXOPTS="$(SPHINXOPTS) -D brakes_handouts=$(HANDOUTS)"

.PHONY: pdf release
pdf: $(STAMP) $(NODE_TOOLS) $(CHROMIUM)
	@$(MAKE) --no-print-directory site trainer $(WITH_HANDOUTS)
	$(BIN)/python -m brakes.trainer.handouts --learner _build/html --trainer _build/trainer --out $(HANDOUTS)
	@$(MAKE) --no-print-directory site trainer $(WITH_HANDOUTS)

# Everything of this version in _build/release/brakes-<version>/, with SHA256SUMS and
# RELEASE-NOTES.md (the changelog's section): the learner site's offline zip, the notebook
# kit, the learners' wheel, the PDFs and the SCORM package (brakes.trainer.release).
# SCORM hook (#22 point 3): when this Makefile has a `scorm` target, it runs here, and its
# package ($(SCORM_PACKAGE), {version} filled in) joins the release whenever it exists.
SCORM_PACKAGE := _build/scorm/brakes-scorm-{version}.zip

release: pdf
	@if grep -q '^scorm:' $(firstword $(MAKEFILE_LIST)); then $(MAKE) --no-print-directory scorm; fi
	$(BIN)/python -m brakes.trainer.release --out _build/release \
		--artefact _build/html/_downloads/releasing-the-brakes-site.zip \
		--artefact _build/html/_downloads/releasing-the-brakes-notebooks.zip \
		--artefact $(HANDOUTS)/releasing-the-brakes.pdf \
		--artefact $(HANDOUTS)/releasing-the-brakes-trainer.pdf \
		--optional '$(SCORM_PACKAGE)'

# The learner edition as a SCORM 1.2 package for an LMS (brakes.sphinxext.scorm_package):
# _build/scorm/brakes-scorm-<version>.zip, made from what `make site` last built (built
# first if missing), so that `make release` packages the site it has just built.
.PHONY: scorm
scorm: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) --no-print-directory site
	$(BIN)/python -m brakes.sphinxext.scorm_package _build/html _build/scorm

clean:
	rm -rf _build .pytest_cache .ruff_cache .hypothesis node_modules
