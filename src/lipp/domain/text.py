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

SURROGATES = (0xD800, 0xDFFF)
REFUSED: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F),  # C0 controls
    (0x7F, 0x9F),  # DEL and C1 controls
    SURROGATES,  # lone surrogates
    (0x202A, 0x202E),  # BIDI_CONTROLS: embeddings and overrides
    (0x2066, 0x2069),  # BIDI_CONTROLS: isolates
    (0x2028, 0x2029),  # LINE_SEPARATORS
)
"""Every code point one-line text refuses, as ranges: the one statement of the rule, from which the checks below
and the JSON Schema pattern (`schema_pattern`) are both built."""
KEPT_IN_MULTI_LINE = frozenset("\t\n\r")
"""What multi-line text keeps (a CR is read as a line break)."""
WHITE_SPACE: tuple[tuple[int, int], ...] = (
    (0x09, 0x0D),
    (0x20, 0x20),
    (0x85, 0x85),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)
"""The white space command fields strip from both ends (pydantic's: Unicode White_Space, without the
separators U+001C to U+001F that Python's str.strip also removes)."""


def _class_body(ranges: tuple[tuple[int, int], ...], keep: frozenset[str] = frozenset()) -> str:
    """`ranges` less the characters in `keep`, as the body of a regex character class in `\\uXXXX` escapes,
    which Python `re` and ECMA-262 read alike."""
    parts: list[str] = []
    for low, high in ranges:
        start = low
        for code in range(low, high + 2):
            if code > high or chr(code) in keep:
                if start < code:
                    parts.append(f"\\u{start:04x}" + (f"-\\u{code - 1:04x}" if code - 1 > start else ""))
                start = code + 1
    return "".join(parts)


# A JSON Schema regex cannot name a surrogate (ECMA-262 reads text by code point, and validators refuse the
# pattern), and UTF-8 text, which every request body is, cannot hold a lone one: the schema leaves them out.
_IN_SCHEMA = tuple(span for span in REFUSED if span != SURROGATES)
_ONE_LINE_REFUSED = _class_body(_IN_SCHEMA)
_MULTI_LINE_REFUSED = _class_body(_IN_SCHEMA, KEPT_IN_MULTI_LINE)
ONE_LINE_REFUSED_CLASS = _ONE_LINE_REFUSED
"""What one-line text refuses, as a character class body for a schema pattern (lone surrogates left out)."""
_CONTROL = re.compile(f"[{_class_body(REFUSED)}]")
_CONTROL_BUT_LINES = re.compile(f"[{_class_body(REFUSED, frozenset(chr(9) + chr(10)))}]")
"""The same without tab and line break, which multi-line text keeps."""


def schema_pattern(*, multi_line: bool, required: bool) -> str:
    """The JSON Schema `pattern` of a stripped text field under the rule: white space of any kind at either end
    (stripped before the rule applies), and between that only characters the rule keeps; `required` when the
    stripped text may not be empty."""
    refused = _MULTI_LINE_REFUSED if multi_line else _ONE_LINE_REFUSED
    space = _class_body(WHITE_SPACE)
    kept, shown = f"[^{refused}]", f"[^{refused}{space}]"
    return f"^[{space}]*(?:{shown}(?:{kept}*{shown})?){'' if required else '?'}[{space}]*$"


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


UNSAFE_TO_SHOW = _CONTROL_BUT_LINES


def shown_safely(text: str, *, one_line: bool = False) -> str:
    """`text` fit for a terminal: each control character, lone surrogate and bidirectional control written
    as a Python-style escape (ESC shows as `\\x1b`), so nothing stored can steer the screen. Tabs and line
    breaks stay as they are unless `one_line`."""
    pattern = _CONTROL if one_line else UNSAFE_TO_SHOW
    return pattern.sub(_escape, text) if pattern.search(text) else text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
