"""Reading the versioned reference data files shipped inside the package."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

from lipp.domain.errors import InvalidInput

DATA = files("lipp.domain.reference") / "data"
VERSIONED_FILE = re.compile(r"^(?P<kind>[a-z-]+)-v(?P<version>\d+)\.json$")


class UnknownReferenceVersion(InvalidInput):
    """No data file of that kind has that version."""


def versions_of(kind: str) -> list[int]:
    """The versions shipped for a kind of reference data, oldest first."""
    found = []
    for entry in DATA.iterdir():
        match = VERSIONED_FILE.match(entry.name)
        if match and match["kind"] == kind:
            found.append(int(match["version"]))
    return sorted(found)


def latest_version(kind: str) -> int:
    return versions_of(kind)[-1]


@cache
def read_data(kind: str, version: int) -> dict[str, Any]:
    """The parsed data file `<kind>-v<version>.json`."""
    path = DATA / f"{kind}-v{version}.json"
    if not path.is_file():
        shipped = ", ".join(str(v) for v in versions_of(kind)) or "none"
        raise UnknownReferenceVersion(f"there is no version {version} of the {kind} (shipped: {shipped})")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def read_lines(name: str) -> list[str]:
    """A plain list file: one entry a line; blank lines and # comments skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
