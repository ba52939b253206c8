# Two entry points for a fresh machine: `make demo` and `make test`.
# Everything they need is installed from nothing: a venv, the library, the
# plugins under plugins/, the dev tools, and (on Debian, where allowed) the
# CJK TrueType fonts and poppler-utils used by the PDF renderer and its tests,
# and LibreOffice, the office tests' independent spreadsheet and word processor.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PLUGINS := $(wildcard plugins/govdisclosure-*)
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest system-deps fonts install clean bench docs-catalog docs mutants

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml $(wildcard plugins/*/pyproject.toml)
	$(BIN)/pip install -q -e '.[dev]' $(foreach p,$(PLUGINS),-e $(p))
	touch $(STAMP)

install: $(STAMP)

# CJK TrueType fonts (embedded in PDFs) and poppler-utils (pdftotext,
# pdffonts, pdftoppm used by the PDF tests).  The official faces (小标宋,
# 仿宋, 黑体, 楷体) are not free; these stand in for them (docs/pdf.md):
# Noto Serif CJK SC Bold for 小标宋 (converted by `make fonts`), AR PL UMing
# for 仿宋 (a Song face: no free 仿宋 covers these reports), WenQuanYi Zen
# Hei for 黑体, LXGW WenKai for 楷体, Liberation Serif for Times New Roman.
# LibreOffice Calc and Writer (headless, without recommends: about 23 s of
# apt-get, measured on the development machine) are the independent engine of
# the office tests: they recalculate the Excel template's relation formulas
# and turn the .docx into a PDF for pdftotext.  Chromium (without recommends:
# about 36 s) is the browser the HTML renderer's pages are printed by.
# Skipped quietly where apt-get is unavailable or not permitted; the PDF
# renderer then uses what it finds (at worst the built-in STSong-Light CID
# font) and its tests cover that path; the office tests that need
# LibreOffice are skipped with that reason.
SYSTEM_FONTS := fonts-noto-cjk fonts-lxgw-wenkai fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-liberation
system-deps:
	@if command -v pdftotext >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'uming' \
	    && fc-list 2>/dev/null | grep -qi 'wenkai' && fc-list 2>/dev/null | grep -qi 'noto serif cjk' \
	    && command -v soffice >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then \
	  echo "system deps present"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    poppler-utils $(SYSTEM_FONTS) >/dev/null \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-calc libreoffice-writer chromium >/dev/null) \
	  || echo "warning: could not install poppler-utils/CJK fonts/LibreOffice/Chromium; PDF tests use the fallback, office and browser tests skip"; \
	else echo "warning: no apt-get as root; install poppler-utils, $(SYSTEM_FONTS), libreoffice-calc, libreoffice-writer and chromium yourself"; fi

# The heavy title face: Noto Serif CJK SC Bold converted once to TrueType
# (reportlab embeds only TrueType), cached under ~/.cache/govdisclosure/fonts.
fonts: install system-deps
	$(BIN)/python -m govdisclosure_pdf.titleface

demo: install system-deps fonts
	$(BIN)/python examples/render_all.py out

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy --strict over everything listed in pyproject's [tool.mypy] files: the
# library, the plugins and their tests, tests/, examples/ and bench/; the PDF
# plugin's conftest.py and the root conftest.py separately (their module name
# is tests/conftest.py's).
typecheck: install
	$(BIN)/mypy
	$(BIN)/mypy plugins/govdisclosure-pdf/tests/conftest.py
	$(BIN)/mypy conftest.py

# The command line takes its default language from LC_ALL / LC_MESSAGES /
# LANG; the tests expect the official (Chinese) default unless they name a
# locale, so they run with a neutral environment whatever the machine's.
# pytest-xdist runs them on every core (-n auto). loadfile keeps the tests of
# one file on one worker, in order: the code blocks of a docs page share one
# namespace (docs/conftest.py). (xdist_group marks and --dist loadgroup would
# be finer, but xdist 3.8 cannot set the group on pytest 9.2's node ids.)
pytest: install system-deps fonts
	env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 $(BIN)/pytest -n auto --dist loadfile

# The documentation site (Sphinx, docs/conf.py) from scratch, warnings as
# errors: a broken internal link or anchor, a reference that does not resolve,
# or a public name or hook missing from the API reference fails the build.
docs: install
	rm -rf docs/_build
	$(BIN)/sphinx-build -q -W --keep-going -b html docs docs/_build/html
	@echo "docs built: docs/_build/html/index.html"

test: lint typecheck pytest docs

bench: install
	$(BIN)/python bench/run.py

# Mutation testing (docs/testing.md, "Mutation testing"), never run by `make
# test`: mutmut, installed into the venv only, over the modules and test files
# named in pyproject's [tool.mutmut]; MUTANTS narrows it to some functions,
# e.g. make mutants MUTANTS='govdisclosure.validation.dated.x_*'.  Two
# workers; the survivors are listed at the end (`mutmut show NAME` shows one).
MUTANTS ?=
mutants: install
	$(BIN)/pip install -q mutmut==3.8.1
	env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 $(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) mutants out .pytest_cache .mypy_cache .ruff_cache .hypothesis docs/_build
