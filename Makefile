# Set-up in two commands: `make build` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test check lint bench clean pango-ffi glyphs hyphenation fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

build: $(VENV)/.installed
	$(BIN)/publisher build

check: $(VENV)/.installed
	$(BIN)/publisher check

# mypy checks the parts whose types the other formats lean on: the model, the visitor, the renderers.
MYPY_PATHS := publisher/model.py publisher/visitor.py publisher/renderers

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy $(MYPY_PATHS)
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy $(MYPY_PATHS)

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py
	$(BIN)/python bench/layout_report.py

clean:
	rm -rf $(VENV) output/*.pdf output/*.docx output/*.html output/*.json

# After changing WeasyPrint: parse its C declarations again (see publisher/renderers/pdf/pango_ffi.py).
pango-ffi: $(VENV)/.installed
	$(BIN)/python -m publisher.renderers.pdf.pango_ffi

# After upgrading pyphen: parse its English patterns again (publisher/hyphenation_en.json, see hyphenation.py).
hyphenation: $(VENV)/.installed
	$(BIN)/python -m publisher.hyphenation

# After changing templates/fonts: recompute which characters the PDF can draw (publisher/glyph_coverage.py).
glyphs: $(VENV)/.installed
	$(BIN)/python -m publisher.glyphs

# Fuzz the readers longer than CI does: tests/test_fuzz.py with 50 times the examples and fresh
# randomness (CI runs a few dozen derandomized ones). Failures are saved in .hypothesis/ and replayed first.
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_fuzz.py
