"""Printable documents: a template rendered to PDF by WeasyPrint. Devanagari
comes from the Noto fonts that `make` installs from Debian (fonts-noto-core);
WeasyPrint shapes it with HarfBuzz, so conjuncts print correctly.

Report PDFs, which grow with the district, are made in huey
(core.report_jobs); only a one-page document prints in the request."""

from flask import make_response, render_template
from weasyprint import HTML

# A roll slip is laid out on a page this tall (longer than any slip), then
# the page is cut just below its content: one layout, one piece of paper.
ROLL_LAYOUT_MM = 1000


def pdf_bytes(template: str, **context) -> bytes:
    return HTML(string=render_template(template, **context)).write_pdf()


def _content_height(page) -> float:
    """The height (CSS px) of a laid-out page cut just below its content:
    the root element's margin box and the page's own bottom margin. Reads
    WeasyPrint's page box (the version is pinned in requirements.txt; the
    roll tests in tests/applications/test_ack.py measure the result)."""
    box = page._page_box
    root = next(child for child in box.children if child.element_tag == "html")
    bottom = root.position_y + root.margin_height()
    return bottom + box.padding_bottom + box.border_bottom_width + box.margin_bottom


def roll_pdf_bytes(template: str, **context) -> bytes:
    """One page exactly as long as its content, for a roll printer. The
    template sizes its page `@page { size: <width> {{ roll_height }} }`."""
    height = ROLL_LAYOUT_MM
    while True:
        html = render_template(template, roll_height=f"{height}mm", **context)
        document = HTML(string=html).render()
        if len(document.pages) == 1:
            break
        # Longer than the tall page: lay it out once more on a page as long
        # as all of them.
        height *= len(document.pages)
    page = document.pages[0]
    # The PDF's page box and its drawing both start from page.height.
    page.height = min(page.height, _content_height(page))
    return document.write_pdf()


def pdf_headers(response, filename: str):
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def pdf_response(template: str, filename: str, **context):
    return pdf_headers(make_response(pdf_bytes(template, **context)), filename)


def roll_pdf_response(template: str, filename: str, **context):
    return pdf_headers(make_response(roll_pdf_bytes(template, **context)), filename)
