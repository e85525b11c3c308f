"""People do their work on the review in Chromium, every page checked by axe-core: a coordinator takes a review
from notification to publication through the forms; a lead reviewer, with the keyboard alone, logs findings,
meets a redaction hit, fixes it and shares; a form with mistakes shows the error summary and keeps what was
typed; a form opened before someone else changed the review says so instead of running."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

from playwright.sync_api import Browser, Page, expect

from lipp.domain.clock import ENGLAND
from tests.web.browser import Visits, with_strict_csp
from tests.web.conftest import Site
from tests.web.live import lipp_cli
from tests.web.test_admin_and_team_journeys import tab_to
from tests.web.test_coordinator_journey import PASSWORD, sign_in

SETTING_UP_AND_RUNNING = range(1, 14)
PUBLICATION = (14, 16, 17)
LOG_FORM = "form[action$='/findings/new']"


def today() -> date:
    return datetime.now(ENGLAND).date()


def password_for(site: Site, username: str) -> None:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", username, "--stdin", stdin=PASSWORD + "\n")


def fill_date(page: Page, name: str, when: date) -> None:
    page.locator(f"#{name}-day").fill(str(when.day))
    page.locator(f"#{name}-month").fill(str(when.month))
    page.locator(f"#{name}-year").fill(str(when.year))


def step(page: Page, visits: Visits, link: str, label: str) -> None:
    """Follow the review page's link to a step's form, and check the form."""
    page.get_by_role("link", name=link, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(link)
    visits.check(page, label)


def submit(page: Page, visits: Visits, button: str, label: str) -> None:
    """Send the form; the review page says it is done."""
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Done: {button}")
    visits.check(page, label)


def review_through_cli(site: Site, coordinator: str, case: str, *, until: str, reviewer: str = "reviewer.b") -> str:
    """A review of the coordinator's board, taken by the CLI as far as `until` (decide, appoint or terms)."""
    run = ("--as", coordinator)
    aware = (today() - timedelta(days=30)).isoformat()
    receipt = lipp_cli(
        site.data_dir, *run, "review", "notify", "--case", case, "--incident", "serious-harm",
        "--aware-on", aware, "--agency", "police", "--agency", "health", "--json",
    )  # fmt: skip
    reference = str(json.loads(receipt)["reference"])
    lipp_cli(site.data_dir, *run, "review", "decide", reference, "--decision", "local-review", "--rationale", "Learn")
    if until == "decide":
        return reference
    lipp_cli(site.data_dir, *run, "review", "commission", reference, "--kind", "lcspr", "--methodology", "silp")
    lipp_cli(site.data_dir, *run, "review", "appoint", reference, "--reviewer", reviewer)
    if until == "appoint":
        return reference
    scope = ("--scope-from", (today() - timedelta(days=400)).isoformat(), "--scope-to", aware)
    lines = ("--line", "How agencies shared information", "--agency", "police")
    lipp_cli(site.data_dir, *run, "review", "terms", reference, *scope, *lines)
    return reference


