"""Simple flat illustrations drawn with Pillow, for the demo district's
scheme photos (no internet, no stock photos). Each is a small scene: sky,
sun, ground and a subject (a house, a field, a clinic...), in the flat style
of a government poster, so that the resize path has something realistic to
compress."""

import io
import random

from PIL import Image, ImageDraw

W, H = 960, 640
SKIES = ("#bfe3f5", "#f8e1b0", "#d8ecd0", "#f5d0c5", "#d9d4f0")
GROUNDS = ("#8cbf5a", "#c9a66b", "#7fb069", "#b5c97a")


def _sky_and_ground(d, rng):
    d.rectangle((0, 0, W, H), fill=rng.choice(SKIES))
    d.ellipse((W - 200, 50, W - 90, 160), fill="#ffcf3f")
    for _ in range(3):
        x, y = rng.randint(40, W - 300), rng.randint(40, 160)
        for dx in (0, 45, 90):
            d.ellipse((x + dx, y, x + dx + 80, y + 45), fill="#ffffff")
    d.rectangle((0, int(H * 0.62), W, H), fill=rng.choice(GROUNDS))


def _person(d, x, y, scale=1.0, saree="#c2185b", skin="#8d5524"):
    s = scale
    d.ellipse((x - 18 * s, y - 100 * s, x + 18 * s, y - 64 * s), fill=skin)
    d.polygon(
        [(x - 30 * s, y), (x + 30 * s, y), (x + 18 * s, y - 64 * s), (x - 18 * s, y - 64 * s)],
        fill=saree,
    )
    d.line((x - 10 * s, y, x - 10 * s, y + 30 * s), fill="#333", width=int(6 * s))
    d.line((x + 10 * s, y, x + 10 * s, y + 30 * s), fill="#333", width=int(6 * s))


def _house(d, rng, x=300, pucca=True):
    base = int(H * 0.62)
    wall = rng.choice(("#f2c14e", "#f7a072", "#e9e3d5"))
    d.rectangle((x, base - 190, x + 300, base + 10), fill=wall, outline="#5b3a29", width=4)
    d.polygon(
        [(x - 30, base - 190), (x + 150, base - 300), (x + 330, base - 190)],
        fill="#b23a48" if pucca else "#8a6d3b",
    )
    d.rectangle((x + 120, base - 100, x + 180, base + 10), fill="#5b3a29")
    d.rectangle(
        (x + 30, base - 150, x + 90, base - 100), fill="#9ad1f5", outline="#5b3a29", width=3
    )
    d.rectangle(
        (x + 210, base - 150, x + 270, base - 100), fill="#9ad1f5", outline="#5b3a29", width=3
    )


def _field(d, rng):
    base = int(H * 0.62)
    for row in range(7):
        y = base + 20 + row * 32
        for col in range(0, W, 48):
            x = col + (row % 2) * 24
            d.line((x, y, x, y - 26), fill="#2e7d32", width=4)
            d.ellipse((x - 7, y - 38, x + 7, y - 22), fill="#f9a825")
    _person(d, 180, base + 40, 1.2, saree="#1565c0")


def _pond(d, rng):
    base = int(H * 0.62)
    d.ellipse((220, base + 30, 760, base + 210), fill="#3d8fd1", outline="#6d4c41", width=8)
    d.ellipse((300, base + 70, 520, base + 110), fill="#7cc0ef")
    _person(d, 140, base + 60, 1.1, saree="#6a1b9a")


def _clinic(d, rng):
    base = int(H * 0.62)
    d.rectangle((260, base - 230, 700, base + 10), fill="#ffffff", outline="#455a64", width=4)
    d.rectangle((440, base - 200, 520, base - 120), fill="#d32f2f")
    d.rectangle((455, base - 215, 505, base - 105), fill="#ffffff")
    d.rectangle((425, base - 185, 535, base - 135), fill="#ffffff")
    d.rectangle((462, base - 208, 498, base - 112), fill="#d32f2f")
    d.rectangle((432, base - 178, 528, base - 142), fill="#d32f2f")
    d.rectangle((440, base - 90, 520, base + 10), fill="#90a4ae")
    _person(d, 180, base + 50, 1.1)


def _elders(d, rng):
    base = int(H * 0.62)
    d.rectangle((120, base - 30, 840, base + 10), fill="#795548")  # a bench
    _person(d, 330, base - 20, 1.3, saree="#ef6c00", skin="#a1887f")
    _person(d, 560, base - 20, 1.3, saree="#eeeeee", skin="#a1887f")
    d.line((620, base - 80, 660, base + 40), fill="#4e342e", width=7)  # a walking stick


def _girl_school(d, rng):
    base = int(H * 0.62)
    d.rectangle((520, base - 200, 860, base + 10), fill="#ffe082", outline="#6d4c41", width=4)
    d.rectangle((650, base - 90, 720, base + 10), fill="#6d4c41")
    d.rectangle((560, base - 240, 820, base - 200), fill="#1e88e5")
    _person(d, 260, base + 60, 1.0, saree="#00897b")
    d.rectangle((300, base - 10, 350, base + 30), fill="#e53935")  # a school bag


def _wheelchair(d, rng):
    base = int(H * 0.62)
    d.ellipse((330, base - 40, 530, base + 160), outline="#263238", width=12)
    d.rectangle((380, base - 120, 560, base - 40), fill="#1976d2")
    d.ellipse((440, base - 250, 510, base - 180), fill="#8d5524")
    d.rectangle((445, base - 180, 505, base - 60), fill="#43a047")
    d.line((560, base - 40, 620, base + 90), fill="#263238", width=10)
    _house(d, rng, x=620)


SCENES = {
    "house": _house,
    "field": _field,
    "pond": _pond,
    "clinic": _clinic,
    "elders": _elders,
    "school": _girl_school,
    "divyang": _wheelchair,
}


def illustration(scene: str, seed: int = 0, fmt: str = "PNG") -> bytes:
    """An illustration of `scene` as image bytes (PNG by default, as a
    camera or a designer would hand it over: big, to be resized)."""
    rng = random.Random(f"{scene}-{seed}")
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    _sky_and_ground(d, rng)
    draw = SCENES[scene]
    if draw is _house:
        draw(d, rng, x=rng.randint(200, 420))
    else:
        draw(d, rng)
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()
