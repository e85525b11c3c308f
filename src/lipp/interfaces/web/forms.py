"""A catalogue entry as a GOV.UK form: what the person typed, read into the command's fields, and every problem
with it as a line of the error summary linked to its field.

The inputs are the entry's `FormField`s (catalogue/forms.py, read from the command's pydantic model), so a form
asks for exactly what the CLI and the API ask for, and the same model validates it. Dates are three inputs (day,
month, year), a list is one item on each line of a textarea, a flag is a checkbox, a choice is radios.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from lipp.domain.errors import LippError
from lipp.interfaces.catalogue.entry import Entry
from lipp.interfaces.catalogue.forms import FormField, fields_of
from lipp.interfaces.errors import refusal_for

DATE_PARTS = ("day", "month", "year")
MOST_RADIOS = 7  # more choices than this are a select
FieldError = dict[str, str]  # {"text", "href", "field"}: one line of the error summary


@dataclass(frozen=True)
class StepForm:
    """One entry's form, at its page's address (path placeholders filled in)."""

    entry: Entry
    fields: tuple[FormField, ...]  # the inputs shown: every command field the address does not carry
    title: str
    action: str

    def field(self, name: str) -> FormField | None:
        return next((f for f in self.fields if f.name == name), None)


def page_path(entry: Entry) -> str:
    """The page's address pattern: the API's path under /app (a step that creates something: its path + /new)."""
    return "/app" + entry.http.path + ("/new" if entry.http.status == 201 else "")


def title_of(entry: Entry) -> str:
    """The form's heading and button, from the entry's help: its first clause, without asides in brackets."""
    text = re.split(r"[;:]", entry.help, maxsplit=1)[0]
    text = re.sub(r"\s*\([^)]*\)", "", text).strip().rstrip(".")
    return text[:1].upper() + text[1:]


def step_form(entry: Entry, path_values: dict[str, Any]) -> StepForm:
    shown = tuple(sorted((f for f in fields_of(entry) if not f.on_path), key=lambda f: f.name == "on"))  # date last
    action = page_path(entry).format(**path_values)
    return StepForm(entry=entry, fields=shown, title=title_of(entry), action=action)


def shown_values(form: StepForm, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the inputs show when the form is first opened: each field's default, as the input holds it."""
    given = defaults or {}
    values: dict[str, Any] = {}
    for f in form.fields:
        value = given.get(f.name, f.default)
        if f.widget == "date":
            values[f.name] = (
                {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
                if isinstance(value, date)
                else {part: "" for part in DATE_PARTS}
            )
        elif f.widget == "flag":
            values[f.name] = bool(value)
        elif f.widget == "many":
            values[f.name] = "\n".join(str(v) for v in value or [])
        else:
            values[f.name] = "" if value is None else str(getattr(value, "value", value))
    return values


def typed_values(form: StepForm, posted: dict[str, str]) -> dict[str, Any]:
    """What the person typed, exactly, to show back in the inputs."""
    values: dict[str, Any] = {}
    for f in form.fields:
        if f.widget == "date":
            values[f.name] = {part: posted.get(f"{f.name}-{part}", "") for part in DATE_PARTS}
        elif f.widget == "flag":
            values[f.name] = posted.get(f.name) == "yes"
        else:
            values[f.name] = posted.get(f.name, "")
    return values


def parse(form: StepForm, posted: dict[str, str]) -> tuple[dict[str, Any], list[FieldError]]:
    """The command's fields as typed (an empty input gives nothing, so the model's default or 'required' holds),
    and the errors of dates that are not dates (which the model never sees)."""
    fields: dict[str, Any] = {}
    errors: list[FieldError] = []
    for f in form.fields:
        if f.widget == "date":
            parts = {part: posted.get(f"{f.name}-{part}", "").strip() for part in DATE_PARTS}
            if not any(parts.values()):
                continue
            missing = [part for part in DATE_PARTS if not parts[part]]
            if missing:
                errors.append(_error(f, f"{f.label} must include a {' and a '.join(missing)}", missing[0]))
                continue
            try:
                fields[f.name] = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
            except ValueError:
                errors.append(_error(f, f"{f.label} must be a real date, like 27 3 2026", "day"))
        elif f.widget == "flag":
            fields[f.name] = posted.get(f.name) == "yes"
        elif f.widget == "many":
            items = [line.strip() for line in posted.get(f.name, "").splitlines() if line.strip()]
            if items:
                fields[f.name] = items
        else:
            text = posted.get(f.name, "")
            if text.strip():
                fields[f.name] = text
    return fields, errors


def validate(form: StepForm, posted: dict[str, str], path_values: dict[str, Any]) -> tuple[Any, list[FieldError]]:
    """The validated command (None if anything is wrong) and the errors, in the order of the form."""
    fields, errors = parse(form, posted)
    try:
        command = form.entry.command_class().model_validate({**fields, **path_values})
    except ValidationError as invalid:
        errored = {e["field"] for e in errors}
        errors += [e for e in validation_errors(form, invalid) if e["field"] not in errored]
        return None, _in_form_order(form, errors)
    return (command, []) if not errors else (None, errors)


def validation_errors(form: StepForm, error: ValidationError) -> list[FieldError]:
    """Each problem pydantic found, in words, by the field it is about (a rule across fields: by the first)."""
    found: list[FieldError] = []
    for problem in error.errors():
        location = [part for part in problem["loc"] if not str(part).startswith("function-")]
        f = form.field(str(location[0])) if location else None
        if f is None:
            f = form.fields[0] if form.fields else None
            if f is None:
                continue
            found.append(_error(f, _sentence(_message(problem))))
            continue
        text = _field_message(f, problem)
        if len(location) > 1 and isinstance(location[1], int) and f.widget == "many":
            text = f"{f.label}, line {location[1] + 1}: {_message(problem)}"
        found.append(_error(f, _sentence(text)))
    return found


ERROR_FIELDS = {  # a domain refusal about one input, by the error's name: the summary links to that input
    "DateInTheFuture": "on",
    "DateBeforeAwareness": "on",
    "DateBeforePreviousStep": "on",
    "DecisionBeforeNotification": "on",
    "PublishedTooSoonAfterPanelCopy": "on",
    "ScopePeriodIsBackwards": "scope_to",
    "ReconsiderDateNotAfterDeferral": "reconsider_on",
    "AppointeeIsNotALeadReviewer": "reviewer",
    "NotOnTheRegister": "reviewer",
    "RankingMustNameEveryFinding": "order",
    "FindingNeedsATheme": "themes",
    "UnknownTheme": "themes",
    "UnknownPatternCategory": "pattern",
    "UnknownFinding": "finding",
    "UnknownRedactionHit": "hit",
    "HitAlreadyConfirmedFalse": "hit",
}


def refusal_errors(form: StepForm, error: LippError) -> tuple[int, list[FieldError]] | None:
    """A domain refusal as the error summary shows it, with its HTTP status (the API's, through the same
    mapping); None for a refusal that is a whole page (not allowed, not found)."""
    refusal = refusal_for(error)
    named = ERROR_FIELDS.get(type(error).__name__)
    f = form.field(named) if named else None
    if refusal is None or (refusal.http_status in (401, 403, 404) and f is None):
        return None
    f = f or (form.fields[0] if form.fields else None)
    text = _sentence(refusal.message)
    if f is None:
        return refusal.http_status, [{"text": text, "href": "#main-content", "field": ""}]
    return refusal.http_status, [_error(f, text)]


def errors_by_field(errors: list[FieldError]) -> dict[str, dict[str, str]]:
    """The message each input shows beside it (the first, if several)."""
    shown: dict[str, dict[str, str]] = {}
    for error in errors:
        shown.setdefault(error["field"], {"text": error["text"]})
    return shown


def _error(f: FormField, text: str, part: str = "day") -> FieldError:
    return {"text": text, "href": f"#{anchor_of(f, part)}", "field": f.name}


def anchor_of(f: FormField, part: str = "day") -> str:
    """The id of the input an error links to (a date's day, say)."""
    return f"{f.name}-{part}" if f.widget == "date" else f.name


def _message(problem: Any) -> str:
    return str(problem["msg"]).removeprefix("Value error, ")


def _field_message(f: FormField, problem: Any) -> str:
    kind = str(problem["type"])
    context = problem.get("ctx") or {}
    noun = f.label[:1].lower() + f.label[1:]
    if kind == "missing" or (kind == "string_too_short" and context.get("min_length") == 1):
        return f"Select {noun}" if f.widget in ("choice",) else f"Enter {noun}"
    if kind == "enum":
        return f"Select {noun} from the list"
    if kind == "too_short" and f.widget == "many":
        return f"Enter at least {context.get('min_length', 1)} for {noun}, one on each line"
    if kind == "too_long" and f.widget == "many":
        return f"{f.label}: at most {context.get('max_length')}, one on each line"
    if kind == "string_too_long":
        return f"{f.label} must be {context.get('max_length')} characters or fewer"
    if kind in ("int_parsing", "int_from_float"):
        return f"{f.label} must be a whole number"
    return f"{f.label}: {_message(problem)}"


def _sentence(text: str) -> str:
    return (text[:1].upper() + text[1:]).rstrip(".")


def _in_form_order(form: StepForm, errors: list[FieldError]) -> list[FieldError]:
    order = {f.name: i for i, f in enumerate(form.fields)}
    return sorted(errors, key=lambda e: order.get(e["field"], len(order)))


def choice_items(f: FormField, value: Any) -> list[dict[str, Any]]:
    """A choice's radios (or options), the typed one checked."""
    return [
        {"value": choice, "text": text[:1].upper() + text[1:], "checked": value == choice, "selected": value == choice}
        for choice, text in f.choices
    ]
