"""lipp serves GOV.UK Frontend's CSS, JavaScript, fonts and images itself, from the npm package `make install`
puts in node_modules, beside lipp's own few files: no page loads anything from another site."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

ASSETS_PATH = "/assets"
OWN = Path(__file__).parent / "static"
log = logging.getLogger("lipp.web")


def frontend_dist() -> Path | None:
    """GOV.UK Frontend's `dist/govuk` folder: LIPP_NODE_MODULES, else node_modules at the project's root."""
    roots = [Path(os.environ["LIPP_NODE_MODULES"])] if os.environ.get("LIPP_NODE_MODULES") else []
    roots += [parent / "node_modules" for parent in Path(__file__).resolve().parents]
    for root in roots:
        dist = root / "govuk-frontend" / "dist" / "govuk"
        if dist.is_dir():
            return dist
    return None


def mount_assets(app: FastAPI) -> None:
    """Serve /assets/...: the CSS and JS bundles, Frontend's fonts and images (the CSS asks for them at
    /assets/fonts and /assets/images), and lipp's own scripts."""
    dist = frontend_dist()
    folders = [OWN]
    if dist is None:
        log.warning("GOV.UK Frontend is not installed (run make install): pages will have no styles")
    else:
        folders = [OWN, dist / "assets", dist]  # lipp's own first: Frontend's dist has an init.mjs too
    files = StaticFiles(directory=folders[0])
    files.all_directories = list(folders)  # looked up in turn, first match wins
    app.mount(ASSETS_PATH, files, name="assets")
