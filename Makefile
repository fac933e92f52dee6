# Set-up and everyday commands. `make run` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-test lint typecheck eval bench train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamps make the install run once per change, not once per target. The install compiles the
# engine's modules (setup.py), and a compiled module shadows its source: an edit of the engine
# rebuilds it.
ENGINE_SOURCES := $(shell find summarizer -name '*.py')

# Without a C compiler or the Python headers, setup.py installs the pure-Python build; pip hides
# what it says, so the build is asked afterwards and a fallback said once.
$(VENV)/.installed: pyproject.toml setup.py $(ENGINE_SOURCES) | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@$(BIN)/python -m summarizer.build_info
	touch $@

$(VENV)/.installed-test: pyproject.toml setup.py $(ENGINE_SOURCES) | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,bench]'
	@$(BIN)/python -m summarizer.build_info
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/summarizer serve --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check summarizer api tests benchmarks scripts setup.py
	$(BIN)/ruff format --check summarizer api tests benchmarks scripts setup.py

typecheck: install-test
	$(BIN)/mypy

test: install-test lint typecheck
	$(BIN)/python -m pytest -q

eval: install
	@mkdir -p out
	@for set in peoples_daily thucnews; do \
		$(BIN)/summarizer batch $(SHARED)/eval/dev/$$set.jsonl -o out/$$set.jsonl --max-chars 120 --workers 2 && \
		printf '%s: ' $$set && \
		$(BIN)/python $(SHARED)/tools/score.py articles $(SHARED)/eval/dev/$$set.jsonl out/$$set.jsonl --max-chars 120 && \
		printf '%s verbatim: ' $$set && \
		$(BIN)/python scripts/check_verbatim.py articles $(SHARED)/eval/dev/$$set.jsonl out/$$set.jsonl \
		|| exit 1; \
	done
	@$(BIN)/python scripts/thucnews_validation.py $(SHARED)/eval/dev/thucnews.jsonl out/thucnews_validation.jsonl && \
		printf 'thucnews_validation: ' && \
		$(BIN)/python $(SHARED)/tools/score.py articles out/thucnews_validation.jsonl out/thucnews.jsonl --max-chars 120
	@for set in pages pdfpages; do \
		$(BIN)/summarizer batch --pages $(SHARED)/eval/dev/$$set.jsonl -o out/$$set.jsonl --workers 2 && \
		printf '%s: ' $$set && \
		$(BIN)/python $(SHARED)/tools/score.py pages $(SHARED)/eval/dev/$$set.jsonl out/$$set.jsonl && \
		printf '%s verbatim: ' $$set && \
		$(BIN)/python scripts/check_verbatim.py pages $(SHARED)/eval/dev/$$set.jsonl out/$$set.jsonl \
		|| exit 1; \
	done
	@printf 'pdfpages from the PDFs: ' && $(BIN)/python scripts/eval_pdf_pages.py --out out/pdfpages_from_pdf.jsonl
	@# The same sets in traditional script (OpenCC, Taiwan and Hong Kong standards, the answers
	@# converted alike), written under out/ now and never committed; then every output checked
	@# to be a verbatim piece of its input (scripts/check_verbatim.py).
	@mkdir -p out/traditional
	@for std in tw hk; do \
		for set in peoples_daily thucnews pages pdfpages; do \
			case $$set in *pages) mode=pages; flags=--pages;; *) mode=articles; flags="--max-chars 120";; esac; \
			data=out/traditional/$${set}_$$std.data.jsonl; pred=out/traditional/$${set}_$$std.jsonl; \
			$(BIN)/python scripts/traditional_dev_set.py s2$$std $(SHARED)/eval/dev/$$set.jsonl $$data && \
			$(BIN)/summarizer batch $$flags $$data -o $$pred --workers 2 && \
			printf '%s (%s): ' $$set $$std && \
			$(BIN)/python $(SHARED)/tools/score.py $$mode $$data $$pred $$( [ $$mode = articles ] && echo --max-chars 120 ) && \
			printf '%s (%s) verbatim: ' $$set $$std && \
			$(BIN)/python scripts/check_verbatim.py $$mode $$data $$pred \
			|| exit 1; \
		done; \
	done
	@# The dev PDFs in traditional script: their characters converted once read (layout kept).
	@for std in tw hk; do \
		printf 'pdfpages from the PDFs (%s): ' $$std && \
		$(BIN)/python scripts/eval_pdf_pages.py --script s2$$std --out out/traditional/pdfpages_from_pdf_$$std.jsonl \
		|| exit 1; \
	done

# The learned parameters in summarizer/data/, from ../shared's training data (scripts/train/):
# the same data gives the same files, byte for byte.
train: install-test
	$(BIN)/python -m scripts.train

bench: install-test
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find summarizer -name '*.so' -delete
	rm -f summarizer_compiled__mypyc*.so
