"""Draft extraction: turn a new article into annotations a person reviews and the build verifies.

`extract(path)` runs the extractors (furniture, sentences, dates, actors,
statements, events, agreements, figures) over one article and returns a
`Draft`; `render(draft)` writes it in the curated annotation format, with every
record marked `# DRAFT` and every quote verbatim and unique in the body.
"""

from .draft import Draft, render
from .pipeline import extract

__all__ = ["Draft", "extract", "render"]
