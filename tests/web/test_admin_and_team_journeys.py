"""An admin invites a team member in the browser, the invitation arrives through the outbox, the member chooses a
password from its link and sees their team's deliveries; a coordinator's journey with the keyboard alone; the
refusals as GOV.UK pages. axe-core checks every page."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.web.browser import Visits
from tests.web.conftest import Site
from tests.web.live import lipp_cli
from tests.web.test_coordinator_journey import PASSWORD, sign_in


def invitation_link(outbox: Path, recipient: str) -> str:
    for path in sorted(outbox.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if message["To"] == recipient:
            part = message.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
            found = re.search(r"(http://\S+/app/choose-password/\S+)", part.get_content())
            assert found
            return found.group(1)
    raise AssertionError(f"no e-mail to {recipient} in {outbox}")


def test_an_admin_invites_a_team_member_who_chooses_a_password_and_sees_their_deliveries(
    site: Site, browser: Browser
) -> None:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", "admin", "--stdin", stdin=PASSWORD + "\n")
    visits = Visits("invitation")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    sign_in(page, "admin", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    visits.check(page, "admin home")

    page.get_by_role("link", name="Invite a user").click()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter their email address")
    visits.check(page, "invite with nothing typed")
    page.get_by_label("Username").fill("csc.member")
    page.get_by_label("Email address").fill("csc.member@teams.example")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("We have emailed csc.member")
    visits.check(page, "invitation sent")

    link = invitation_link(site.data_dir / "outbox", "csc.member@teams.example")
    assert link.startswith("http://127.0.0.1:8000/app/choose-password/")  # the configured public address
    member = browser.new_page()
    visits.watch(member)
    member.goto(site.url + link.removeprefix("http://127.0.0.1:8000"))
    expect(member.get_by_role("heading", level=1)).to_have_text("Choose your password")
    visits.check(member, "choose a password")
    member.get_by_label("New password", exact=True).fill("short")
    member.get_by_label("Confirm the new password").fill("short")
    member.get_by_role("button", name="Save the password and sign in").click()
    expect(member.locator(".govuk-error-summary")).to_contain_text("at least 12 characters")
    visits.check(member, "choose a password too short")
    member.get_by_label("New password", exact=True).fill(PASSWORD)
    member.get_by_label("Confirm the new password").fill(PASSWORD)
    member.get_by_role("button", name="Save the password and sign in").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("My team's deliveries")
    visits.check(member, "my deliveries")

    member.goto(site.url + link.removeprefix("http://127.0.0.1:8000"))  # a link works once
    expect(member.get_by_role("heading", level=1)).to_have_text("You cannot see this page")
    expect(member.locator("main")).to_contain_text("This link is not valid")
    visits.check(member, "a used link")
    member.goto(f"{site.url}/app/my-reviews")
    expect(member.get_by_role("heading", level=1)).to_have_text("You cannot see this page")
    member.goto(f"{site.url}/app/no-such-page")
    expect(member.get_by_role("heading", level=1)).to_have_text("Page not found")
    visits.check(member, "page not found")
    page.close()
    member.close()


def tab_to(page: Page, selector: str, most: int = 40, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_coordinator_does_the_whole_journey_with_the_keyboard_alone(site: Site, browser: Browser) -> None:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", "nvl.coordinator", "--stdin", stdin=PASSWORD + "\n")
    visits = Visits("keyboard")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    tab_to(page, "#login")
    page.keyboard.type("nvl.coordinator")
    tab_to(page, "#password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/app/boards/NVL")
    tab_to(page, f"a[href='/app/reviews/{site.seeded.led}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(site.seeded.led)
    then = site.seeded.decided_on
    tab_to(page, "#as-of-day")
    for value in (str(then.day), str(then.month), str(then.year)):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the focus is on the button after the year
    expect(page.locator(".govuk-inset-text")).to_contain_text("As it stood at the end of")
    visits.check(page, "review as of a date by keyboard")
    tab_to(page, "form[action='/app/sign-out'] button", backwards=True)
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out")
    page.close()
