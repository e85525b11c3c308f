"""The briefing as an outward document: what is rendered, e-mailed and published as JSON (schemas/documents/)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class BriefingTheme(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(description="The theme's stable id, e.g. NT05")
    name: str


class BriefingDocument(BaseModel):
    """A seven-minute briefing: background; why it matters; key information; things to remember; what to do;
    reflective questions. Every text in it was cleared to leave the board."""

    model_config = ConfigDict(frozen=True, title="Briefing")

    key: str = Field(description="The briefing's key, e.g. review-NVL-2026-001")
    title: str
    source: str = Field(description="review, theme or digest")
    source_reference: str
    scope: str = Field(description="local (one board's teams) or national")
    board: str | None = Field(description="The board whose review it comes from (local briefings)")
    themes: list[BriefingTheme]
    agencies: list[str]
    status: str = Field(description="draft or released")
    released_on: date | None
    teams_addressed: int
    background: str
    why_it_matters: str
    key_information: list[str]
    remember: list[str] = Field(description="Things to note and remember")
    what_to_do: list[str]
    questions: list[str] = Field(description="Reflective questions for the team")


class Acknowledgement(BaseModel):
    """How a team acknowledges one delivery: a signed link, or a short code for the CLI."""

    model_config = ConfigDict(frozen=True)

    link: str
    code: str
    expires_on: date
