# The two commands: `make run` starts the app, `make test` runs every check.
# Each sets itself up first: .venv is created when missing or broken, and the project is
# (re)installed when pyproject.toml is newer than the last install.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
# jrnl, which the compatibility tests and the benchmarks compare against, in a venv of its own.
JRNL_VENV := .venv-jrnl
JRNL_STAMP := $(JRNL_VENV)/.installed-4.6

.PHONY: run test bench lint venv clean translations bundle wheel

run: $(RUN_STAMP)
	$(BIN)/smallwins

test: $(TEST_STAMP) $(JRNL_STAMP) lint
	$(BIN)/pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(TEST_STAMP) $(JRNL_STAMP)
	$(BIN)/python -m tests.benchmarks

# Installable builds (packaging/README.md): the wheel in dist/, and the PyInstaller one-folder
# bundle in dist/smallwins/ (PyInstaller runs in its own venv under build/pyinstaller/).
wheel: | venv
	$(BIN)/python -m pip wheel --no-deps --quiet --disable-pip-version-check -w dist .

bundle: | venv
	$(BIN)/python packaging/pyinstaller/build.py

# The translation template: every tr() string of the Qt layer (run after changing any), and
# the English plural forms ("%n win(s)" -> "1 win", "3 wins") compiled for the app to load.
translations: $(RUN_STAMP)
	$(BIN)/pyside6-lupdate $$(find smallwins_desktop/app -name '*.py' | sort) \
		-ts resources/translations/smallwins.ts
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete $$(find smallwins_desktop/app -name '*.py' | sort) \
		-ts resources/translations/smallwins_en.ts
	$(BIN)/python resources/translations/english_plurals.py resources/translations/smallwins_en.ts \
		smallwins_desktop/app
	$(BIN)/pyside6-lrelease resources/translations/smallwins_en.ts \
		-qm resources/translations/smallwins_en.qm

venv:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
		|| { echo "Small Wins needs Python 3.10 or newer ($(PYTHON) is older)."; exit 1; }
	@$(BIN)/python -c 'import sys' 2>/dev/null || { \
		echo "Creating $(VENV)"; rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }

# A current pip first: its console scripts start without importing `re` (5 ms per command).
$(RUN_STAMP): pyproject.toml | venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml | venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(RUN_STAMP)

$(JRNL_STAMP):
	@$(JRNL_VENV)/bin/python -c 'import sys' 2>/dev/null || { rm -rf $(JRNL_VENV); $(PYTHON) -m venv $(JRNL_VENV); }
	$(JRNL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check 'jrnl==4.6'
	touch $@

clean:
	rm -rf $(VENV) $(JRNL_VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis tests/e2e/artifacts \
		build dist
