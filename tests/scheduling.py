"""How the suite is split into tiers and shared between pytest-xdist workers (called from tests/conftest.py).

Tiers, by folder, as markers: `pytest -m unit` runs the fast tier (pure domain and value rules, no store),
`-m integration` the tests on a real store (SQLite and PostgreSQL, the API in process, the CLI, SMTP), `-m e2e`
the ones that start whole programs (`lipp serve` and Chromium, `lipp demo`, deploy/start.sh).

Workers (`--dist loadgroup`): a test that shares a fixture wider than one test (a seeded store per module, one
`lipp serve` and Chromium per package, the demo run or Prefect's server per session) is put in a group with
the other tests sharing it, so the fixture is built once, on one worker, rather than once on each. Every other
test goes to whichever worker is free. Fixtures that cost next to nothing to build twice are left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
UNIT_FOLDERS = ("unit", "domain")
E2E_FOLDERS = ("e2e", "web", "deploy")
# Wider-than-test fixtures cheap enough to build on each worker (a database created, a folder made).
CHEAP_SHARED_FIXTURES = frozenset({"postgres_database", "tmp_path_factory", "worker_id", "testrun_uid"})


def tier_of(path: Path) -> str:
    """`unit`, `integration` or `e2e`, from the test file's top folder under tests/."""
    try:
        top = path.resolve().relative_to(TESTS).parts[0]
    except (ValueError, IndexError):
        return "integration"
    if top in UNIT_FOLDERS:
        return "unit"
    if top in E2E_FOLDERS:
        return "e2e"
    return "integration"


def shared_fixture_group(item: pytest.Item) -> str | None:
    """The group of tests sharing this test's widest costly fixture, or None when it shares none."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    widest: tuple[int, str] | None = None
    for name in info.names_closure:
        if name in CHEAP_SHARED_FIXTURES or name.startswith("_unittest_"):  # unittest-style classes
            continue
        for definition in info.name2fixturedefs.get(name, ()):
            rank = SCOPE_RANK.get(definition.scope)
            if rank is None:
                continue
            if definition.scope == "session":
                group = f"session:{name}"
            elif definition.scope == "package":
                group = f"package:{Path(definition.baseid.split('::')[0] or '.').as_posix()}"
            else:  # a module or class fixture: the module's tests stay together
                group = f"module:{item.nodeid.split('::')[0]}"
            if widest is None or rank > widest[0]:
                widest = (rank, group)
    return widest[1] if widest else None


SCOPE_RANK = {"class": 1, "module": 1, "package": 2, "session": 3}


def apply_tiers_and_groups(config: pytest.Config, items: list[pytest.Item]) -> None:
    grouping = config.pluginmanager.hasplugin("xdist")  # the marker is xdist's (and unknown without it)
    for item in items:
        item.add_marker(tier_of(Path(str(item.path))))
        if grouping and not any(True for _ in item.iter_markers("xdist_group")):
            group = shared_fixture_group(item)
            if group:
                item.add_marker(pytest.mark.xdist_group(group))
