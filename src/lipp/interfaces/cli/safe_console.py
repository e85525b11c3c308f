"""The safe console: the one way text reaches the terminal. Its own module, as it subclasses rich's Console and
so loads rich, which `lipp --help` and the building of command groups must not (output.py makes one on first
use)."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.errors import MarkupError
from rich.markup import escape
from rich.text import Text

from lipp.domain.text import shown_safely

_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
"""A Rich markup tag (as rich.markup finds them), with the backslashes before it."""
LIPP_TAGS = frozenset({"/", "bold", "dim", "italic", "italic dim", "green", "yellow", "red", "bold red", "white"})
"""The tags lipp's own renderers write: plain styles, never a link or an action. Renderers also pass user text
through rich.markup.escape; any other tag that reaches the console is shown as typed."""


def _only_lipp_styles(markup: str) -> str:
    """Escape every tag but plain styles: text a user typed ('[link=…]', '[/]') is shown as typed."""

    def tag(match: re.Match[str]) -> str:
        backslashes, found = match.groups()
        if len(backslashes) % 2 or found[1:-1] in LIPP_TAGS:
            return match.group()  # escaped already (rich.markup.escape), or one of lipp's own styles
        return f"{backslashes}{backslashes}\\{found}"

    return _TAG.sub(tag, markup)


class SafeConsole(Console):
    """The one way text reaches the terminal: every string printed or put in a table has its control
    characters and escape sequences shown as escapes (ESC as `\\x1b`) and only lipp's style tags are read as
    markup, so nothing stored in lipp can steer a terminal or restyle what is printed."""

    def render_str(self, text: str, **options: Any) -> Text:
        shown = shown_safely(text)
        try:
            return super().render_str(_only_lipp_styles(shown), **options)
        except MarkupError:  # a user's '[/bold]' closing nothing of lipp's: show the line without styles
            return super().render_str(escape(shown), **options)
