"""The one helper that decides between an htmx fragment and a full page."""

from flask import make_response, render_template
from flask_htmx import HTMX

htmx = HTMX()


def wants_fragment() -> bool:
    # A boosted request or a history restore needs the whole page; only a
    # targeted htmx request (a table re-sort, a form step) gets the fragment.
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render(template_name: str, fragment: str | None = None, /, status: int = 200, **context):
    """Render `template_name`, or `fragment` alone for a targeted htmx request. The page
    template includes the fragment, so the markup exists once."""
    template = fragment if fragment and wants_fragment() else template_name
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


def page_arg() -> int:
    """The ?page= of a paged list: a number from 1 to 10,000, 1 if garbled."""
    from flask import request

    try:
        return max(1, min(int(request.args.get("page", 1)), 10_000))
    except ValueError:
        return 1
