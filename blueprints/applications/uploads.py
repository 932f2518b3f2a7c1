"""Documents from the counter: checked by their content, not their name;
photos re-encoded small with their metadata (GPS, camera) dropped; PDFs kept
as sent after a structural check. Stored in core.storage's "uploads"
folder (instance/uploads/)."""

import hashlib
import io
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core import storage

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SIDE = 1600
JPEG_QUALITY = 72
# Decompression bombs: refuse images that would unpack beyond this.
Image.MAX_IMAGE_PIXELS = 40_000_000


class UploadError(ValueError):
    """A document that cannot be accepted; the message is translated."""


@dataclass
class StoredFile:
    stored_name: str
    mimetype: str
    size: int
    sha256: str


def is_truncated(fmt: str, data: bytes) -> bool:
    """A cut-off upload. Pillow would say so itself, but WeasyPrint (core/pdf)
    switches on ImageFile.LOAD_TRUNCATED_IMAGES for the whole process, so
    look for the format's end marker instead."""
    tail = data[-64:]
    if fmt == "JPEG":
        return b"\xff\xd9" not in tail
    if fmt == "PNG":
        return b"IEND" not in tail
    return False


def _reencode_image(data: bytes) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format
            probe.verify()
        if is_truncated(fmt, data):
            raise OSError("truncated")
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img)  # keep the photo upright, then drop EXIF
            img = img.convert("RGB")
            img.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise UploadError(_("This file is not a readable photo or PDF.")) from exc


def _check_pdf(data: bytes) -> bytes:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise UploadError(_("This file is not a readable photo or PDF."))
    return data


def accept(data: bytes) -> StoredFile:
    """Check, convert and store one upload; raise UploadError with a message
    for the operator otherwise."""
    if not data:
        raise UploadError(_("Choose a file to upload."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(
            _("This file is larger than %(mb)s MB. Scan at a lower resolution.", mb=5)
        )
    if data.startswith(b"%PDF-"):
        body, mimetype, ext = _check_pdf(data), "application/pdf", "pdf"
    else:
        body, mimetype, ext = _reencode_image(data), "image/jpeg", "jpg"
    name = f"{secrets.token_hex(16)}.{ext}"
    storage.path_in("uploads", name).write_bytes(body)
    return StoredFile(name, mimetype, len(body), hashlib.sha256(body).hexdigest())
