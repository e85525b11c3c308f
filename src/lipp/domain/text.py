"""The one rule for text people type: which characters lipp stores, prints and mails.

Every back end must be able to store the text (PostgreSQL refuses NUL), every terminal must be able to show
it without being steered (escape sequences, bidirectional overrides), and text that ends up in a mail header or
on one line (titles, names, subjects, labels) must stay on one line. Command fields apply this rule at the edge
(see `lipp.commands.fields`); aggregates apply it again where text reaches them without a command.
"""

from __future__ import annotations

import re
import unicodedata

from lipp.domain.errors import InvalidInput

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source")."""
LINE_SEPARATORS = frozenset("\u2028\u2029")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""The same without tab and line break, which multi-line text keeps."""


class TextNotAllowed(InvalidInput):
    """Text held a character lipp does not store: a control character, a lone surrogate or a bidi control."""


def describe_character(character: str) -> str:
    """A character as the refusal names it: its code point and, where Unicode has one, its name."""
    name = unicodedata.name(character, "")
    if 0xD800 <= ord(character) <= 0xDFFF:
        name = "a lone surrogate"
    elif not name:
        name = "a control character"
    return f"U+{ord(character):04X} ({name.lower()})"


def refused_character(text: str, *, multi_line: bool) -> tuple[int, str] | None:
    """The first character of `text` the rule refuses, with its position; None when the text is fine."""
    if not multi_line and text.isprintable():  # C-fast, and false for every character refused
        return None
    found = (_CONTROL_BUT_LINES if multi_line else _CONTROL).search(text)
    return (found.start(), found.group()) if found else None


def check_text(text: str, *, multi_line: bool, field: str = "text") -> str:
    """`text` unchanged, or TextNotAllowed naming the first character refused and where it is.

    Multi-line text may hold tabs and line breaks (CRLF and CR are read as one line break); one-line text
    holds no control character at all."""
    if multi_line and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = refused_character(text, multi_line=multi_line)
    if found is None:
        return text
    position, character = found
    if not multi_line and character in ("\n", "\r", *LINE_SEPARATORS):
        raise TextNotAllowed(f"the {field} must be one line: a line break was found at character {position + 1}")
    what = "a bidirectional control" if character in BIDI_CONTROLS else describe_character(character)
    if character in BIDI_CONTROLS:
        what += f" {describe_character(character)}"
    raise TextNotAllowed(
        f"the {field} holds {what} at character {position + 1}: control characters, lone surrogates and "
        "bidirectional controls are not accepted"
    )


UNSAFE_TO_SHOW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def shown_safely(text: str, *, one_line: bool = False) -> str:
    """`text` fit for a terminal: each control character, lone surrogate and bidirectional control written
    as a Python-style escape (ESC shows as `\\x1b`), so nothing stored can steer the screen. Tabs and line
    breaks stay as they are unless `one_line`."""
    pattern = _CONTROL if one_line else UNSAFE_TO_SHOW
    return pattern.sub(_escape, text) if pattern.search(text) else text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
