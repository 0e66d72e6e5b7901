# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Offline demo: a 500-member demo loyalty program synced to the built-in Klaviyo sandbox.
demo: $(STAMP)
	$(BIN)/loyalty-desktop sync --source demo --members 500 --to klaviyo-sandbox

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/sync_klaviyo.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
