"""The two routes of every catalogue form: GET shows the form, POST runs the command.

POST reads the inputs into the command's fields (the address's placeholders fill the rest), validates them with
the command's own pydantic model, and runs `entry.run(lipp, actor, command)`, so the application applies the
role rule exactly as for the API. Success is a 303 to `done_at`; a problem re-shows the form with the GOV.UK
error summary and everything the person typed, at the status the API answers with (422 bad input, 409 a rule
refused; 403 and 404 are whole error pages, as the API's are). A form that changes something with a version
(a review) carries the version it was opened at: if it has moved on, nothing runs, and the page says so with the
new state, keeping what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from lipp.bootstrap import Lipp
from lipp.domain.actors import Actor
from lipp.domain.errors import LippError
from lipp.interfaces.catalogue.entry import Entry
from lipp.interfaces.web.context import PageNotFound, check_form_token, signed_in, web_of
from lipp.interfaces.web.forms import (
    FieldError,
    StepForm,
    choice_items,
    errors_by_field,
    page_path,
    parse,
    refusal_errors,
    shown_values,
    step_form,
    typed_values,
    validate,
)
from lipp.interfaces.web.pages import page
from lipp.interfaces.web.templates import environment

environment.globals["choice_items"] = choice_items
Posted = Annotated[dict[str, Any], Depends(check_form_token)]
STALE = "This review changed since you opened it"

Context = Callable[[Lipp, Actor, dict[str, Any]], dict[str, Any]]
"""More for the page's template, read as the person (a review they may not see is refused here, as the API's
GET refuses it)."""
Check = Callable[[Lipp, Actor, StepForm, dict[str, Any], dict[str, Any]], dict[str, Any]]
"""A secondary button's work that changes nothing (checking the text, say): (lipp, actor, form, the command's
fields as typed, the path's values) to more context for the page."""


def _nothing(lipp: Lipp, actor: Actor, path_values: dict[str, Any]) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class FormPage:
    """How one catalogue entry's form lives on the site."""

    entry: Entry
    done_at: Callable[[Any, dict[str, Any]], str]  # where success goes: (the command's result, the path's values)
    template: str = "step_form.html"
    context: Context = _nothing
    defaults: Callable[[Lipp, Actor, dict[str, Any], dict[str, str]], dict[str, Any]] | None = None
    version_of: Callable[[dict[str, Any]], int] | None = None  # the current version, from the page's context
    check: tuple[str, str, Check] | None = None  # (button text, action value, its work)

    @property
    def path(self) -> str:
        return page_path(self.entry)


def add_form_pages(router: APIRouter, pages: list[FormPage]) -> None:
    """Add each page's GET and POST routes to `router` (whose prefix must be empty: paths start /app)."""
    for form_page in pages:
        _add(router, form_page)


def path_values_of(entry: Entry, request: Request) -> dict[str, Any]:
    """The address's placeholders as the command's fields, typed as declared (a bad one: no such page)."""
    types = dict(entry.http.path_types)
    try:
        return {name: types.get(name, str)(request.path_params[name]) for name in entry.http.path_fields}
    except ValueError:
        raise PageNotFound(f"there is no page at {request.url.path}: check the address") from None


def _add(router: APIRouter, form_page: FormPage) -> None:
    entry = form_page.entry

    def show(request: Request) -> HTMLResponse:
        actor = signed_in(request)
        lipp = web_of(request).lipp
        values = path_values_of(entry, request)
        form = step_form(entry, values)
        context = form_page.context(lipp, actor, values)
        defaults = form_page.defaults(lipp, actor, values, dict(request.query_params)) if form_page.defaults else {}
        version = form_page.version_of(context) if form_page.version_of else None
        return _render(request, actor, form_page, form, shown_values(form, defaults), [], version, context)

    async def submit(request: Request, posted: Posted) -> Response:
        actor = signed_in(request)
        lipp = web_of(request).lipp
        values = path_values_of(entry, request)
        form = step_form(entry, values)
        typed = typed_values(form, posted)
        context = await run_in_threadpool(form_page.context, lipp, actor, values)
        version = form_page.version_of(context) if form_page.version_of else None
        action = posted.get("action", "")
        if form_page.check is not None and action == form_page.check[1]:
            fields, _ = parse(form, posted)
            more = await run_in_threadpool(form_page.check[2], lipp, actor, form, fields, values)
            return _render(request, actor, form_page, form, typed, [], posted.get("version"), {**context, **more})
        if version is not None and posted.get("version", "") != str(version):
            opened = int(posted["version"]) if posted.get("version", "").isdigit() else 0
            errors = [{"text": STALE, "href": "#changed", "field": ""}]
            stale = {"stale": True, "opened_at": opened}
            return _render(request, actor, form_page, form, typed, errors, version, {**context, **stale}, 409)
        command, errors = validate(form, posted, values)
        if command is None:
            return _render(request, actor, form_page, form, typed, errors, version, context, 422)
        try:
            result = await run_in_threadpool(entry.run, lipp, actor, command)
        except LippError as refused:
            shown = refusal_errors(form, refused)
            if shown is None:
                raise
            status, errors = shown
            return _render(request, actor, form_page, form, typed, errors, version, context, status)
        return RedirectResponse(form_page.done_at(result, values), status_code=303)

    name = entry.command_class().__name__
    router.add_api_route(form_page.path, show, methods=["GET"], name=f"{name}-form", response_class=HTMLResponse)
    router.add_api_route(form_page.path, submit, methods=["POST"], name=name)


def _render(
    request: Request,
    actor: Actor,
    form_page: FormPage,
    form: StepForm,
    values: dict[str, Any],
    errors: list[FieldError],
    version: Any,
    context: dict[str, Any],
    status_code: int = 200,
) -> HTMLResponse:
    return page(
        request,
        form_page.template,
        actor,
        status_code=status_code,
        title=form.title,
        form=form,
        values=values,
        errors=errors,
        field_errors=errors_by_field(errors),
        version=version,
        check_button=(form_page.check[0], form_page.check[1]) if form_page.check else None,
        **context,
    )
