"""The pendency charts, in core.charts' frame: the age groups as bars, the
weekly trend as two lines.

Every bar carries its label and number and the breach bars are hatched;
the two trend lines differ in dash and marker."""

from flask_babel import format_date
from markupsafe import Markup

from core.charts import GRID, INK, WIDTH, frame, text
from core.i18n import indian_number

# (fill, pattern) per bar: light to dark, the breach bars hatched as well.
BAR_FILLS = {
    "0-3": "#9fc5e8",
    "4-7": "#3d85c6",
    "over7": "url(#pz-hatch)",
    "overdue": "url(#pz-cross)",
}
PATTERN = {
    "over7": '<pattern id="pz-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4cccc"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#a4161a" stroke-width="3"/></pattern>',
    "overdue": '<pattern id="pz-cross" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#a4161a"/>'
    '<path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1"/></pattern>',
}
PATTERNS = f"<defs>{''.join(PATTERN.values())}</defs>"


def _day_month(day) -> str:
    return format_date(day, "d MMM")


def bucket_bars(counts: dict, labels: dict, title: str) -> Markup:
    """One bar per age group (and past due), each with its label and number
    written above it, scaled to the largest."""
    keys = [k for k in BAR_FILLS if k in labels]
    biggest = max([counts[k] for k in keys] + [1])
    row = 34
    parts = [PATTERNS]
    lines = []
    for i, key in enumerate(keys):
        top = i * row
        words = f"{labels[key]}: {indian_number(counts[key])}"
        lines.append(words)
        parts.append(text(0, top + 13, words))
        length = round((WIDTH - 2) * counts[key] / biggest)
        parts.append(
            f'<rect x="0" y="{top + 17}" width="{max(length, 1)}" height="12" '
            f'fill="{BAR_FILLS[key]}" stroke="{INK}" stroke-width="0.5"/>'
        )
    return frame("pz-bars", row * len(keys), title, "; ".join(lines) + ".", "\n".join(parts))


def _nice_top(value: int) -> int:
    """The smallest of 1, 2, 2.5, 5 x 10^n at least `value`."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 < value:
        magnitude *= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return int(step * magnitude)
    return 10 * magnitude


def trend_lines(
    weeks, title: str, desc: str, received_label: str, disposed_label: str, words: bool = True
) -> Markup:
    """Received (solid, round markers) and disposed (dashed, square markers)
    per week, with the scale and some week dates written on the axes.

    words=False leaves out the legend and writes the dates in digits: for
    WeasyPrint, which draws SVG text a character at a time and so cannot
    join Devanagari letters; the PDF says in HTML which line is which."""
    height, left, right, top, bottom = 176, 40, WIDTH - 8, 30, 150
    values = [w.received for w in weeks] + [w.disposed for w in weeks]
    peak = _nice_top(max(values + [0]))
    step = (right - left) / max(len(weeks) - 1, 1)

    def x(i):
        return left + i * step

    def y(v):
        return bottom - (bottom - top) * v / peak

    parts = []
    for value in (0, peak // 2 if peak % 2 == 0 else None, peak):
        if value is None:
            continue
        parts.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{right}" y2="{y(value):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(text(left - 4, y(value) + 4, indian_number(value), "end", 11))
    last = len(weeks) - 1
    for i, week in enumerate(weeks):
        if i % 4 == 0 or i == last:
            anchor = "start" if i == 0 else "end" if i == last else "middle"
            day = _day_month(week.start) if words else f"{week.start.day}/{week.start.month}"
            parts.append(text(x(i), height - 8, day, anchor, 10))
    received = " ".join(f"{x(i):.1f},{y(w.received):.1f}" for i, w in enumerate(weeks))
    disposed = " ".join(f"{x(i):.1f},{y(w.disposed):.1f}" for i, w in enumerate(weeks))
    parts.append(f'<polyline points="{received}" fill="none" stroke="{INK}" stroke-width="2"/>')
    parts.append(
        f'<polyline points="{disposed}" fill="none" stroke="#a4161a" stroke-width="2" '
        'stroke-dasharray="6 3"/>'
    )
    for i, week in enumerate(weeks):
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(week.received):.1f}" r="3" fill="{INK}"/>')
        parts.append(
            f'<rect x="{x(i) - 3:.1f}" y="{y(week.disposed) - 3:.1f}" width="6" height="6" '
            'fill="#a4161a"/>'
        )
    if words:
        parts += _legend(left, received_label, disposed_label)
    return frame("pz-trend", height, title, desc, "\n".join(parts))


def _legend(left, received_label, disposed_label) -> list[str]:
    """Which line is which, in words."""
    parts = []
    parts.append(
        f'<line x1="{left}" y1="10" x2="{left + 22}" y2="10" stroke="{INK}" stroke-width="2"/>'
    )
    parts.append(f'<circle cx="{left + 11}" cy="10" r="3" fill="{INK}"/>')
    parts.append(text(left + 28, 14, received_label))
    middle = left + 150
    parts.append(
        f'<line x1="{middle}" y1="10" x2="{middle + 22}" y2="10" stroke="#a4161a" '
        'stroke-width="2" stroke-dasharray="6 3"/>'
    )
    parts.append(f'<rect x="{middle + 8}" y="7" width="6" height="6" fill="#a4161a"/>')
    parts.append(text(middle + 28, 14, disposed_label))
    return parts


# A short piece of each trend line, to stand beside its name in HTML.
LINE_SAMPLES = {
    "received": Markup(
        '<svg width="26" height="10" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
        '<line x1="0" y1="5" x2="26" y2="5" stroke="#1b1b1b" stroke-width="2"/>'
        '<circle cx="13" cy="5" r="3" fill="#1b1b1b"/></svg>'
    ),
    "disposed": Markup(
        '<svg width="26" height="10" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
        '<line x1="0" y1="5" x2="26" y2="5" stroke="#a4161a" stroke-width="2" '
        'stroke-dasharray="6 3"/><rect x="10" y="2" width="6" height="6" fill="#a4161a"/></svg>'
    ),
}


def bar(key: str, count: int, biggest: int, width: int = 220) -> Markup:
    """One bar alone, with its own pattern, for a table row that writes its
    label and number in HTML (the PDF: see trend_lines)."""
    length = max(round(width * count / max(biggest, 1)), 1)
    return Markup(  # noqa: S704 (numbers and constants only)
        f'<svg width="{width}" height="12" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
        f"<defs>{PATTERN.get(key, '')}</defs>"
        f'<rect x="0" y="0" width="{length}" height="12" fill="{BAR_FILLS[key]}" '
        f'stroke="{INK}" stroke-width="0.5"/></svg>'
    )
