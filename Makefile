# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo demo-headless test bench dist clean

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

# The desktop bundle for this OS in dist/ (PyInstaller, build.spec; one folder: dist/loyalty-desktop,
# or dist/Loyalty Desktop.app on macOS), then its build time and size (fails over the size budget).
dist: $(STAMP)
	@$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,dist]'
	@start=$$(date +%s); \
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec \
	&& $(BIN)/python packaging/bundle_size.py --built-since $$start

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
