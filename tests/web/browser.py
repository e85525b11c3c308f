"""Debian's Chromium driven by Playwright, axe-core run inside every page a test visits, and each page's
screenshot kept under test-artifacts/web/."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "web"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.2 A and AA (and the 2.0/2.1 rules they include), plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def require_browser() -> None:
    """Skip on a developer's machine without Chromium or axe-core; in CI (CI=true) fail loudly instead."""
    missing = [what for what, there in ((CHROMIUM, Path(CHROMIUM).exists()), (str(AXE), AXE.exists())) if not there]
    if not missing:
        return
    message = f"browser tests need {', '.join(missing)} (make install; make test installs Chromium)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


# As strict as the API's own security headers will be: nothing inline, nothing from elsewhere, never in a frame.
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'"


def with_strict_csp(context: BrowserContext, visits: Visits) -> None:
    """Serve every page to this browser under STRICT_CSP, so an inline script or style would be refused (and
    `Visits.check` fails on the refusal the browser logs)."""

    def add_policy(route: Route) -> None:
        response = route.fetch(max_redirects=0)
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    context.route("**/app/**", add_policy)


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


class Visits:
    """Numbered screenshots and an axe run for each page shown, and every CSP report the browser logged."""

    def __init__(self, name: str) -> None:
        self.folder = ARTIFACTS / name
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.count = 0
        self.results: dict[str, int] = {}
        self.console: list[str] = []
        self.elsewhere: list[str] = []  # no page loads anything from another site (no CDN)
        self.missing_assets: list[str] = []

    def watch(self, page: Page) -> None:
        """Record what the browser logs, every address it asks for elsewhere, and every asset it fails to get."""
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("request", lambda request: self._note_request(request.url))
        page.on("response", lambda response: self._note_response(response.url, response.status))

    def _note_request(self, url: str) -> None:
        if not url.startswith(("http://127.0.0.1:", "data:", "about:")):
            self.elsewhere.append(url)

    def _note_response(self, url: str, status: int) -> None:
        if "/assets/" in url and status >= 400:
            self.missing_assets.append(f"{status} {url}")

    def check(self, page: Page, label: str) -> None:
        """Screenshot the page, run axe on it and fail on any violation; fail on any CSP refusal too."""
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{slug}.png"), full_page=True)
        violations = run_axe(page)
        self.results[label] = len(violations)
        assert not violations, f"axe found on {label} ({page.url}): " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations
        )
        assert not self.elsewhere, f"pages asked another site for {self.elsewhere}"
        assert not self.missing_assets, f"assets not served: {self.missing_assets}"
        refused = [line for line in self.console if "Content Security Policy" in line]
        assert not refused, f"the browser refused something on {label}: {refused}"


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now. Every page's CSP refuses inline scripts, so a script tag
    would be refused (and logged as a refusal): axe is evaluated from outside the page, which no CSP limits."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations
