"""The frame and text of the small charts drawn on the server as inline SVG
(pendency, CSC coverage, scheme progress): no script, no images.

A chart reads without colour and prints in black and white, and carries a
<title> and <desc> for screen readers. Only presentation attributes are
used: the CSP forbids inline styles."""

from markupsafe import Markup, escape

WIDTH = 320
INK = "#1b1b1b"
GRID = "#c8c8c8"


def text(x, y, content, anchor="start", size=12, weight=None) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{x:g}" y="{y:g}" font-size="{size}" fill="{INK}" '
        f'text-anchor="{anchor}"{bold}>{escape(content)}</text>'
    )


def frame(name: str, height: int, title: str, desc: str, body: str) -> Markup:
    """The <svg> around `body`, `name` making its ids unique on the page;
    every text in `body` must have gone through escape() (text() does)."""
    return Markup(  # noqa: S704
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{name}-t {name}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{name}-t">{escape(title)}</title><desc id="{name}-d">{escape(desc)}</desc>'
        f"\n{body}\n</svg>"
    )