def test_a_coordinator_takes_a_review_from_notification_to_publication_through_the_pages(
    site: Site, browser: Browser
) -> None:
    password_for(site, "emr.coordinator")
    lipp_cli(site.data_dir, "--as", "admin", "reviewer", "enrol", "reviewer.b", "--expertise", "police")
    visits = Visits("review-forms-coordinator")
    context = browser.new_context()
    with_strict_csp(context, visits)
    page = context.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    sign_in(page, "emr.coordinator", PASSWORD)
    expect(page).to_have_url(f"{site.url}/app/boards/EMR")

    page.get_by_role("button", name="Notify a serious incident").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notify a serious incident for your board")
    expect(page.get_by_label("Board")).to_have_value("EMR")  # the coordinator's own, filled in
    visits.check(page, "notify form")
    page.get_by_label("Case reference").fill("Child R")
    page.get_by_label("Death").check()
    page.get_by_label("Agencies").fill("police\nhealth:Eastmere Community Health")
    fill_date(page, "aware_on", today() - timedelta(days=60))
    fill_date(page, "notified_on", today() - timedelta(days=59))
    submit(page, visits, "Notify a serious incident for your board", "notified")
    reference = page.get_by_role("heading", level=1).inner_text()
    assert re.fullmatch(r"EMR-\d{4}-\d{3}", reference)
    expect(page.locator("#next-steps + ul")).to_have_text("Record the rapid review and its decision")
    expect(page.get_by_text("Not available yet")).to_be_visible()  # the later steps, each with why

    step(page, visits, "Record the rapid review and its decision", "decide form")
    page.get_by_label("Local review").check()
    page.get_by_label("Rationale").fill("Agencies did not share what each knew about the risk")
    fill_date(page, "on", today() - timedelta(days=58))
    submit(page, visits, "Record the rapid review and its decision", "decided")

    step(page, visits, "Commission the review", "commission form")
    page.get_by_label("LCSPR: local child safeguarding practice review").check()
    page.get_by_label("Learning together").check()
    fill_date(page, "on", today() - timedelta(days=57))
    submit(page, visits, "Commission the review", "commissioned")

    step(page, visits, "Appoint the independent lead reviewer", "appoint form with suitable reviewers")
    table = page.get_by_role("table", name="Reviewers on the register")
    expect(table).to_contain_text("reviewer.b")
    table.get_by_role("link", name="Choose reviewer.b as lead reviewer").click()
    expect(page.get_by_label("Reviewer")).to_have_value("reviewer.b")
    visits.check(page, "appoint form with the reviewer chosen")
    fill_date(page, "on", today() - timedelta(days=56))
    submit(page, visits, "Appoint the independent lead reviewer", "appointed")

    step(page, visits, "Agree the terms of reference", "terms form")
    fill_date(page, "scope_from", today() - timedelta(days=400))
    fill_date(page, "scope_to", today() - timedelta(days=61))
    page.get_by_label("Key lines of enquiry").fill("How agencies shared information\nHow risk was assessed")
    page.get_by_label("Agencies").fill("police\nhealth")
    fill_date(page, "on", today() - timedelta(days=55))
    submit(page, visits, "Agree the terms of reference", "terms agreed")

    step(page, visits, "Record the report as drafted", "draft form")
    fill_date(page, "on", today() - timedelta(days=40))
    submit(page, visits, "Record the report as drafted", "drafted")
    expect(page.locator("#markers ~ h3").first).to_have_text("What sign-off still needs")

    for number in (*SETTING_UP_AND_RUNNING, *PUBLICATION):
        page.get_by_role("link", name=f"Assess marker {number}", exact=True).click()
        expect(page.get_by_role("heading", level=2).first).to_contain_text(f"Marker {number}:")
        expect(page.get_by_text("How might you know?")).to_be_visible()  # its statement and questions beside it
        visits.check(page, f"marker {number} form")
        page.get_by_label("Met", exact=True).check()
        page.get_by_label("Evidence").fill("The draft report and the panel's minutes show it")
        fill_date(page, "on", today() - timedelta(days=39))
        submit(page, visits, "Rate a marker for a review, or revisit its rating", f"marker {number} rated")
    expect(page.locator("#markers ~ p").first).to_contain_text("The markers sign-off needs are assessed")

    step(page, visits, "Sign off the report with the board's written response", "sign-off form")
    page.get_by_label("The board's written response").fill("The board accepts the findings and will act on them")
    fill_date(page, "on", today() - timedelta(days=38))
    submit(page, visits, "Sign off the report with the board's written response", "signed off")

    step(page, visits, "Record the copy of the final report sent to the national Panel", "panel copy form")
    fill_date(page, "on", today() - timedelta(days=30))
    submit(page, visits, "Record the copy of the final report sent to the national Panel", "sent to the Panel")

    step(page, visits, "Record publication", "publish form")
    page.get_by_label("Location (optional)").fill("https://emr.example/reviews/child-r")
    submit(page, visits, "Record publication", "published")
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Published")
    expect(page.locator("#next-steps + ul")).to_have_text("Close the review")
    context.close()


def test_a_lead_reviewer_logs_findings_fixes_a_redaction_hit_and_shares_with_the_keyboard_alone(
    site: Site, browser: Browser
) -> None:
    password_for(site, "emr.coordinator")
    password_for(site, "reviewer.b")
    reference = review_through_cli(site, "emr.coordinator", "Child S", until="terms")
    visits = Visits("review-forms-lead-reviewer")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    tab_to(page, "#login")
    page.keyboard.type("reviewer.b")
    tab_to(page, "#password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/app/my-reviews")
    tab_to(page, f"a[href='/app/reviews/{reference}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(reference)
    visits.check(page, "the review, for its lead reviewer")

    tab_to(page, f"a[href='/app/reviews/{reference}/findings/new']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a finding")
    visits.check(page, "log a finding")
    for selector, text in (
        ("#title", "Concerns were not shared across agencies"),
        ("#issue", "Practitioners did not share concerns with Mrs Jane Dawlish about the move."),
        ("#causes", "No agency saw the whole picture, and nobody owned the risk"),
        ("#pattern", "1"),
        ("#themes", "NT05"),
        ("#agencies", "police"),
        ("#evidence", "The strategy meeting of the spring"),
    ):
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "button[value='check']")
    page.keyboard.press("Enter")  # the check before saving: nothing is saved yet
    hit = page.locator("#check-result mark")
    expect(hit).to_have_count(1)
    expect(hit).to_contain_text("Jane Dawlish")
    expect(page.locator("#issue")).to_have_value(re.compile("Mrs Jane Dawlish"))  # the typing is kept
    visits.check(page, "a redaction hit before saving")

    tab_to(page, "#issue")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Practitioners did not share concerns with the child's carer about the move.")
    tab_to(page, "button[value='check']")
    page.keyboard.press("Enter")
    expect(page.locator("#check-result")).to_contain_text("It found nothing")
    visits.check(page, "the text fixed before saving")
    tab_to(page, f"{LOG_FORM} button:not([value])")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Done: Log a finding")
    visits.check(page, "finding F1 logged")

    tab_to(page, f"a[href='/app/reviews/{reference}/findings/new']")  # a second finding, saved with a hit
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a finding")
    for selector, text in (
        ("#title", "A move of home ended the support"),
        ("#issue", "The family moved to 14 Larch Road and the health visitor lost touch."),
        ("#causes", "Records did not follow the family between areas"),
        ("#pattern", "2"),
        ("#themes", "NT03"),
        ("#agencies", "health"),
        ("#evidence", "The transfer of the health records"),
    ):
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, f"{LOG_FORM} button:not([value])")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Done: Log a finding")

    tab_to(page, f"a[href='/app/reviews/{reference}/findings/F2/sharing']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose a finding for sharing beyond the board")
    visits.check(page, "share F2")
    tab_to(page, "form[action$='/sharing'] button")
    page.keyboard.press("Enter")  # the check on save finds the address, marked where it is
    finding = page.locator(".lipp-finding", has_text="F2:")
    expect(finding.locator("mark")).to_contain_text("14 Larch Road")
    expect(finding.locator(".govuk-tag")).to_have_text("Identifying details to clear")
    visits.check(page, "F2 has a hit to clear")

    tab_to(page, f"a[href='/app/reviews/{reference}/findings/F2/revision']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Revise a finding")
    expect(page.locator("mark")).to_contain_text("14 Larch Road")
    visits.check(page, "revise F2")
    tab_to(page, "#reason")
    page.keyboard.type("Removed the address")
    tab_to(page, "#issue")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("The family moved to another area and the health visitor lost touch.")
    tab_to(page, "form[action$='/revision'] button:not([value])")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Done: Revise a finding")

    for key in ("F2", "F1"):
        tab_to(page, f"a[href='/app/reviews/{reference}/findings/{key}/sharing']")
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text("Propose a finding for sharing beyond the board")
        tab_to(page, "form[action$='/sharing'] button")
        page.keyboard.press("Enter")
        shared = page.locator(".lipp-finding", has_text=f"{key}:")
        expect(shared.locator(".govuk-tag")).to_have_text("Awaiting the board's approval")  # ADR 0023
    visits.check(page, "both findings proposed for sharing")
    page.close()


