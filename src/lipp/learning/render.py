"""A briefing as Markdown, plain text and HTML e-mail: the same seven sections, in the same order."""

from __future__ import annotations

from html import escape

from lipp.learning.document import Acknowledgement, BriefingDocument

SECTIONS = (
    ("Background", "background"),
    ("Why it matters", "why_it_matters"),
    ("Key information", "key_information"),
    ("Things to remember", "remember"),
    ("What to do", "what_to_do"),
    ("Reflective questions", "questions"),
)


def _parts(document: BriefingDocument) -> list[tuple[str, str | list[str]]]:
    return [(heading, getattr(document, name)) for heading, name in SECTIONS]


def _about(document: BriefingDocument) -> str:
    themes = ", ".join(theme.name for theme in document.themes) or "no single theme"
    where = f"{document.board} (local)" if document.board else "national"
    return f"{where} · themes: {themes}"


def markdown(document: BriefingDocument) -> str:
    lines = [f"# {document.title}", "", f"*{_about(document)}*", ""]
    for heading, body in _parts(document):
        lines += [f"## {heading}", ""]
        if isinstance(body, str):
            lines += [body, ""]
        else:
            numbered = heading in ("Key information", "What to do")
            lines += [f"{i}. {item}" if numbered else f"- {item}" for i, item in enumerate(body, start=1)] + [""]
    return "\n".join(lines)


def text(document: BriefingDocument, acknowledgement: Acknowledgement | None = None) -> str:
    lines = [document.title, "=" * len(document.title), _about(document), ""]
    for heading, body in _parts(document):
        lines += [heading.upper(), ""]
        if isinstance(body, str):
            lines += [body, ""]
        else:
            lines += [f"  {i}. {item}" for i, item in enumerate(body, start=1)] + [""]
    if acknowledgement is not None:
        lines += _acknowledge_text(acknowledgement)
    return "\n".join(lines)


def html(document: BriefingDocument, acknowledgement: Acknowledgement | None = None) -> str:
    body = [f"<h1>{escape(document.title)}</h1>", f"<p><em>{escape(_about(document))}</em></p>"]
    for heading, part in _parts(document):
        body.append(f"<h2>{escape(heading)}</h2>")
        if isinstance(part, str):
            body.append(f"<p>{escape(part)}</p>")
        else:
            tag = "ol" if heading in ("Key information", "What to do") else "ul"
            body.append(f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in part) + f"</{tag}>")
    if acknowledgement is not None:
        link = escape(acknowledgement.link, quote=True)
        body.append(
            f'<p><a href="{link}">Acknowledge this briefing</a> (the link works until '
            f"{acknowledgement.expires_on:%d %B %Y}), or run <code>lipp delivery acknowledge "
            f"{escape(acknowledgement.code)}</code>.</p>"
        )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title></head><body>{''.join(body)}</body></html>"
    )


def _acknowledge_text(acknowledgement: Acknowledgement) -> list[str]:
    return [
        "ACKNOWLEDGE",
        "",
        f"Open this link to acknowledge (it works until {acknowledgement.expires_on:%d %B %Y}):",
        acknowledgement.link,
        "",
        f"or run: lipp delivery acknowledge {acknowledgement.code}",
        "",
    ]
