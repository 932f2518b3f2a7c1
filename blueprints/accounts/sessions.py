"""Server-side sessions. The signed cookie carries only a random token (and
Flask-Login's user id); the row it names decides whether the session is alive,
so signing out, idle expiry, a password change, a 2FA reset or an
administrator ends it for every copy of the cookie."""

import datetime as dt
import hashlib
import secrets
import time

from flask import current_app, g, request, session

from blueprints.accounts.models import User, UserSession
from core import clock

SESSION_KEY = "sid"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def touch_interval(idle_seconds: int) -> int:
    """How stale last-seen may get before a request writes it again: at most
    once a minute, and well inside the idle limit so an active user is never
    taken for an idle one."""
    return max(1, min(60, idle_seconds // 4))


def start(user: User) -> UserSession:
    """Record a new session for `user` and put its token in the cookie.
    Call after login_user, on a session just cleared."""
    token = secrets.token_urlsafe(32)
    row = UserSession.create(
        user=user,
        token_hash=_hash(token),
        user_agent=(request.user_agent.string or "")[:200],
        address=(request.remote_addr or "")[:45],
    )
    session[SESSION_KEY] = token
    session["seen"] = int(time.time())
    g.user_session = row
    return row


def user_for(user_id: str, token) -> User | None:
    """Flask-Login's loader: one indexed read of the session and its user."""
    uid, _, version = (user_id or "").partition(":")
    if not token or not isinstance(token, str) or not uid.isdigit():
        return None
    row = (
        UserSession.select(UserSession, User)
        .join(User)
        .where((UserSession.token_hash == _hash(token)) & UserSession.ended_at.is_null())
        .first()
    )
    if row is None:
        return None
    user = row.user
    if user.id != int(uid) or str(user.session_version) != version or not user.is_active:
        return None
    now = clock.now()
    idle = current_app.config["SESSION_IDLE_SECONDS"]
    touch = touch_interval(idle)
    # last_seen_at lags the last request by at most `touch` seconds.
    if now - row.last_seen_at > dt.timedelta(seconds=idle + touch):
        end_rows(UserSession.id == row.id, "idle")
        g.session_idle = True
        return None
    if now - row.last_seen_at > dt.timedelta(seconds=touch):
        UserSession.update(last_seen_at=now).where(UserSession.id == row.id).execute()
    g.user_session = row
    return user


def current_id():
    row = g.get("user_session")
    return row.id if row is not None else None


def end_rows(where, reason: str) -> int:
    return (
        UserSession.update(ended_at=clock.now(), end_reason=reason)
        .where(where & UserSession.ended_at.is_null())
        .execute()
    )


def end_current(reason: str) -> None:
    session_id = current_id()
    if session_id is not None:
        end_rows(UserSession.id == session_id, reason)


def end_all(user_id: int, reason: str) -> int:
    return end_rows(UserSession.user == user_id, reason)


def end_one(user_id: int, session_id: int, reason: str = "other") -> int:
    """End one session of `user_id` (never another user's)."""
    return end_rows((UserSession.user == user_id) & (UserSession.id == session_id), reason)


def active_for(user_id: int) -> list[UserSession]:
    """The user's live sessions, newest first; idle ones count as ended."""
    idle = current_app.config["SESSION_IDLE_SECONDS"]
    since = clock.now() - dt.timedelta(seconds=idle + touch_interval(idle))
    return list(
        UserSession.select()
        .where(
            (UserSession.user == user_id)
            & UserSession.ended_at.is_null()
            & (UserSession.last_seen_at >= since)
        )
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )


def sweep(keep_days: int) -> int:
    """Drop sessions ended (or gone idle) more than keep_days ago."""
    cutoff = clock.now() - dt.timedelta(days=keep_days)
    return (
        UserSession.delete()
        .where(
            (UserSession.ended_at < cutoff)
            | (UserSession.ended_at.is_null() & (UserSession.last_seen_at < cutoff))
        )
        .execute()
    )
