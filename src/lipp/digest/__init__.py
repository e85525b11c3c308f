"""The national theme digest: pure computation from digest facts, and rendering to HTML, Markdown and JSON."""
