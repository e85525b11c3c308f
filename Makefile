# The two commands: `make demo` runs the main job on the embedded default; `make test` installs and passes the tests.
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: demo test install lint schemas bench bench-projections bench-api bench-digest bench-learning bench-cli bench-web clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

# Bytecode is compiled here because machines may set PYTHONDONTWRITEBYTECODE: without .pyc files every process
# (each `lipp` call, each Prefect or uvicorn server) compiles its imports again, about a second each.
install: $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	.venv/bin/python -m compileall -q src flows bench
	npm ci --no-audit --no-fund --loglevel=error

demo: install
	.venv/bin/lipp demo

lint: install
	.venv/bin/ruff check src tests bench flows
	.venv/bin/ruff format --check src tests bench flows
	.venv/bin/mypy
	.venv/bin/mypy flows
	.venv/bin/lint-imports --no-cache

schemas: install
	.venv/bin/lipp schemas write

# The browser tests drive Debian's Chromium; CI installs it here (as root) and the tests fail loudly without it.
test: lint
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	.venv/bin/lipp schemas check
	.venv/bin/pytest

bench: install
	.venv/bin/python bench/commands.py

bench-projections: install
	.venv/bin/python bench/projections.py $(BENCH_ARGS)

bench-api: install
	.venv/bin/python bench/api.py $(BENCH_ARGS)
bench-digest: install
	.venv/bin/python bench/digest.py $(BENCH_ARGS)
bench-learning: install
	.venv/bin/python bench/learning.py $(BENCH_ARGS)

bench-cli: install
	.venv/bin/python bench/cli.py $(BENCH_ARGS)

bench-web: install
	.venv/bin/python bench/web.py $(BENCH_ARGS)

clean:
	rm -rf .venv .tools node_modules test-artifacts lipp-demo .pytest_cache .mypy_cache .ruff_cache .hypothesis