def test_a_form_with_mistakes_shows_the_error_summary_and_keeps_what_was_typed(site: Site, browser: Browser) -> None:
    password_for(site, "nvl.coordinator")
    visits = Visits("review-forms-errors")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/reviews/{site.seeded.overdue}/decision")
    sign_in(page, "nvl.coordinator", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the rapid review and its decision")
    page.get_by_label("Rationale").fill("Agencies did not share what they knew")
    page.locator("#on-day").fill("31")
    page.locator("#on-month").fill("2")
    page.locator("#on-year").fill(str(today().year))
    page.get_by_role("button", name="Record the rapid review and its decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select decision")
    expect(summary).to_contain_text("Date of this step must be a real date")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator("#decision-error")).to_contain_text("Select decision")  # the message by its field
    expect(page.get_by_label("Rationale")).to_have_value("Agencies did not share what they knew")
    expect(page.locator("#on-day")).to_have_value("31")
    visits.check(page, "decision with mistakes")
    summary.get_by_role("link", name="Select decision").click()
    expect(page.locator("#decision")).to_be_focused()

    page.get_by_label("No further review").check()
    fill_date(page, "on", today() + timedelta(days=3))  # a rule of the review refuses a date after today
    page.get_by_role("button", name="Record the rapid review and its decision").click()
    expect(summary).to_contain_text("that is after today")
    expect(page.get_by_label("No further review")).to_be_checked()
    visits.check(page, "decision dated after today")
    page.goto(f"{site.url}/app/reviews/{site.seeded.overdue}")
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Notified")  # nothing was recorded
    page.close()


def test_a_form_opened_before_the_review_changed_says_so_and_keeps_what_was_typed(site: Site, browser: Browser) -> None:
    password_for(site, "emr.coordinator")
    reference = review_through_cli(site, "emr.coordinator", "Child T", until="decide")
    visits = Visits("review-forms-stale")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/reviews/{reference}/commissioning")
    sign_in(page, "emr.coordinator", PASSWORD)
    page.get_by_label("SILP").check()
    page.get_by_label("LCSPR: local child safeguarding practice review").check()
    lipp_cli(  # meanwhile, someone else rates a marker of the same review
        site.data_dir, "--as", "emr.coordinator", "marker", "assess", reference, "1",
        "--rating", "met", "--evidence", "The referral was timely",
    )  # fmt: skip
    page.get_by_role("button", name="Commission the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("This review changed since you opened it")
    banner = page.locator("#changed")
    expect(banner).to_contain_text("It is now at stage decided")
    expect(banner).to_contain_text("by emr.coordinator")
    expect(page.get_by_label("SILP")).to_be_checked()  # nothing typed is lost
    expect(page.get_by_label("LCSPR: local child safeguarding practice review")).to_be_checked()
    visits.check(page, "the review changed meanwhile")
    page.get_by_role("button", name="Commission the review").click()  # seen the change: now it runs
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Done: Commission the review")
    visits.check(page, "commissioned after the change")
    page.close()
