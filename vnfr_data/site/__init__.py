"""`vnfr-data site`: a static provenance browser of a data package.

Articles with every evidence span highlighted, one page per record with its
fields, claims, links and evidence sentences, and a client-side search: plain
HTML, CSS and a little vanilla JavaScript, with relative links only, so it works
opened from a file:// path or served by any static host, and never requests
anything from elsewhere.
"""

from .build import build_site, site_files

__all__ = ["build_site", "site_files"]
