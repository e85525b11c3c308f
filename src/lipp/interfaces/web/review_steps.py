"""What the review page offers the person: the next steps the review's state allows (each a link to its form),
the steps that must wait and why, the findings with their sharing state and hits, the quality markers and what
sign-off and publication still need. The state's rules answer from the domain (lipp.domain.review.next_steps);
who may take a step is the rule each catalogue entry names, kept or not for this person and this review."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lipp.bootstrap import Lipp
from lipp.domain.actors import Actor
from lipp.domain.errors import NotAuthorised
from lipp.domain.review import access
from lipp.domain.review.redaction_state import SharingStatus
from lipp.interfaces.catalogue import findings, markers, plans, reviews
from lipp.interfaces.catalogue.entry import Entry
from lipp.interfaces.web.forms import page_path, title_of
from lipp.interfaces.web.highlight import MarkedText, Span, marked_texts

DOMAIN_STEP = {"close_review": "close"}  # the application method where the Review's own is named otherwise
ENTRIES: tuple[Entry, ...] = reviews.ENTRIES + findings.ENTRIES + markers.ENTRIES
BY_DONE = {f"{e.group}-{e.name}": e for e in ENTRIES + plans.ENTRIES}


@dataclass(frozen=True)
class Action:
    text: str
    href: str
    why_not: str = ""


def rule_of(entry: Entry) -> str:
    """The access rule the entry declares (`who`), by its name in lipp.domain.review.access."""
    found = re.search(r"\((require_\w+)\)", entry.who)
    return found.group(1) if found else ""


def href_of(entry: Entry, **values: Any) -> str:
    return page_path(entry).format(**values)


def notify_href(actor: Actor, board_id: Any) -> str:
    """The notification form, for those who may notify for this board (require_may_notify); else nothing."""
    try:
        access.require_may_notify(actor, board_id)
    except NotAuthorised:
        return ""
    return page_path(reviews.NOTIFY)


def review_actions(lipp: Lipp, actor: Actor, reference: str, done: str | None) -> dict[str, Any]:
    """The review page's context for acting on the review as it stands today."""
    kept = lipp.reviews.rules_kept(actor, reference, {rule_of(e) for e in ENTRIES})
    steps = {s.step: s for s in lipp.reviews.next_steps(actor, reference)}
    allowed: list[Action] = []
    waiting: list[Action] = []
    for entry in reviews.ENTRIES:
        step = steps.get(DOMAIN_STEP.get(entry.handler.split(".")[-1], entry.handler.split(".")[-1]))
        if step is None or rule_of(entry) not in kept:
            continue
        why = _sentence(step.why_not.partition(": ")[2] or step.why_not)  # "cannot X: first Y" says "First Y"
        action = Action(title_of(entry), href_of(entry, reference=reference), why)
        if step.allowed:
            allowed.append(action)
        elif not step.behind and why not in {w.why_not for w in waiting}:
            waiting.append(action)  # each reason once, by the first step it holds back: the rest follow in order
    writable = steps["log_finding"]
    views = lipp.reviews.findings(actor, reference, include_withdrawn=True)
    quality = lipp.reviews.quality_markers(actor, reference)
    done_entry = BY_DONE.get(done or "")
    return {
        "next_steps": allowed,
        "waiting_steps": waiting,
        "findings": [_finding(v, reference, kept, writable.allowed) for v in views],
        "may_log": writable.allowed and rule_of(findings.LOG) in kept,
        "log_href": href_of(findings.LOG, reference=reference),
        "rank_href": href_of(findings.RANK, reference=reference)
        if writable.allowed and rule_of(findings.RANK) in kept and len([v for v in views if not v.withdrawn]) > 1
        else "",
        "findings_why_not": "" if writable.allowed or writable.behind else _sentence(writable.why_not),
        "quality": quality,
        "may_assess": rule_of(markers.ASSESS) in kept,
        "assessable": lipp.reviews.assessable_markers(actor, reference),
        "done": title_of(done_entry) if done_entry else "",
    }


@dataclass(frozen=True)
class FindingRow:
    view: Any
    marked: list[MarkedText]
    actions: list[Action]


def _finding(view: Any, reference: str, kept: set[str], writable: bool) -> FindingRow:
    spans: dict[str, list[Span]] = {}
    for hit in view.hits:
        spans.setdefault(hit.field, []).append(
            Span(hit.start, hit.end, hit.number, hit.kind.replace("_", " "), bool(hit.false_positive_reason))
        )
    actions = []
    if not view.withdrawn:
        for entry in (findings.REVISE, findings.WITHDRAW) if writable else ():
            if rule_of(entry) in kept:
                actions.append(Action(title_of(entry), href_of(entry, reference=reference, finding=view.key)))
        if view.sharing == SharingStatus.NOT_CHECKED and rule_of(findings.SHARE) in kept:
            actions.append(
                Action(title_of(findings.SHARE), href_of(findings.SHARE, reference=reference, finding=view.key))
            )
        if rule_of(findings.CONFIRM) in kept:
            for hit in view.hits:
                if not hit.false_positive_reason and view.sharing == SharingStatus.HITS_OUTSTANDING:
                    href = href_of(findings.CONFIRM, reference=reference, finding=view.key) + f"?hit={hit.number}"
                    actions.append(Action(f"Confirm hit {hit.number} identifies nobody", href))
    return FindingRow(view, marked_texts(view.free_text, spans), actions)


def _sentence(text: str) -> str:
    return (text[:1].upper() + text[1:]) if text else ""
