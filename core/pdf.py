"""Printable documents: a template rendered to PDF by WeasyPrint. Devanagari
comes from the Noto fonts that `make` installs from Debian (fonts-noto-core);
WeasyPrint shapes it with HarfBuzz, so conjuncts print correctly.

Report PDFs, which grow with the district, are made in huey
(core.report_jobs); only a one-page document prints in the request."""

from flask import make_response, render_template
from weasyprint import HTML


def pdf_bytes(template: str, **context) -> bytes:
    return HTML(string=render_template(template, **context)).write_pdf()


def pdf_headers(response, filename: str):
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def pdf_response(template: str, filename: str, **context):
    return pdf_headers(make_response(pdf_bytes(template, **context)), filename)
