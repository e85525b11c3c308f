"""The layer contract holds, and fails when broken: `lint-imports` (run by `make lint`) refuses a module that
imports up a layer, reaches the composition root from below it, makes the domain import a framework, imports the
flows from the package, closes a cycle between sibling modules (in the interfaces too), or sits in a package no
layer names.

Each breach is written as a real module into a copy of the package, and the real `lint-imports` runs on it with
the project's own configuration; every upward import between two layers (a class of faults) is generated."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

import grimp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importlinter.application.use_cases import read_user_options
from importlinter.configuration import configure
from importlinter.contracts.layers import LayersContract

REPOSITORY = Path(__file__).resolve().parents[1]
CONFIG = REPOSITORY / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


@dataclass(frozen=True)
class Breach:
    """Files that break one contract; no two breaches share a file name, so the cache never confuses them."""

    contract: str
    """The contract's name as lint-imports prints it."""
    files: Mapping[str, str]
    """Paths under the copied tree and their text."""


LAYERS = "lipp's layers, from the entrypoints down to the domain"
ROOT = "The composition root is imported only by entrypoints and flows"
FLOWS = "Flows sit above the package: nothing in lipp imports them"
FLOWS_CALL = "Flows use the composition root, not the interfaces"
PURE = "The domain is pure: no storage, web, flow, settings or rendering library"
ACYCLIC = "No cycles between sibling packages"

BREACHES = {
    "the domain imports a read model": Breach(LAYERS, {"lipp/domain/up.py": "from lipp.projections import rows\n"}),
    "the application builds lipp": Breach(ROOT, {"lipp/application/root.py": "from lipp.bootstrap import build\n"}),
    "digest computation runs a flow": Breach(ROOT, {"lipp/digest/breach_runs.py": "from lipp import flow_runs\n"}),
    "the package imports a flow": Breach(FLOWS, {"lipp/application/breach_flow.py": "import flows.learning_chase\n"}),
    "a flow drives the CLI": Breach(FLOWS_CALL, {"flows/breach.py": "from lipp.interfaces.cli import main\n"}),
    "the domain imports SQLAlchemy": Breach(PURE, {"lipp/domain/breach_sql.py": "import sqlalchemy\n"}),
    "the domain imports pydantic": Breach(PURE, {"lipp/domain/breach_model.py": "from pydantic import BaseModel\n"}),
    "two digest modules import each other": Breach(
        ACYCLIC,
        {
            "lipp/digest/breach_a.py": "from lipp.digest import breach_b\n",
            "lipp/digest/breach_b.py": "from lipp.digest import breach_a\n",
        },
    ),
    "two web modules import each other": Breach(
        ACYCLIC,
        {
            "lipp/interfaces/web/breach_a.py": "from lipp.interfaces.web import breach_b\n",
            "lipp/interfaces/web/breach_b.py": "from lipp.interfaces.web import breach_a\n",
        },
    ),
    "a package no layer names": Breach(LAYERS, {"lipp/newpart/__init__.py": "from lipp.domain import text\n"}),
}


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real lint-imports with the project's configuration; the packages are found in `cwd` first. Its cache
    (in the copy, keyed by each file's time) spares parsing the unchanged modules again for each breach."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(CONFIG), "--cache-dir", str(cwd / ".cache")],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "COLUMNS": "200"},  # each contract's result on one line
    )


BROKEN = re.compile(r"^(?P<name>.+) BROKEN(?: \(\d+ ignored imports?\))?$")


