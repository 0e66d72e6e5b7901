# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo demo-headless test bench clean

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

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/sync_klaviyo.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
