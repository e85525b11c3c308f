"""Every command, driven with generated text and dates on both back ends through the application layer: each
input is refused naming its field, or refused by a named rule, or accepted, after which every read model still
catches up. Never an internal error. (test_generated_requests.py drives the API and the CLI the same way.)

The commands are found by walking the command models and the applications' type hints, so a command added
later is driven too (and one without a handler fails `test_every_command_has_a_handler`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from lipp.commands.fields import Command
from lipp.domain.errors import LippError
from lipp.interfaces.errors import refusal_for
from tests.interfaces.generated import (
    PROFILE,
    Seeded,
    assert_read_models_catch_up,
    baseline,
    driven_commands,
    generated_fields,
    generated_value,
    handlers,
    usual_actor,
)

COMMANDS = driven_commands()


def test_every_command_has_a_handler(seeded: Seeded) -> None:
    found = handlers(seeded.lipp)
    assert len(COMMANDS) >= 45
    assert [model.__name__ for model in COMMANDS if model not in found] == []


@pytest.mark.parametrize("model", COMMANDS, ids=lambda model: model.__name__)
def test_every_baseline_passes_validation(seeded: Seeded, model: type[Command]) -> None:
    """The values kept beside a generated one are valid, so a generated value is what decides the outcome."""
    model.model_validate(baseline(model, seeded))


def assert_refused_naming(error: ValidationError, field: str) -> None:
    """Every problem is the generated field's (or the whole command's, such as a period that runs backwards)."""
    named = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
    assert named <= {field}, f"refused naming {named}, not {field}: {error}"
    refusal = refusal_for(error)
    assert refusal is not None and refusal.exit_code == 2 and refusal.http_status == 422
    if named:
        assert field in refusal.message


@pytest.mark.parametrize("model", COMMANDS, ids=lambda model: model.__name__)
def test_generated_input_is_refused_naming_its_field_or_kept_readable(seeded: Seeded, model: type[Command]) -> None:
    run = handlers(seeded.lipp)[model]
    kept = baseline(model, seeded)
    fields = generated_fields(model)
    assert fields, f"{model.__name__} has no text or date field to generate"
    usual = usual_actor(seeded.lipp, model)
    anyone = st.sampled_from(sorted(seeded.actors))

    @PROFILE
    @given(data=st.data())
    def attempt(data: st.DataObject) -> None:
        name, kind = data.draw(st.sampled_from(fields), label="field")
        value = generated_value(model.model_fields[name], kind, data.draw)
        actor = seeded.actors[data.draw(st.one_of(st.just(usual), st.just(usual), anyone), label="actor")]
        try:
            command = model.model_validate({**kept, name: value})
        except ValidationError as error:
            assert_refused_naming(error, name)
            return
        try:
            run(actor, command)
        except LippError as error:  # a named rule refused it: one message, exit 1 or 2, a 4xx
            refusal = refusal_for(error)
            assert refusal is not None and refusal.http_status < 500
            return
        assert_read_models_catch_up(seeded)

    attempt()
