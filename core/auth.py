"""Sign-in plumbing: Flask-Login, TOTP (pyotp) and recovery codes."""

import hashlib
import secrets
import time
import unicodedata

import pyotp
import segno
from flask import session
from flask_login import LoginManager

from core.ids import same_secret

login_manager = LoginManager()
login_manager.session_protection = "basic"
login_manager.login_view = "accounts.login"

TOTP_ISSUER = "Zila"
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # nothing to misread


@login_manager.user_loader
def load_user(user_id: str):
    from blueprints.accounts import sessions

    return sessions.user_for(user_id, session.get(sessions.SESSION_KEY))


def init_app(app):
    login_manager.init_app(app)


# --- TOTP ------------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=TOTP_ISSUER)


def qr_svg(data: str) -> str:
    """An inline SVG: no image file, no extra request, crisp when printed."""
    return segno.make(data, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def verify_totp(secret: str, code: str, last_step: int, now: float | None = None):
    """Return the accepted time step, or None. Accepts one step of clock drift
    either way and refuses a step already used (no replay)."""
    # Any script's digits (a Devanagari keyboard types ०-९) read as 0-9.
    code = "".join(str(unicodedata.digit(ch)) for ch in (code or "") if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if now is None else now
    step_now = int(now // totp.interval)
    for step in (step_now, step_now - 1, step_now + 1):
        if step <= last_step:
            continue
        if same_secret(totp.at(step * totp.interval), code):
            return step
    return None


# --- recovery codes ----------------------------------------------------------


def new_recovery_codes() -> list[str]:
    def one():
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        return f"{raw[:5]}-{raw[5:]}"

    return [one() for _ in range(RECOVERY_CODE_COUNT)]


def normalise_recovery_code(code: str) -> str:
    raw = "".join(ch for ch in (code or "").lower() if ch.isalnum())
    return f"{raw[:5]}-{raw[5:]}" if len(raw) == 10 else ""


def hash_recovery_code(code: str) -> str:
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()
