"""The demo's learning loop: a published review's cleared findings become a briefing, which goes to Northvale's
teams as e-mail (.eml files in the outbox folder), is acknowledged, discussed, changes practice and is verified."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

from lipp.application.learning_post import SendSummary
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands.learning import (
    AcknowledgeDelivery,
    DraftReviewBriefing,
    RecordDiscussion,
    ReleaseBriefing,
    ReportPracticeChange,
    VerifyPracticeChange,
)
from lipp.commands.registry import RegisterTeam, RegisterUser
from lipp.domain.actors import Actor
from lipp.domain.clock import SettableClock
from lipp.projections.learning.entries import LoopMetrics
from lipp.projections.learning.queries import Slice

TEAMS: tuple[tuple[str, str, str, list[str]], ...] = (
    ("NVL-CSC-NORTH", "Children's social care, north locality", "childrens_social_care", []),
    ("NVL-POLICE-PPU", "Public protection unit", "police", ["NT13"]),
    ("NVL-HEALTH-HV", "Health visiting service", "health", ["NT04"]),
    ("NVL-EH-EAST", "Early help, east", "early_help", []),
    ("NVL-SCHOOLS", "Designated safeguarding leads network", "education", ["NT10"]),
)
TOKEN = re.compile(r"/acknowledge\?token=(\S+)")


@dataclass(frozen=True)
class LoopResult:
    """What the demo shows of the loop."""

    briefing: str
    teams_addressed: int
    sent: SendSummary
    outbox: Path
    emails: int
    metrics: LoopMetrics


def run_loop(lipp: Lipp, reference: str) -> LoopResult:
    """Walk one briefing round the whole loop on the demo's NVL review `reference` (published, with findings).
    With a settable clock the loop starts four weeks ago, so its timings read like a real month."""
    clock = lipp.clock if isinstance(lipp.clock, SettableClock) else None
    now = lipp.clock.now()
    if clock:
        clock.set(now - timedelta(days=28))
    admin = lipp.registry.actor_for("demo.admin")
    coordinator = lipp.registry.actor_for("nvl.coordinator")
    for finding in (1, 2):
        lipp.reviews.share_finding(coordinator, f.ShareFinding(reference=reference, finding=finding))
    _register_teams(lipp, admin)
    lipp.registry.set_board_contact(coordinator, "NVL", "learning@northvale.example")

    document = lipp.learning.draft_from_review(coordinator, DraftReviewBriefing(reference=reference))
    release = lipp.learning.release(coordinator, ReleaseBriefing(key=document.key))
    post = lipp.learning_post()
    post.queue_briefing(document.key)
    sent = post.send()

    _later(clock, 2)
    outbox = lipp.settings.outbox_dir
    mails = {_recipient(path): _text(path) for path in sorted(outbox.glob("*.eml"))}
    # The social care team follows the link in its e-mail; the police unit types its code in the CLI.
    social_care = lipp.registry.actor_for("csc.north.member")
    token = TOKEN.search(mails["csc.north@northvale.example"])
    if token:
        lipp.learning.acknowledge_by_link(token.group(1))
    codes = {row.team: row.code for row in lipp.deliveries.deliveries(coordinator, briefing=document.key)}
    _later(clock, 3)
    police = lipp.registry.actor_for("ppu.member")
    lipp.learning.acknowledge(police, AcknowledgeDelivery(code=codes["NVL-POLICE-PPU"]))
    code = codes["NVL-CSC-NORTH"]
    _later(clock, 7)
    lipp.learning.record_discussion(
        social_care,
        RecordDiscussion(code=code, reflections="We assume the front door acts on contacts; we now check outcomes."),
    )
    _later(clock, 9)
    lipp.learning.report_change(
        social_care,
        ReportPracticeChange(
            code=code,
            what_changed="Every contact about a bruised non-mobile baby now triggers a strategy discussion.",
            audit_reference="Case-file audit, north locality, next quarter",
        ),
    )
    _later(clock, 5)
    lipp.learning.verify(coordinator, VerifyPracticeChange(code=code, note="Seen in the multi-agency audit"))
    if clock:
        clock.set(now)
    return LoopResult(
        briefing=document.key,
        teams_addressed=release.teams_addressed,
        sent=sent,
        outbox=outbox,
        emails=len(mails),
        metrics=lipp.deliveries.metrics(coordinator, Slice(briefing=document.key)),
    )


def _later(clock: SettableClock | None, days: int) -> None:
    if clock:
        clock.advance(timedelta(days=days))


def _register_teams(lipp: Lipp, admin: Actor) -> None:
    for code, name, agency, themes in TEAMS:
        mailbox = {"NVL-CSC-NORTH": "csc.north", "NVL-POLICE-PPU": "ppu"}.get(code, code.lower())
        lipp.registry.register_team(
            admin,
            RegisterTeam.model_validate(
                {
                    "code": code,
                    "name": name,
                    "agency": agency,
                    "board": "NVL",
                    "manager_email": f"{mailbox}.manager@northvale.example",
                    "team_email": f"{mailbox}@northvale.example",
                    "themes": themes,
                }
            ),
        )
    for username, team in (("csc.north.member", "NVL-CSC-NORTH"), ("ppu.member", "NVL-POLICE-PPU")):
        lipp.registry.register_user(admin, RegisterUser(username=username, role="team_member", team=team))


def _recipient(path: Path) -> str:
    return str(BytesParser(policy=policy.default).parsebytes(path.read_bytes())["To"])


def _text(path: Path) -> str:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    body = message.get_body(preferencelist=("plain",))
    return str(body.get_content()) if body is not None else ""
