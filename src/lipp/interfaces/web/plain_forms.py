"""A form for one command, on a page of its own: GET shows it, POST validates what was typed with the command's own
pydantic model, runs it through the application (which applies the role rule as for the API) and sends the
browser on. A problem shows the form again with the GOV.UK error summary, the message by its field and what the
person typed, at the API's status (422 bad input, 409 a rule refused); 403 and 404 are whole error pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from lipp.bootstrap import Lipp
from lipp.domain.actors import Actor
from lipp.domain.errors import LippError
from lipp.interfaces.errors import refusal_for
from lipp.interfaces.web.context import check_form_token, signed_in, web_of
from lipp.interfaces.web.pages import page, sentence

Posted = Annotated[dict[str, Any], Depends(check_form_token)]
Kind = Literal["text", "textarea", "date", "select", "radios"]
DATE_PARTS = ("day", "month", "year")
FieldError = dict[str, str]


@dataclass(frozen=True)
class Input:
    """One input: the command field it fills, its label and hint, and its choices (value, text) if any."""

    name: str
    label: str
    kind: Kind = "text"
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    optional: bool = False
    missing: str = ""  # what the error says when it is left empty (else "Enter" and the label)

    @property
    def anchor(self) -> str:
        return f"{self.name}-day" if self.kind == "date" else self.name


Context = Callable[[Lipp, Actor, dict[str, str]], dict[str, Any]]


def _nothing(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class CommandForm:
    """A command's page: where it lives, what it asks, how it runs and where success goes."""

    path: str  # "/app/deliveries/{code}/discussion": its placeholders fill command fields of the same name
    title: str
    command: type[BaseModel]
    inputs: tuple[Input, ...]
    run: Callable[[Lipp, Actor, Any], Any]
    done_at: Callable[[Any, dict[str, str]], str]
    button: str = ""
    intro: str = ""
    back: Callable[[dict[str, str]], str] | None = None
    # What the page shows beside the form, read as the person: a thing they may not see is refused here,
    # as the API's GET refuses it.
    context: Context = _nothing
    fixed: dict[str, Any] = field(default_factory=dict)  # command fields the page sets itself
    # Refusals about what was typed in one input, by the error's class name: shown by that input (even an
    # unknown name, which the API answers 404), not as a whole error page.
    refusals: dict[str, str] = field(default_factory=dict)


def read(form: CommandForm, posted: dict[str, str], path: dict[str, str]) -> tuple[Any, list[FieldError]]:
    """The validated command (None if anything is wrong) and every problem, in the form's order."""
    fields: dict[str, Any] = {}
    errors: list[FieldError] = []
    for shown in form.inputs:
        if shown.kind == "date":
            parts = {part: posted.get(f"{shown.name}-{part}", "").strip() for part in DATE_PARTS}
            if not any(parts.values()):
                continue
            try:
                fields[shown.name] = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
            except ValueError:
                errors.append(_error(shown, f"{shown.label} must be a real date, like 27 3 2026"))
        else:
            text = posted.get(shown.name, "")
            if text.strip():
                fields[shown.name] = text.strip()
    try:
        command = form.command.model_validate({**fields, **form.fixed, **path})
    except ValidationError as invalid:
        failed = {e["field"] for e in errors}
        errors += [e for e in _validation_errors(form, invalid) if e["field"] not in failed]
        order = [i.name for i in form.inputs]
        return None, sorted(errors, key=lambda e: order.index(e["field"]) if e["field"] in order else len(order))
    return (None, errors) if errors else (command, [])


