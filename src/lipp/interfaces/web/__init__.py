"""lipp in the browser: server-rendered GOV.UK pages on the API's own app, over the same application services.

`install(app)` adds the assets (/assets/...), the sign-in pages and the pages (/app/...)."""

from __future__ import annotations

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    from lipp.interfaces.web import (
        action_forms,
        admin_pages,
        auth_routes,
        national_pages,
        page_routes,
        review_forms,
        second_factor_routes,
        team_pages,
    )
    from lipp.interfaces.web.assets import mount_assets

    mount_assets(app)
    app.include_router(page_routes.top)
    app.include_router(auth_routes.router)
    app.include_router(second_factor_routes.router)
    app.include_router(review_forms.router)  # before the pages: /app/reviews/new is a form, not a review
    app.include_router(action_forms.router)  # before the pages: /alliance/actions/new is not an action
    app.include_router(national_pages.router)
    app.include_router(team_pages.router)
    app.include_router(admin_pages.router)
    app.include_router(page_routes.router)  # last: its catch-all answers unknown /app/ addresses
