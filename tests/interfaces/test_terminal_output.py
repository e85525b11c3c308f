"""Text lipp prints is never echoed raw: control characters and escape sequences show as escapes, and Rich markup
in what users typed is shown as typed, not read."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.markup import escape
from rich.table import Table

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.interfaces.cli.output import SafeConsole, emit_json, panel
from tests.conftest import People
from tests.interfaces.cli_run import run_cli
from tests.interfaces.generated import pieces
from tests.projections.library_journeys import in_conduct

RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal (line breaks and tabs may)."""
hostile = st.lists(pieces, max_size=40).map("".join)


def printed(*renderables: object) -> str:
    out = io.StringIO()
    console = SafeConsole(file=out, width=100, force_terminal=False, color_system=None, highlight=False)
    console.print(*renderables)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_no_text_reaches_the_terminal_raw(text: str) -> None:
    table = Table("text", title=text, caption=text)
    table.add_row(text)
    shown = printed(text) + printed(f"[bold]title:[/] {escape(text)}") + printed(table) + printed(panel(text, text))
    assert RAW.search(shown) is None, repr(shown)


@settings(max_examples=100, deadline=None)
@given(hostile)
def test_json_output_is_the_same_value_with_nothing_raw(text: str) -> None:
    import contextlib
    import json

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        emit_json({"text": text})
    assert RAW.search(out.getvalue()) is None
    if not re.search(r"[\ud800-\udfff]", text):  # a high and a low surrogate read back as one character
        assert json.loads(out.getvalue()) == {"text": text}


def test_markup_a_user_typed_is_shown_as_typed() -> None:
    typed = "[bold]loud[/bold] [link=http://example.invalid]click[/link] [/] [red]x"
    assert printed(escape(typed)).strip() == typed
    assert "[link=http://example.invalid]" in printed(typed)  # even unescaped, no link is made


def test_stored_text_with_escape_sequences_is_shown_harmlessly(lipp: Lipp, people: People) -> None:
    """Text recorded before the text rule (a command built without validation) is printed with escapes."""
    reference = in_conduct(lipp, people)
    valid = f.LogFinding.model_validate(
        {
            "reference": reference,
            "title": "placeholder",
            "issue": "Strategy discussions were not convened.",
            "causes": "Thresholds were read differently.",
            "pattern": "3",
            "themes": ["NT04"],
            "agencies": ["police"],
            "evidence": ["A referral was logged as a contact."],
        }
    )
    title = "Title \x1b[2J\x1b]0;owned\x07 [bold]loud[/bold] \u202eevil"
    lipp.reviews.log_finding(people.reviewer, valid.model_copy(update={"title": title}))
    env = {
        "LIPP_DATA_DIR": str(lipp.settings.data_dir),
        "LIPP_DATABASE_URL": lipp.settings.effective_database_url,
        "COLUMNS": "400",  # wide enough that no title wraps
        "LIPP_CLI_TRUST_NAMES": "true",  # the operator setting, so `--as` works on PostgreSQL (a shared store) too
    }

    for args in (["finding", "list", reference], ["finding", "show", reference, "F1"], ["finding", "search"]):
        ran = run_cli(["--as", "reviewer.a", *args], env)
        assert ran.exit_code == 0, ran.output
        assert RAW.search(ran.output) is None, repr(ran.output)
        assert "\\x1b[2J" in ran.output and "\\u202e" in ran.output
        assert "[bold]loud" in ran.output
