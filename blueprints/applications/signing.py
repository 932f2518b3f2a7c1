"""The signature printed in the acknowledgement's QR code: an HMAC of the
application ID with the server's key, so the tracking page can tell a
genuine slip from a made-up one."""

import hashlib
import hmac

from flask import current_app

from core.ids import same_secret


def sign(app_id: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"ack:{app_id}".encode(), hashlib.sha256).hexdigest()
    return digest[:16]


def verify(app_id: str, signature: str) -> bool:
    return same_secret(sign(app_id), signature)
