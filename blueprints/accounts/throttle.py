"""Wrong passwords and codes, counted per account AND client address (an
attacker at one address slows down that address, not the officer at the
collectorate), with a slower account-wide brake for guessing spread over
many addresses.

An attempt is counted BEFORE its password is checked, in one atomic
statement, so N requests racing each other check at most the limit and only
the one that reaches it writes the lock and its history line."""

import datetime as dt
import ipaddress
import time
from dataclasses import dataclass

from flask import current_app, request
from flask_babel import force_locale
from flask_babel import gettext as _
from peewee import Case

from blueprints.accounts.models import LoginThrottle, User
from core import audit, clock, notify
from core.db import write_transaction
from core.notify import Notification


def client_address() -> str:
    """The address that is throttled: an IPv6 client owns a whole /64."""
    raw = request.remote_addr or ""
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:45]
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


@dataclass
class Attempt:
    user: User
    address: str
    here: int  # this attempt's number from this address
    anywhere: int  # ... from any address
    refusal: str | None = None


def _counted(model, counter, now):
    """SET clauses: one more attempt, starting again from 1 once a lock ran out."""
    expired = model.locked_until.is_null(False) & (model.locked_until <= now)
    return {
        counter: Case(None, [(expired, 1)], counter + 1),
        model.locked_until: Case(None, [(expired, None)], model.locked_until),
    }


def _lock_minutes():
    return dt.timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])


def begin(user: User) -> Attempt:
    """Count an attempt; `refusal` is set when it must not be checked."""
    now = clock.now()
    address = client_address()
    with write_transaction():
        LoginThrottle.insert(user=user.id, address=address, failures=1).on_conflict(
            conflict_target=[LoginThrottle.user, LoginThrottle.address],
            update=_counted(LoginThrottle, LoginThrottle.failures, now),
        ).execute()
        User.update(_counted(User, User.failed_logins, now)).where(User.id == user.id).execute()
        here = LoginThrottle.get(
            (LoginThrottle.user == user.id) & (LoginThrottle.address == address)
        )
        account = User.select(User.failed_logins, User.locked_until).where(User.id == user.id).get()
    attempt = Attempt(user, address, here.failures, account.failed_logins)
    cfg = current_app.config
    if account.locked_until and account.locked_until > now:
        attempt.refusal = account_lock_message(account.locked_until)
    elif attempt.anywhere > cfg["LOGIN_ACCOUNT_MAX_FAILURES"]:
        attempt.refusal = account_lock_message(now + _lock_minutes())
    elif here.locked_until and here.locked_until > now:
        attempt.refusal = address_lock_message(here.locked_until)
    elif attempt.here > cfg["LOGIN_MAX_FAILURES"]:
        # Others from here are being checked right now; one of them locks.
        attempt.refusal = address_lock_message(now + _lock_minutes())
    return attempt


def failed(attempt: Attempt, what: str) -> str | None:
    """After a wrong password or code: the lock message when this attempt
    was the last one allowed, else None."""
    cfg = current_app.config
    until = clock.now() + _lock_minutes()
    message = None
    if attempt.anywhere == cfg["LOGIN_ACCOUNT_MAX_FAILURES"]:
        User.update(locked_until=until).where(User.id == attempt.user.id).execute()
        audit.record("account.locked", "user", attempt.user.id, actor=attempt.user, after=what)
        message = account_lock_message(until)
    if attempt.here == cfg["LOGIN_MAX_FAILURES"]:
        LoginThrottle.update(locked_until=until).where(
            (LoginThrottle.user == attempt.user.id) & (LoginThrottle.address == attempt.address)
        ).execute()
        audit.record(
            "account.locked",
            "user",
            attempt.user.id,
            actor=attempt.user,
            after=what,
            address=attempt.address,
        )
        message = message or address_lock_message(until)
    if message:
        warn_owner(attempt.user)
    return message


def succeeded(attempt: Attempt) -> None:
    with write_transaction():
        LoginThrottle.delete().where(
            (LoginThrottle.user == attempt.user.id) & (LoginThrottle.address == attempt.address)
        ).execute()
        User.update(failed_logins=0).where(User.id == attempt.user.id).execute()


def clear(user: User) -> None:
    """The administrator's unlock: every address and the account."""
    LoginThrottle.delete().where(LoginThrottle.user == user.id).execute()
    User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()


def locked_now():
    """A WHERE on User: locked for everyone, or from at least one address."""
    now = clock.now()
    from_somewhere = LoginThrottle.select(LoginThrottle.user).where(
        LoginThrottle.locked_until > now
    )
    return (User.locked_until.is_null(False) & (User.locked_until > now)) | User.id.in_(
        from_somewhere
    )


def is_locked_anywhere(user: User) -> bool:
    now = clock.now()
    if user.locked_until and user.locked_until > now:
        return True
    return (
        LoginThrottle.select()
        .where((LoginThrottle.user == user.id) & (LoginThrottle.locked_until > now))
        .exists()
    )


def account_lock_message(until) -> str:
    from core.i18n import ist_datetime

    return _(
        "This account is locked after repeated wrong attempts. "
        "Try again after %(time)s, or ask the administrator to unlock it.",
        time=ist_datetime(until),
    )


def address_lock_message(until) -> str:
    from core.i18n import ist_datetime

    return _(
        "Signing in from this computer is locked after repeated wrong attempts. "
        "Try again after %(time)s, or ask the administrator to unlock it.",
        time=ist_datetime(until),
    )


def warn_owner(user: User) -> None:
    """Tell the real user, by SMS and e-mail, once per lock period."""
    from core.i18n import message_locale

    period = max(60, current_app.config["LOGIN_LOCK_MINUTES"] * 60)
    prefix = f"login-guess:{user.id}:"
    recent = Notification.select().where(
        Notification.dedupe_key.startswith(prefix)
        & (Notification.created_at > clock.now() - dt.timedelta(seconds=period))
    )
    if recent.exists():
        return
    # Two locks racing each other still share one key per period.
    key = f"{prefix}{int(time.time() // period)}"
    with force_locale(message_locale()):
        sms = _(
            "Zila: repeated wrong passwords for your account %(username)s were stopped. "
            "Not you? Tell the administrator.",
            username=user.username,
        )
        subject = _("Wrong sign-in attempts on your Zila account")
        body = _(
            "Someone entered wrong passwords or codes for your account %(username)s "
            "several times and was stopped for a while. If it was not you, tell the "
            "district administrator.",
            username=user.username,
        )
    notify.queue("sms", user.mobile, sms, dedupe_key=f"{key}:s")
    notify.queue("email", user.email, body, subject=subject, dedupe_key=f"{key}:e")


def sweep() -> int:
    """Drop counts whose lock ran out a day ago, and counts that never
    reached a lock: an address's few wrong tries are forgotten overnight."""
    cutoff = clock.now() - dt.timedelta(days=1)
    return (
        LoginThrottle.delete()
        .where(LoginThrottle.locked_until.is_null() | (LoginThrottle.locked_until < cutoff))
        .execute()
    )
