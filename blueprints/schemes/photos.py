"""Scheme photos: checked by Pillow (never by the file name), turned upright,
stripped of EXIF (GPS, camera) by re-encoding, and stored as two small JPEG
variants for a srcset. The files go where the counter's uploads go
(core.storage's "uploads" folder), with unguessable names."""

import hashlib
import io
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from blueprints.applications.uploads import MAX_UPLOAD_BYTES, UploadError, is_truncated
from core import storage

# (name suffix, width): the small one fills a phone, the large one a desktop
# column. A few tens of KB each at this quality.
VARIANTS = (("s", 360), ("l", 800))
JPEG_QUALITY = 70
MIN_SIDE = 200  # smaller than this is an icon, not a photo


@dataclass
class StoredPhoto:
    stored_small: str
    stored_large: str
    width: int
    height: int
    size: int
    sha256: str


def _open(data: bytes) -> Image.Image:
    if not data:
        raise UploadError(_("Choose a photo to upload."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(_("This photo is larger than %(mb)s MB.", mb=5))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ("JPEG", "PNG", "WEBP", "GIF"):
                raise UploadError(
                    _("This file is not a photo. Choose a JPEG, PNG or WebP picture.")
                )
            probe.verify()
        img = Image.open(io.BytesIO(data))
        img.load()
        if is_truncated(img.format, data):
            raise OSError("truncated")
    except UploadError:
        raise
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise UploadError(
            _("This file is not a photo. Choose a JPEG, PNG or WebP picture.")
        ) from exc
    img = ImageOps.exif_transpose(img)  # keep it upright; the EXIF goes with re-encoding
    if min(img.size) < MIN_SIDE:
        raise UploadError(
            _(
                "This photo is too small: it must be at least %(px)s pixels on each side.",
                px=MIN_SIDE,
            )
        )
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        flat = Image.new("RGB", img.size, "white")
        flat.paste(img, mask=img.getchannel("A"))
        img = flat
    return img.convert("RGB")


def encode(img: Image.Image, width: int) -> bytes:
    if img.width > width:
        img = img.resize((width, round(img.height * width / img.width)), Image.LANCZOS)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def store(data: bytes) -> StoredPhoto:
    """Check, resize and write both variants; raise UploadError (translated)
    for anything that is not a usable photo. Nothing is written then."""
    img = _open(data)
    token = secrets.token_hex(16)
    bodies = {suffix: encode(img, width) for suffix, width in VARIANTS}
    folder = storage.folder("uploads")
    names = {}
    for suffix, body in bodies.items():
        names[suffix] = f"scheme-{token}-{suffix}.jpg"
        (folder / names[suffix]).write_bytes(body)
    with Image.open(io.BytesIO(bodies["l"])) as large:
        width, height = large.size
    return StoredPhoto(
        stored_small=names["s"],
        stored_large=names["l"],
        width=width,
        height=height,
        size=sum(len(b) for b in bodies.values()),
        sha256=hashlib.sha256(bodies["l"]).hexdigest(),
    )


def discard(stored: StoredPhoto) -> None:
    """Remove the files of a photo whose database row was not written."""
    for name in (stored.stored_small, stored.stored_large):
        storage.path_in("uploads", name).unlink(missing_ok=True)
