"""A coordinator in Chromium, every page checked by axe-core: sign in, the register, a review, as of a past date,
sign out; a wrong password shows the error summary; repeated failures lock the account."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from playwright.sync_api import Browser, Page, expect

from lipp.accounts import totp
from tests.web.browser import Visits, with_strict_csp
from tests.web.conftest import LOCK_AFTER, Site
from tests.web.live import lipp_cli

PASSWORD = "heather lantern orchard 42"


def sign_in(page: Page, login: str, password: str) -> None:
    page.get_by_label("Username or email address").fill(login)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_coordinator_signs_in_reads_the_register_and_a_review_as_it_stood_then_signs_out(
    site: Site, browser: Browser
) -> None:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", "nvl.coordinator", "--stdin", stdin=PASSWORD + "\n")
    visits = Visits("coordinator")
    context = browser.new_context()
    with_strict_csp(context, visits)
    page = context.new_page()
    visits.watch(page)

    page.goto(f"{site.url}/app/")  # not signed in: sent to sign in, and brought back afterwards
    expect(page).to_have_url(re.compile(r"/app/sign-in\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    visits.check(page, "sign in")
    cookie = next(c for c in context.cookies() if c["name"] == "lipp_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    sign_in(page, "nvl.coordinator", PASSWORD)
    expect(page).to_have_url(f"{site.url}/app/boards/NVL")
    expect(page.get_by_role("heading", level=1)).to_have_text("Northvale Safeguarding Partnership")
    visits.check(page, "register")
    rows = page.locator("table.govuk-table tbody tr")
    expect(rows).to_have_count(4)
    first = rows.nth(0)
    expect(first.get_by_role("link")).to_have_text(site.seeded.overdue)  # overdue first
    expect(first.locator(".govuk-tag")).to_have_text("Overdue")  # RAG in words, not colour alone

    page.get_by_label("Show reviews at stage").select_option("reviewer_appointed")
    page.get_by_role("button", name="Show").click()
    expect(rows).to_have_count(1)
    visits.check(page, "register filtered by stage")

    rows.nth(0).get_by_role("link", name=site.seeded.led).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(site.seeded.led)
    expect(page.get_by_text("Reviewer appointed", exact=True)).to_be_visible()
    expect(page.get_by_text("reviewer.a", exact=True).first).to_be_visible()
    visits.check(page, "review")

    then = site.seeded.decided_on
    page.get_by_label("Day").fill(str(then.day))
    page.get_by_label("Month").fill(str(then.month))
    page.get_by_label("Year").fill(str(then.year))
    page.get_by_role("button", name="Show the review on that date").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("As it stood at the end of")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Decided")
    expect(page.locator(".govuk-summary-list")).not_to_contain_text("reviewer.a")
    visits.check(page, "review as of a past date")

    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill(str(datetime.now(UTC).year))
    page.get_by_role("button", name="Show the review on that date").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The date must be a real date")
    visits.check(page, "review with a bad date")

    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out")
    visits.check(page, "signed out")
    page.goto(f"{site.url}/app/reviews/{site.seeded.led}")
    expect(page).to_have_url(re.compile(r"/app/sign-in"))  # the old session is gone
    context.close()


def test_a_wrong_password_shows_the_error_summary_and_keeps_what_was_typed(site: Site, browser: Browser) -> None:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", "emr.coordinator", "--stdin", stdin=PASSWORD + "\n")
    visits = Visits("wrong-password")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your username or email address")
    expect(summary).to_contain_text("Enter your password")
    expect(page).to_have_title(re.compile(r"^Error: "))
    visits.check(page, "sign in with nothing typed")

    sign_in(page, "emr.coordinator", "not the password at all")
    expect(summary).to_contain_text("The username, e-mail address or password is not right")
    expect(page.get_by_label("Username or email address")).to_have_value("emr.coordinator")
    summary.get_by_role("link").first.click()  # the summary's link takes the keyboard to the field
    expect(page.get_by_label("Username or email address")).to_be_focused()
    visits.check(page, "sign in with a wrong password")
    page.close()


def test_repeated_failures_lock_the_account_until_a_new_password_is_set(site: Site, browser: Browser) -> None:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", "reviewer.a", "--stdin", stdin=PASSWORD + "\n")
    visits = Visits("locked")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    for _ in range(LOCK_AFTER):
        sign_in(page, "reviewer.a", "a guess that is wrong")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("this account is now locked")
    sign_in(page, "reviewer.a", PASSWORD)  # even the right password is refused now
    expect(summary).to_contain_text("This account is locked")
    visits.check(page, "locked account")

    lipp_cli(site.data_dir, "--as", "admin", "user", "password", "reviewer.a", "--stdin", stdin=PASSWORD + "!\n")
    sign_in(page, "reviewer.a", PASSWORD + "!")
    expect(page).to_have_url(f"{site.url}/app/my-reviews")
    expect(page.get_by_role("heading", level=1)).to_have_text("My reviews")
    links = page.locator("table.govuk-table tbody tr").get_by_role("link")
    expect(links).to_have_text([site.seeded.led, site.seeded.published])  # the published one has nothing due
    visits.check(page, "my reviews")

    page.get_by_role("link", name="Set up an authenticator app").click()  # the second factor, chosen
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    visits.check(page, "set up an authenticator app")
    key = page.locator(".lipp-key").inner_text().replace(" ", "")
    page.get_by_label("Code").fill(totp.code_at(key, datetime.now(UTC)))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your authenticator app is set up")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "reviewer.a", PASSWORD + "!")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
    visits.check(page, "enter the code")
    page.get_by_label("Code").fill("000000" if totp.code_at(key, datetime.now(UTC)) != "000000" else "111111")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    visits.check(page, "a wrong code")
    page.close()  # a right code signing in is tested over the app (test_second_factor.py), without waiting 30 s
