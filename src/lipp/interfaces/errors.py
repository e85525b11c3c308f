"""The one mapping from errors to what a user is told: a message, a CLI exit code, an HTTP status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from lipp.domain.errors import (
    AlreadyExists,
    ConcurrentChange,
    InvalidInput,
    LippError,
    NotAuthorised,
    NotFound,
    StoreUnavailable,
    Unauthenticated,
)


@dataclass(frozen=True)
class Refusal:
    """A user-facing refusal: one line of text, an exit code and an HTTP status."""

    message: str
    exit_code: int
    http_status: int
    title: str


EXIT_REFUSED = 1
EXIT_BAD_USAGE = 2


def refusal_for(error: Exception, field_names: Mapping[str, str] | None = None) -> Refusal | None:
    """How to tell the user about `error`; None for errors that are lipp's own fault.

    `field_names` renames command fields to what the user typed (a CLI option, say).
    """
    if isinstance(error, ValidationError):
        return Refusal(describe_validation_error(error, field_names or {}), EXIT_BAD_USAGE, 422, "Invalid input")
    if isinstance(error, InvalidInput):
        return Refusal(str(error), EXIT_BAD_USAGE, 422, "Invalid input")
    if isinstance(error, Unauthenticated):
        return Refusal(str(error), EXIT_REFUSED, 401, "Not authenticated")
    if isinstance(error, NotFound):
        return Refusal(str(error), EXIT_REFUSED, 404, "Not found")
    if isinstance(error, NotAuthorised):
        return Refusal(str(error), EXIT_REFUSED, 403, "Not allowed")
    if isinstance(error, ConcurrentChange):
        return Refusal(str(error), EXIT_REFUSED, 409, "Changed concurrently")
    if isinstance(error, StoreUnavailable):
        return Refusal(str(error), EXIT_REFUSED, 503, "Store unavailable")
    if isinstance(error, AlreadyExists):
        return Refusal(str(error), EXIT_REFUSED, 409, "Already exists")
    if isinstance(error, LippError):
        return Refusal(str(error), EXIT_REFUSED, 409, type(error).__name__)
    return None


def describe_validation_error(error: ValidationError, field_names: Mapping[str, str]) -> str:
    """One line naming each bad field (as the user knows it) and why."""
    parts = []
    for problem in error.errors():
        location = [str(part) for part in problem["loc"] if not str(part).startswith("function-")]
        field = field_names.get(location[0], location[0]) if location else "input"
        detail = ".".join(location[1:])
        message = str(problem["msg"]).removeprefix("Value error, ")
        parts.append(f"{field}{' [' + detail + ']' if detail else ''}: {message}")
    return "invalid input: " + "; ".join(parts)
