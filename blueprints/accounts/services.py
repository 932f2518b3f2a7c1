"""Sign-in, lockout, two-factor enrolment and user administration."""

from dataclasses import dataclass

from flask_babel import gettext as _

from blueprints.accounts import sessions, throttle
from blueprints.accounts.models import ROLE_BINDING, RecoveryCode, User
from blueprints.masters.models import Block, Csc, GramPanchayat, Office, Tehsil
from core import audit, clock
from core.auth import hash_recovery_code, new_recovery_codes, verify_totp
from core.db import db
from core.passwords import dummy_verify, hash_password, needs_rehash, verify_password


class UserError(ValueError):
    """A problem the user can fix; the message is already translated."""


@dataclass
class LoginResult:
    user: User | None = None
    error: str | None = None
    locked: bool = False


def is_locked(user: User) -> bool:
    """Locked for everyone (the account-wide brake)."""
    return bool(user.locked_until and user.locked_until > clock.now())


def check_password(username: str, password: str) -> LoginResult:
    user = User.get_or_none(User.username == (username or "").strip().lower())
    if user is None or not user.is_active:
        dummy_verify(password)
        return LoginResult(error=_("Wrong username or password."))
    attempt = throttle.begin(user)
    if attempt.refusal:
        return LoginResult(error=attempt.refusal, locked=True)
    if not verify_password(user.password_hash, password):
        locked = throttle.failed(attempt, "password")
        if locked:
            return LoginResult(error=locked, locked=True)
        return LoginResult(error=_("Wrong username or password."))
    throttle.succeeded(attempt)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        user.save(only=[User.password_hash])
    return LoginResult(user=user)


def _spend_totp_step(user: User, step: int) -> bool:
    """Only the first request to use a step wins: UPDATE ... WHERE last < step."""
    return bool(
        User.update(totp_last_step=step)
        .where((User.id == user.id) & (User.totp_last_step < step))
        .execute()
    )


def check_second_factor(user: User, code: str) -> str | None:
    """Accept a TOTP code or an unused recovery code; return an error or None."""
    attempt = throttle.begin(user)
    if attempt.refusal:
        return attempt.refusal
    step = verify_totp(user.totp_secret, code, user.totp_last_step)
    if step is not None and _spend_totp_step(user, step):
        user.totp_last_step = step
        throttle.succeeded(attempt)
        return None
    with db.atomic():
        # UPDATE ... WHERE used_at IS NULL: a code can be spent only once,
        # even by two requests racing each other.
        spent = (
            RecoveryCode.update(used_at=clock.now())
            .where(
                (RecoveryCode.user == user)
                & (RecoveryCode.code_hash == hash_recovery_code(code))
                & RecoveryCode.used_at.is_null()
            )
            .execute()
        )
    if spent:
        audit.record("2fa.recovery_code_used", "user", user.id, actor=user)
        throttle.succeeded(attempt)
        return None
    locked = throttle.failed(attempt, "second factor")
    if locked:
        return locked
    return _("That code is not right. Check the time on your phone and try again.")


def enrol_totp(user: User, secret: str, code: str) -> list[str]:
    """Confirm a new TOTP secret with a code from the app; return fresh
    recovery codes (shown once, stored hashed)."""
    step = verify_totp(secret, code, 0)
    if step is None:
        raise UserError(_("That code is not right. Scan the QR code again and enter a new code."))
    with db.atomic():
        user.totp_secret = secret
        user.totp_last_step = step
        user.save(only=[User.totp_secret, User.totp_last_step])
        audit.record("2fa.enrolled", "user", user.id, actor=user)
        return issue_recovery_codes(user)


def issue_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes; the new ones are shown once."""
    codes = new_recovery_codes()
    with db.atomic():
        RecoveryCode.delete().where(RecoveryCode.user == user).execute()
        RecoveryCode.insert_many(
            [{"user": user.id, "code_hash": hash_recovery_code(c)} for c in codes]
        ).execute()
        audit.record("2fa.recovery_codes_issued", "user", user.id, actor=user)
    return codes


def unused_recovery_codes(user: User) -> int:
    return (
        RecoveryCode.select()
        .where((RecoveryCode.user == user) & RecoveryCode.used_at.is_null())
        .count()
    )


def reset_second_factor(user: User, actor, reason: str) -> None:
    with db.atomic():
        user.totp_secret = None
        user.totp_last_step = 0
        user.session_version += 1
        user.save(only=[User.totp_secret, User.totp_last_step, User.session_version])
        RecoveryCode.delete().where(RecoveryCode.user == user).execute()
        sessions.end_all(user.id, "2fa")
        audit.record("2fa.reset", "user", user.id, actor=actor, reason=reason)


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise UserError(_("Your current password is not right."))
    if current == new:
        raise UserError(_("Choose a password different from the current one."))
    with db.atomic():
        user.password_hash = hash_password(new)
        user.session_version += 1
        user.save(only=[User.password_hash, User.session_version])
        sessions.end_all(user.id, "password")
        audit.record("password.changed", "user", user.id, actor=user)


def set_active(user: User, active: bool, actor, reason: str) -> None:
    with db.atomic():
        user.is_active_account = active
        user.session_version += 1
        user.save(only=[User.is_active_account, User.session_version])
        if not active:
            sessions.end_all(user.id, "deactivated")
        audit.record(
            "account.activated" if active else "account.deactivated",
            "user",
            user.id,
            actor=actor,
            reason=reason,
        )


def unlock(user: User, actor) -> None:
    with db.atomic():
        throttle.clear(user)
        audit.record("account.unlocked", "user", user.id, actor=actor)


def end_sessions(user: User, actor, reason: str) -> int:
    """The administrator signs a user out everywhere."""
    with db.atomic():
        ended = sessions.end_all(user.id, "admin")
        audit.record("account.sessions_ended", "user", user.id, actor=actor, reason=reason)
    return ended


_BINDING_MODELS = {
    "csc": Csc,
    "gram_panchayat": GramPanchayat,
    "office": Office,
    "block": Block,
    "tehsil": Tehsil,
}


def resolve_binding(role: str, code: str) -> dict:
    """Find the CSC, GP, office, block or tehsil a role is bound to, by code."""
    kinds = ROLE_BINDING[role]
    if not kinds:
        return {}
    code = (code or "").strip().upper()
    if not code:
        raise UserError(_("This role needs the code of the place it works for."))
    for kind in kinds:
        row = _BINDING_MODELS[kind].get_or_none(_BINDING_MODELS[kind].code == code)
        if row is not None:
            return {kind: row}
    raise UserError(_("No place with the code %(code)s fits this role.", code=code))


def create_user(actor, *, username, full_name, role, password, binding_code="", **extra) -> User:
    username = username.strip().lower()
    if User.select().where(User.username == username).exists():
        raise UserError(_("The username %(name)s is taken.", name=username))
    binding = resolve_binding(role, binding_code)
    with db.atomic():
        user = User.create(
            username=username,
            full_name=full_name.strip(),
            role=role,
            password_hash=hash_password(password),
            **binding,
            **{k: (v or "").strip() for k, v in extra.items()},
        )
        audit.record("account.created", "user", user.id, actor=actor, role=role)
    return user