def _validation_errors(form: CommandForm, invalid: ValidationError) -> list[FieldError]:
    found = []
    for problem in invalid.errors():
        name = str(problem["loc"][0]) if problem["loc"] else ""
        shown = next((i for i in form.inputs if i.name == name), form.inputs[0] if form.inputs else None)
        if shown is None:
            continue
        if problem["type"] == "missing" and shown.missing:
            text = shown.missing
        elif problem["type"] == "missing":
            text = f"Enter {shown.label[:1].lower() + shown.label[1:]}"
            if shown.kind in ("select", "radios"):
                text = f"Choose {shown.label[:1].lower() + shown.label[1:]}"
        else:
            message = str(problem["msg"]).removeprefix("Value error, ")
            # a rule across fields speaks for itself; one field's problem is named by the field's label
            text = f"{shown.label}: {message[:1].lower() + message[1:]}" if problem["loc"] else message
        found.append(_error(shown, sentence(text).rstrip(".")))
    return found


def _error(shown: Input, text: str) -> FieldError:
    return {"text": text, "href": f"#{shown.anchor}", "field": shown.name}


def typed(form: CommandForm, posted: dict[str, str]) -> dict[str, Any]:
    """What the person typed, to show again exactly."""
    values: dict[str, Any] = {}
    for shown in form.inputs:
        if shown.kind == "date":
            values[shown.name] = {part: posted.get(f"{shown.name}-{part}", "") for part in DATE_PARTS}
        else:
            values[shown.name] = posted.get(shown.name, "")
    return values


Respond = Callable[[Request, Actor, Any], Response]


def add(router: APIRouter, form: CommandForm, respond: Respond | None = None) -> None:
    """The form's GET and POST routes on `router` (prefix "": the form's path starts with /app). Success sends
    the browser to `done_at`, or is answered by `respond` (for what must be shown once, never in an address)."""

    def show(request: Request) -> HTMLResponse:
        actor = signed_in(request)
        path = dict(request.path_params)
        context = form.context(web_of(request).lipp, actor, path)
        return _render(request, actor, form, path, {}, [], context)

    async def submit(request: Request, posted: Posted) -> Response:
        # In the API's order: the command is validated, then run (its own role rule refuses), and only what the
        # page shows beside a problem is read afterwards.
        actor = signed_in(request)
        lipp = web_of(request).lipp
        path = dict(request.path_params)
        command, errors = read(form, posted, path)
        values = typed(form, posted)
        if command is None:
            context = await run_in_threadpool(form.context, lipp, actor, path)
            return _render(request, actor, form, path, values, errors, context, 422)
        try:
            result = await run_in_threadpool(form.run, lipp, actor, command)
        except LippError as refused:
            refusal = refusal_for(refused)
            named = next((i for i in form.inputs if i.name == form.refusals.get(type(refused).__name__)), None)
            if refusal is None or (refusal.http_status in (401, 403, 404) and named is None):
                raise
            shown = named or (form.inputs[0] if form.inputs else None)
            anchor, where = (shown.anchor, shown.name) if shown else ("main-content", "")
            errors = [{"text": sentence(refusal.message).rstrip("."), "href": f"#{anchor}", "field": where}]
            context = await run_in_threadpool(form.context, lipp, actor, path)
            return _render(request, actor, form, path, values, errors, context, refusal.http_status)
        if respond is not None:
            return respond(request, actor, result)
        return RedirectResponse(form.done_at(result, path), status_code=303)

    name = form.command.__name__
    router.add_api_route(form.path, show, methods=["GET"], name=f"{name}-page", response_class=HTMLResponse)
    router.add_api_route(form.path, submit, methods=["POST"], name=f"{name}-submit")


def _render(
    request: Request,
    actor: Actor,
    form: CommandForm,
    path: dict[str, str],
    values: dict[str, Any],
    errors: list[FieldError],
    context: dict[str, Any],
    status_code: int = 200,
) -> HTMLResponse:
    by_field: dict[str, dict[str, str]] = {}
    for error in errors:
        by_field.setdefault(error["field"], {"text": error["text"]})
    return page(
        request,
        "command_form.html",
        actor,
        status_code=status_code,
        title=form.title,
        form=form,
        action=form.path.format(**path),
        back=form.back(path) if form.back else None,
        values=values,
        errors=errors,
        field_errors=by_field,
        **context,
    )
