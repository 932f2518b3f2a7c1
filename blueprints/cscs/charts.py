"""The coverage chart: one stacked bar per block, drawn on the server as
inline SVG in core.charts' frame.

It reads without colour: covered is solid dark, "inactive CSC only" hatched,
uncovered white with dots; a legend says so in words, each segment carries
its number and a <title>, and the <desc> lists every figure."""

from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape

from core.charts import INK, WIDTH, frame, text
from core.i18n import indian_number

FILLS = {
    "working": "#2f5d3a",
    "inactive_only": "url(#cv-hatch)",
    "uncovered": "url(#cv-dots)",
}
# Numbers on a dark segment are white; on the light ones, ink.
NUMBER_INK = {"working": "#ffffff", "inactive_only": INK, "uncovered": INK}
PATTERNS = (
    '<defs><pattern id="cv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6e2a8"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#7a5a00" stroke-width="2"/></pattern>'
    '<pattern id="cv-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#ffffff"/>'
    '<circle cx="2.5" cy="2.5" r="0.9" fill="#555555"/></pattern></defs>'
)
LEGEND_ROW = 16
BLOCK_ROW = 38
BAR = 15
MIN_LABELLED = 22  # narrower segments carry their number in the title only


def segment_labels() -> dict:
    return {
        "working": _("Covered: a working CSC"),
        "inactive_only": _("Inactive CSC only"),
        "uncovered": _("No active CSC"),
    }


def coverage_bars(blocks, title: str) -> Markup:
    labels = segment_labels()
    keys = list(FILLS)
    parts = [PATTERNS]
    for i, key in enumerate(keys):
        y = i * LEGEND_ROW
        parts.append(
            f'<rect x="0" y="{y + 2}" width="18" height="11" fill="{FILLS[key]}" '
            f'stroke="{INK}" stroke-width="0.6"/>'
        )
        parts.append(text(24, y + 12, labels[key], size=11))
    top = len(keys) * LEGEND_ROW + 6
    biggest = max([b.gps for b in blocks] + [1])
    lines = []
    for row, block in enumerate(blocks):
        y = top + row * BLOCK_ROW
        heading = ngettext(
            "%(block)s: %(count)s gram panchayat",
            "%(block)s: %(count)s gram panchayats",
            block.gps,
            block=block.name,
            count=indian_number(block.gps),
        )
        parts.append(text(0, y + 12, heading, size=12))
        x = 0.0
        words = []
        for key in keys:
            count = getattr(block, key)
            words.append(f"{labels[key]} {indian_number(count)}")
            if not count:
                continue
            width = (WIDTH - 2) * count / biggest
            tip = escape(f"{block.name} — {labels[key]}: {indian_number(count)}")
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y + 17}" width="{max(width, 1):.1f}" height="{BAR}" '
                f'fill="{FILLS[key]}" stroke="{INK}" stroke-width="0.6"><title>{tip}</title></rect>'
            )
            if width >= MIN_LABELLED:
                parts.append(
                    f'<text x="{x + 1 + width / 2:.1f}" y="{y + 28.5}" font-size="11" '
                    f'text-anchor="middle" fill="{NUMBER_INK[key]}" font-weight="bold">'
                    f"{escape(indian_number(count))}</text>"
                )
            x += width
        lines.append(f"{block.name}: " + ", ".join(words))
    height = top + max(len(blocks), 1) * BLOCK_ROW
    desc = "; ".join(lines) + "." if lines else _("No gram panchayat in your area.")
    return frame("cv-bars", height, title, desc, "".join(parts))
