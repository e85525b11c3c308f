"""JSON Schemas of every event, command and outward document, generated from the code into `schemas/`."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

from eventsourcing.domain import Aggregate, DomainEvent
from pydantic import BaseModel, TypeAdapter

from lipp.commands.alliance import ALLIANCE_COMMANDS
from lipp.commands.findings import FINDING_COMMANDS
from lipp.commands.learning import LEARNING_COMMANDS
from lipp.commands.markers import MARKER_COMMANDS
from lipp.commands.plans import PLAN_COMMANDS
from lipp.commands.register import REGISTER_COMMANDS
from lipp.commands.registry import ChangeTeamSubscriptions, DeactivateUser, RegisterBoard, RegisterTeam, RegisterUser
from lipp.commands.reviews import REVIEW_COMMANDS
from lipp.digest.document import DigestDocument
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.digest.digest import Digest
from lipp.domain.learning.briefing import Briefing
from lipp.domain.learning.delivery import Delivery
from lipp.domain.plans.action import PlanAction
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.registry.board import Board
from lipp.domain.registry.national_body import NationalBody
from lipp.domain.registry.team import Team
from lipp.domain.registry.user import User
from lipp.domain.review.aggregate import Review
from lipp.domain.review.incident import CaseIncident
from lipp.learning.document import BriefingDocument

AGGREGATES: tuple[type[Any], ...] = (
    Review,
    CaseIncident,
    Board,
    User,
    ReviewerProfile,
    NationalBody,
    AllianceAction,
    Digest,
    Team,
    Briefing,
    Delivery,
    PlanAction,
)
COMMANDS: tuple[type[BaseModel], ...] = (
    RegisterBoard,
    RegisterUser,
    DeactivateUser,
    RegisterTeam,
    ChangeTeamSubscriptions,
    *REVIEW_COMMANDS,
    *FINDING_COMMANDS,
    *MARKER_COMMANDS,
    *REGISTER_COMMANDS,
    *ALLIANCE_COMMANDS,
    *LEARNING_COMMANDS,
    *PLAN_COMMANDS,
)

DOCUMENTS: tuple[type[BaseModel], ...] = (DigestDocument, BriefingDocument)
"""Documents lipp sends out: the national theme digest's JSON."""


def event_classes() -> list[type[Any]]:
    """Every concrete event class nested in an aggregate, in definition order."""
    found = []
    for aggregate in AGGREGATES:
        for name, member in vars(aggregate).items():
            own = isinstance(member, type) and member.__qualname__ == f"{aggregate.__name__}.{name}"
            if own and issubclass(member, DomainEvent) and name not in ("Event", "Created") and _recordable(member):
                found.append(member)
    return found


def _recordable(event_class: type[Any]) -> bool:
    """Shared bases of events (such as a finding's written content) change nothing and are never recorded."""
    return bool(event_class.apply is not Aggregate.Event.apply)


def _docstring(event_class: type[Any]) -> str:
    """The event's own docstring. An aggregate redefines some event classes (those of a Review part, a
    "created" event) and dataclasses give the copy its signature as a docstring: read the original's."""
    for klass in event_class.__mro__:
        doc = klass.__dict__.get("__doc__")
        if klass.__name__ == event_class.__name__ and doc and not doc.startswith(f"{klass.__name__}("):
            return inspect.cleandoc(doc)
    return ""


def _event_schema(event_class: type[Any]) -> dict[str, Any]:
    schema = TypeAdapter(event_class).json_schema()
    schema["title"] = event_class.__qualname__
    schema["description"] = _docstring(event_class)
    schema["x-class-version"] = getattr(event_class, "class_version", 1)
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name (relative to the schemas folder) to schema."""
    schemas = {f"events/{cls.__qualname__}.json": _event_schema(cls) for cls in event_classes()}
    schemas.update({f"commands/{cls.__name__}.json": cls.model_json_schema() for cls in COMMANDS})
    schemas.update({f"documents/{_title(cls)}.json": cls.model_json_schema() for cls in DOCUMENTS})
    return schemas


def _title(document: type[BaseModel]) -> str:
    return str(document.model_config.get("title") or document.__name__)


def _text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name, schema in all_schemas().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_text(schema))
        written.append(path)
    return written


def schema_differences(folder: Path) -> list[str]:
    """What differs between the committed schemas and the code: missing, stale or extra files."""
    expected = {name: _text(schema) for name, schema in all_schemas().items()}
    present = {str(p.relative_to(folder)) for p in folder.glob("*/*.json")} if folder.exists() else set()
    differences = [f"missing: {name}" for name in sorted(expected.keys() - present)]
    differences += [f"no longer in the code: {name}" for name in sorted(present - expected.keys())]
    differences += [
        f"differs from the code: {name}"
        for name in sorted(expected.keys() & present)
        if (folder / name).read_text() != expected[name]
    ]
    return differences
