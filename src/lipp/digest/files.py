"""Where an issued digest's files live: `<data_dir>/digests/<id>/digest.{html,md,json}`."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from lipp.digest.render import Rendered

NAMES = {"html": "digest.html", "markdown": "digest.md", "json": "digest.json"}


def folder_of(data_dir: Path, digest_id: UUID) -> Path:
    return data_dir / "digests" / str(digest_id)


def write(folder: Path, rendered: Rendered) -> dict[str, Path]:
    """Write the three files (bytes exactly as rendered); returns them by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for kind, name in NAMES.items():
        path = folder / name
        path.write_bytes(getattr(rendered, kind).encode("utf-8"))
        written[kind] = path
    return written


def differences(folder: Path, rendered: Rendered) -> list[str]:
    """Which of the files on disk differ from `rendered` (missing ones included)."""
    found = []
    for kind, name in NAMES.items():
        path = folder / name
        if not path.exists() or path.read_bytes() != getattr(rendered, kind).encode("utf-8"):
            found.append(name)
    return found