def broken_contracts(output: str) -> set[str]:
    return {found["name"] for line in output.splitlines() if (found := BROKEN.match(line))}


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of lipp and the flows, to break without touching the checkout (one per test process)."""
    root = tmp_path_factory.mktemp("tree")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPOSITORY / "src" / "lipp", root / "lipp", ignore=ignore)
    shutil.copytree(REPOSITORY / "flows", root / "flows", ignore=ignore)
    return root


@pytest.fixture
def tree(copied: Path) -> Iterator[Path]:
    """The copy, with whatever a test adds to it taken away again afterwards."""
    before = set(copied.rglob("*.py"))
    yield copied
    for added in set(copied.rglob("*.py")) - before:
        added.unlink()
    for folder in sorted({p for p in copied.rglob("*") if p.is_dir() and not any(p.iterdir())}, reverse=True):
        folder.rmdir()


def test_the_copied_tree_keeps_every_contract(tree: Path) -> None:
    done = lint_imports(tree)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not broken_contracts(done.stdout)


@pytest.mark.parametrize("breach", BREACHES.values(), ids=BREACHES.keys())
def test_a_breaching_module_fails_lint_imports(tree: Path, breach: Breach) -> None:
    for path, text in breach.files.items():
        assert not (tree / path).exists(), f"{path} would replace a module of lipp"
        (tree / path).parent.mkdir(parents=True, exist_ok=True)
        (tree / path).write_text(text)
    done = lint_imports(tree)
    assert done.returncode == 1, done.stdout + done.stderr
    assert breach.contract in broken_contracts(done.stdout), done.stdout


# Every import from a lower layer's module up into a higher layer's, over the real graph.

configure()  # what lint-imports does first: its readers of configuration files
OPTIONS = read_user_options(str(CONFIG))
LAYERS_OPTIONS = next(c for c in OPTIONS.contracts_options if c["id"] == "layers")


def layer_packages() -> list[list[str]]:
    """Each layer's packages, top first, as full module names."""
    layers: list[str] = LAYERS_OPTIONS["layers"]
    return [[f"lipp.{name.strip()}" for name in layer.replace(":", "|").split("|")] for layer in layers]


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("lipp", "flows", include_external_packages=True, cache_dir=None)


def layers_kept(graph: grimp.ImportGraph) -> bool:
    contract = LayersContract(
        name=LAYERS, session_options=OPTIONS.session_options, contract_options=dict(LAYERS_OPTIONS)
    )
    return bool(contract.check(graph, verbose=False).kept)


def modules_of(graph: grimp.ImportGraph, package: str) -> list[str]:
    return sorted({package} | graph.find_descendants(package))


def test_the_real_graph_keeps_the_layers(graph: grimp.ImportGraph) -> None:
    assert layers_kept(deepcopy(graph))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_import_up_a_layer_breaks_the_contract(graph: grimp.ImportGraph, data: st.DataObject) -> None:
    layers = layer_packages()
    upper = data.draw(st.integers(min_value=0, max_value=len(layers) - 2), label="upper layer")
    lower = data.draw(st.integers(min_value=upper + 1, max_value=len(layers) - 1), label="lower layer")
    importer = data.draw(st.sampled_from(modules_of(graph, data.draw(st.sampled_from(layers[lower])))))
    imported = data.draw(st.sampled_from(modules_of(graph, data.draw(st.sampled_from(layers[upper])))))
    breached = deepcopy(graph)
    breached.add_import(importer=importer, imported=imported)
    assert not layers_kept(breached), f"{importer} -> {imported} was allowed"


# import-linter sees an external package only whole: what the domain takes from eventsourcing is read here.

EVENTSOURCING_FOR_THE_DOMAIN = {"eventsourcing.domain"}
"""Aggregates and their events; never the applications, the recorders or the projections."""


def eventsourcing_imports(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "eventsourcing" else [f"eventsourcing.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name for name in names if name == "eventsourcing" or name.startswith("eventsourcing.")}
    return found


def test_the_domain_takes_only_aggregates_from_eventsourcing() -> None:
    taken = {
        str(path.relative_to(REPOSITORY)): eventsourcing_imports(path.read_text())
        for path in (REPOSITORY / "src" / "lipp" / "domain").rglob("*.py")
    }
    beyond = {path: names - EVENTSOURCING_FOR_THE_DOMAIN for path, names in taken.items()}
    assert not {path: names for path, names in beyond.items() if names}
    assert any(taken.values())  # the scan does see the domain's aggregates


@pytest.mark.parametrize(
    ("source", "beyond"),
    [
        ("from eventsourcing.application import Application\n", {"eventsourcing.application"}),
        ("import eventsourcing.persistence\n", {"eventsourcing.persistence"}),
        ("from eventsourcing import sqlite\n", {"eventsourcing.sqlite"}),
        ("def f() -> None:\n    from eventsourcing.system import System\n", {"eventsourcing.system"}),
        ("from eventsourcing.domain import Aggregate\n", set()),
    ],
)
def test_the_scan_sees_every_way_of_importing(source: str, beyond: set[str]) -> None:
    assert eventsourcing_imports(source) - EVENTSOURCING_FOR_THE_DOMAIN == beyond
