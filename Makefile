# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: setup run test test-fast fuzz bench loadtest sample-pdf system-deps clean help

help:
	@echo "make run    - set up .venv and start the dashboard on the sample data (http://localhost:$(PORT))"
	@echo "make test   - set up .venv and run every test (in CI also installs Chromium, fonts, poppler, PostgreSQL)"
	@echo "make setup  - only create/update .venv (idempotent)"
	@echo "make fuzz   - run the fuzz suite longer (thousands of hostile inputs per target)"
	@echo "make bench  - run the performance benchmarks"
	@echo "make loadtest - N concurrent browser sessions against one app process (loopback, bounded; see docs/deploy.md)"
	@echo "make sample-pdf - regenerate docs/sample_plan.pdf and its first-page preview (needs poppler-utils)"

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@# compile the engine once (numba caches it in planner/__pycache__), so the first page load is fast
	$(PY) -m planner simulate sample_debts.csv --budget 8000 > /dev/null
	@# bytecode for the app's own modules (where PYTHONDONTWRITEBYTECODE is set, imports never write it)
	$(PY) -m compileall -q planner ui app.py > /dev/null
	@touch $(STAMP)

run: setup
	$(PY) -m ui.serve --server.port $(PORT)

# In CI (CI=true) the browser, CJK font, poppler and PostgreSQL are installed from Debian's packages.
system-deps:
	@if [ "$$CI" = "true" ]; then bash .ci/system-deps.sh; fi

test: setup system-deps
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not e2e and not postgres"

# The fuzz suite with many more examples (make test runs it briefly).
fuzz: setup
	PLANNER_FUZZ_PROFILE=fuzz-long $(PY) -m pytest -q -m fuzz

bench: setup
	$(PY) benchmarks/run.py

# Bounded: levels 1,2,4,8 sessions, 2 rounds each, at most 15 minutes; loopback only (docs/deploy.md).
loadtest: setup
	$(PY) benchmarks/loadtest.py $(LOADTEST_ARGS)

# The sample plan shown in the README (date fixed so the file only changes when the code does).
sample-pdf: setup
	$(PY) -m planner report sample_debts.csv --budget 6000 --date 2026-12-01 --out docs/sample_plan.pdf
	pdftoppm -r 110 -png -f 1 -l 1 -singlefile docs/sample_plan.pdf docs/sample_plan_p1

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
