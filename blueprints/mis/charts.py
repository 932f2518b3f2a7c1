"""The share-achieved chart: one bar per block (or GP) for one indicator,
drawn on the server as inline SVG in core.charts' frame.

It reads without colour: every bar carries its name and percentage in
words, the 100% mark is a dashed line, bars past it are hatched, and the
<desc> lists every figure."""

from flask_babel import gettext as _
from markupsafe import Markup, escape

from core.charts import GRID, INK, WIDTH, frame, text
from core.i18n import indian_number

ROW = 30
BAR = 11
FILL = "#3d85c6"
OVER = "url(#mis-over)"
PATTERN = (
    '<defs><pattern id="mis-over" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#2f5d3a"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.5"/></pattern></defs>'
)


def percent(share) -> str:
    if share is None:
        return _("no target")
    return f"{indian_number(round(share))}%"


def share_bars(rows, indicator_id: int, title: str) -> Markup:
    """rows: objects with .name and .cell(indicator_id).share."""
    shares = [(row.name, row.cell(indicator_id).share) for row in rows]
    top = max([100.0] + [s for _n, s in shares if s is not None])
    top = min(top, 200.0)  # a runaway figure must not flatten every other bar
    scale = (WIDTH - 2) / top
    height = max(len(shares), 1) * ROW
    mark = 1 + 100 * scale
    # The 100% mark first, so that names and bars are drawn over it.
    parts = [
        PATTERN,
        f'<line x1="{mark:.1f}" y1="0" x2="{mark:.1f}" y2="{height}" stroke="{GRID}" '
        'stroke-width="1.5" stroke-dasharray="4 3"/>',
    ]
    words = []
    for i, (name, share) in enumerate(shares):
        y = i * ROW
        words.append(f"{name}: {percent(share)}")
        parts.append(text(0, y + 12, f"{name} — {percent(share)}", size=11))
        if share:
            width = max(min(share, top) * scale, 1)
            fill = OVER if share > 100 else FILL
            tip = escape(f"{name}: {percent(share)}")
            parts.append(
                f'<rect x="1" y="{y + 16}" width="{width:.1f}" height="{BAR}" fill="{fill}" '
                f'stroke="{INK}" stroke-width="0.5"><title>{tip}</title></rect>'
            )
    desc = "; ".join(words) + "." if words else _("No figures for this month.")
    return frame("mis-bars", height, title, desc, "".join(parts))
