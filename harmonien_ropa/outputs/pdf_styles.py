"""The record's print stylesheet for ``record.<lang>.pdf``, in place of the page's own.

The record page's stylesheet is made for browsers (custom properties, a universal selector,
media queries, automatic table layout, screen-reader text positioned out of sight). Laid out by
WeasyPrint, that costs most of the time of a large record: each cell of an automatically laid
out table is measured for its narrowest and widest widths before it is laid out, every
absolutely positioned box (each screen-reader text, each list bullet outside its text) is
measured again for each page, and every element matches every rule. So the PDF keeps the page's
HTML (the same content, headings, tables, links and marks) but lays it out with this sheet:

- tables of ``table-layout: fixed`` with set column widths (nothing measured beforehand);
- list bullets inside the text's box (``list-style-position: inside``), not marker boxes
  positioned outside it;
- the text that stands for an empty cell ("ikke oppgitt", "not stated") printed in place of the
  dash the screen shows (a PDF has no screen reader to speak it), and each entry's caption, which
  repeats the heading above it, left out;
- a few plain class selectors, one font family (DejaVu, from :data:`~.pdf.PRINT_CSS`).

For 100 activities (``bench/generate.py 100 --seed 1``) a language's record PDF takes about a
third less CPU time, on a third fewer pages; see ``docs/review.md``.
"""

from __future__ import annotations

import re

#: The record's print stylesheet: A4 landscape, laid over :data:`~.pdf.PRINT_CSS`.
RECORD_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { color: #1a1a1a; margin: 0; line-height: 1.35; font-size: 7.5pt; }
h1 { font-size: 15pt; margin: 0 0 2pt; color: #1f4e79; }
h2 { font-size: 12pt; margin: 0 0 4pt; padding-bottom: 1pt; border-bottom: 1.5pt solid #1f4e79;
  break-before: page; }
h3 { font-size: 9.5pt; margin: 10pt 0 3pt; break-after: avoid; }
a { color: inherit; text-decoration: none; }
.subtitle, .generated { color: #555; margin: 1pt 0; }
.legend { background: #f6f8fa; border-left: 3pt solid #1f4e79; padding: 3pt 6pt; }
nav, .skip, caption.sr-only, .na > [aria-hidden] { display: none; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 2pt 0 8pt; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; break-after: avoid; }
th, td { border: 0.5pt solid #c5ccd6; padding: 1.5pt 3pt; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
thead th { background: #e8edf3; }
tr { break-inside: avoid; }
table.item th { width: 26%; }
table.item th + th { width: auto; }
table.item tbody th { background: #f6f8fa; }
.wide { font-size: 6.5pt; }
.wide th.w-wide { width: 17%; }
.wide th.w-narrow { width: 6%; }
.art { display: block; font-weight: normal; color: #555; font-size: 0.85em; }
td ul { margin: 0; padding-left: 0; list-style-position: inside; }
tr.assumed > td { background: #fffbe6; }
tr.missing > td { background: #fdeee6; }
.badge { font-size: 0.8em; font-weight: bold; padding: 0 2pt; }
.badge.assumed { background: #ffe680; color: #3d2e00; border: 0.5pt solid #8a6d00; }
.badge.missing { background: #f8cbad; color: #5a1800; border: 0.5pt solid #a33a00; }
.assumed-box { margin-top: 2pt; font-size: 0.9em; }
.notes { color: #333; }
.na { color: #555; font-style: italic; }
code { font-size: 0.9em; }
"""

#: Classes of the record page that need no rule of their own in print.
UNSTYLED = frozenset({"stated", "scroll", "sr-only"})

_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)


def without_screen_style(html: str) -> str:
    """``html`` without its own stylesheets (the ``<style>`` elements of the page)."""
    return _STYLE.sub("", html)
