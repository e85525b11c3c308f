"""Register the deployments of `prefect.yaml` with the Prefect server: `python -m lipp.deploy.flows [ROOT]`.

Runs `prefect deploy` from the repository root (so the worker loads flows from this checkout) for every
deployment whose flow file is present, and says which are not: branches of the project land their flows at
different times, and a missing file must not stop the stack from starting. Needs PREFECT_API_URL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML, which Prefect brings; no stubs in the lock


@dataclass(frozen=True)
class Deployment:
    name: str
    entrypoint: str

    @property
    def flow_file(self) -> str:
        return self.entrypoint.rsplit(":", 1)[0]


def deployments_in(prefect_file: Path) -> list[Deployment]:
    config: dict[str, Any] = yaml.safe_load(prefect_file.read_text()) or {}
    found = [Deployment(name=d["name"], entrypoint=d["entrypoint"]) for d in config.get("deployments") or []]
    names = [d.name for d in found]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise SystemExit(f"{prefect_file}: deployment names must be unique ({', '.join(duplicated)})")
    return found


def deploy(root: Path) -> int:
    if not os.environ.get("PREFECT_API_URL"):
        raise SystemExit("set PREFECT_API_URL to the Prefect server's API (http://host:port/api)")
    prefect_file = root / "prefect.yaml"
    present: list[Deployment] = []
    missing: list[Deployment] = []
    for deployment in deployments_in(prefect_file):
        (present if (root / deployment.flow_file).is_file() else missing).append(deployment)
    for deployment in missing:
        print(f"not deployed: {deployment.name} ({deployment.flow_file} is not in this checkout)")
    if not present:
        return 0
    prefect = str(Path(sys.executable).parent / "prefect")
    names = [arg for d in present for arg in ("--name", d.name)]
    done = subprocess.run(
        [prefect, "--no-prompt", "deploy", "--prefect-file", str(prefect_file), *names], cwd=root, check=False
    )
    if done.returncode == 0:
        print("deployed: " + ", ".join(f"{d.name} ({d.entrypoint})" for d in present))
    return done.returncode


if __name__ == "__main__":
    sys.exit(deploy(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))
