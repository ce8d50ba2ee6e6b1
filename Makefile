# The two commands of the README: `make demo` and `make test`. Both set up .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# `make demo` ends by serving the dashboard (its URL printed; Ctrl-C stops it); NO_SERVE=1 skips that,
# DEMO_PORT picks another port.
DEMO_PORT ?= 8000

demo: $(STAMP)
	$(BIN)/curul state
	$(BIN)/curul data list
	$(BIN)/curul results 2016
	$(BIN)/curul history
	$(BIN)/curul seats --system peru-2016 --official
	@if [ -n "$(NO_SERVE)" ]; then echo "NO_SERVE is set: the dashboard is not started (curul serve starts it)"; \
	else exec $(BIN)/curul serve --port $(DEMO_PORT); fi

lint: $(STAMP)
	$(BIN)/ruff check .

# Static checks: lint, formatting, types (mypy on src/), and the import contracts of pyproject.toml.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: check
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
