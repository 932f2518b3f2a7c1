"""The demo district's users (masters/demo_data.py), bound to the places that
blueprints.masters.demo has just seeded, and the list `flask demo-logins`
prints. Hashing their passwords needs a Flask app context (for the Argon2
settings)."""

from blueprints.accounts.models import TOTP_REQUIRED, User
from blueprints.masters import demo_data
from blueprints.masters.demo import ids_by_code, resolve
from blueprints.masters.models import Block, Csc, District, GramPanchayat, Office, Tehsil
from core.db import db


def seed_demo(echo=print) -> dict:
    """Insert the demo users; return {"user": how many}. A demo user whose
    username is already taken (say an admin created by hand) is left alone."""
    from core.passwords import hash_password

    data = demo_data.build()
    counts: dict[str, int] = {}
    with db.atomic():
        taken = _usernames()
        users = resolve(
            [u for u in data.users if u["username"] not in taken],
            csc=ids_by_code(Csc),
            gram_panchayat=ids_by_code(GramPanchayat),
            office=ids_by_code(Office),
            block=ids_by_code(Block),
            tehsil=ids_by_code(Tehsil),
        )
        for row in users:
            row.pop("designation")
            row["password_hash"] = hash_password(demo_data.DEMO_PASSWORD)
            if row["role"] in TOTP_REQUIRED:
                row["totp_secret"] = demo_data.DEMO_TOTP_SECRET
            User.create(**row)
        counts["user"] = len(users)
        skipped = len(data.users) - len(users)
        note = f" ({skipped} already existed, left alone)" if skipped else ""
        echo(f"  {counts['user']} demo users{note}")
    return counts


def _usernames() -> set[str]:
    return {name for (name,) in User.select(User.username).tuples()}


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, note) for each user that signs in with the demo
    password: the district's demo users and those the areas' demos add (the
    panchayat samiti heads, a ZP department clerk...). Read from the database,
    so the list is what is really there; checking the password keeps a real
    district's users out of it."""
    from core.passwords import verify_password

    # Only the demo district has demo users; elsewhere checking every user's
    # password (Argon2, on purpose slow) would be minutes of work for nothing.
    if not District.select().where(District.code == demo_data.DISTRICT["code"]).exists():
        return []
    notes = {u["username"]: u["designation"] for u in demo_data.build().users}
    rows = []
    for user in User.select().where(User.is_active_account).order_by(User.id):
        if not verify_password(user.password_hash, demo_data.DEMO_PASSWORD):
            continue
        note = notes.get(user.username) or (
            user.office.name if user.office_id else str(user.role_label)
        )
        if user.role in TOTP_REQUIRED and user.totp_secret == demo_data.DEMO_TOTP_SECRET:
            note += f"; TOTP secret {demo_data.DEMO_TOTP_SECRET}"
        rows.append((user.username, user.role, note))
    return rows
