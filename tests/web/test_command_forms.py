"""The commands outside the review catalogue that a person runs (a team's, a coordinator's verification, a
national body's, an admin's) each have a form page that asks for every field of the command the address and the
page do not fill, and runs it at the page's address; those without a page yet are named."""

from __future__ import annotations

import pytest

from lipp.commands import alliance, learning, registry, roles, tokens
from lipp.commands.fields import Command
from lipp.interfaces.api.app import create_app
from lipp.interfaces.web.action_forms import (
    ADMIN_FORMS,
    ALLIANCE_FORMS,
    DIGEST_FORMS,
    ISSUE_TOKEN,
    TEAM_FORMS,
)
from lipp.interfaces.web.plain_forms import CommandForm
from tests.web.test_every_command_has_a_page import every_route

FORMS = [*TEAM_FORMS, *ALLIANCE_FORMS, *DIGEST_FORMS, *ADMIN_FORMS, ISSUE_TOKEN]
# Commands of these modules with no form page yet: registering boards, users, teams and national bodies, the
# teams' and bodies' subscriptions, and the coordinator's briefing steps (the CLI and the API run them); the
# break-glass admin recovery is an operator's. Named, so a new command needs a page or a place here.
ELSEWHERE = {
    "RegisterNationalBody",
    "ChangeDigestSubscription",
    "JoinNationalBody",
    "DraftReviewBriefing",
    "DraftThemeBriefing",
    "EditBriefing",
    "ReleaseBriefing",
    "RegisterBoard",
    "RegisterUser",
    "RegisterTeam",
    "ChangeTeamSubscriptions",
    "TeamSubscriptions",  # the part of RegisterTeam and ChangeTeamSubscriptions they share
    "RecoverAdmin",
}


def test_each_command_of_these_people_has_a_form() -> None:
    commands = {
        name
        for module in (alliance, learning, registry, roles, tokens)
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, Command) and value.__module__ == module.__name__
    }
    with_forms = {form.command.__name__ for form in FORMS}
    assert commands - ELSEWHERE <= with_forms, f"no form page for {sorted(commands - ELSEWHERE - with_forms)}"


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.command.__name__)
def test_a_form_asks_for_every_field_and_runs_at_its_address(form: CommandForm) -> None:
    placeholders = {part.strip("{}") for part in form.path.split("/") if part.startswith("{")}
    asked = {i.name for i in form.inputs} | placeholders | set(form.fixed)
    assert asked == set(form.command.model_fields), f"{form.path} asks for {asked}"
    app = create_app(lambda: None)  # type: ignore[arg-type,return-value]  # routes only: nothing is served
    routes = {method for route in every_route(app.routes) if route.path == form.path for method in route.methods}
    assert {"GET", "POST"} <= routes, form.path
