"""The command catalogue: each command declared once, and the CLI and API made from the declarations.

`entry` says what a declaration holds; `reviews`, `findings` and `markers` declare their context's commands;
`cli` and `api` generate the typer commands and the FastAPI routes; `forms` reads the field metadata a form needs.
"""
