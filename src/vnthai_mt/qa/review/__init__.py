"""``vnthai-mt review``: the editors' check in the browser, finding by finding.

:mod:`session` holds the files, checks them and saves decisions (no HTTP); :mod:`app` is the Starlette
application (page, static files, JSON API, security checks); :mod:`server` runs it with uvicorn. The page
itself (``qa/data/review/``: index.html, review.js, review.css) renders everything as text.
"""
