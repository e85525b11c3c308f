"""Reference-data endpoints: the national themes and the pattern typology."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from lipp.application.reference_views import PatternCategoryView, ThemeListView, patterns_view, themes_view
from lipp.interfaces.api.dependencies import ActorDep

router = APIRouter(tags=["reference data"])

Version = Annotated[int | None, Query(ge=1, description="A version of the list; the latest when omitted")]


@router.get("/reference/themes", operation_id="NationalThemes")
def themes(actor: ActorDep, version: Version = None) -> ThemeListView:
    """The national themes a finding can carry, with their stable ids."""
    return themes_view(version)


@router.get("/reference/patterns", operation_id="PatternCategories")
def patterns(actor: ActorDep, version: Version = None) -> list[PatternCategoryView]:
    """The six Learning Together categories of underlying pattern."""
    return patterns_view(version)
