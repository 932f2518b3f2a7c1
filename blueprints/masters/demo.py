"""Load the demo district (demo_data.py) into an empty database.

    with app.app_context():
        if is_empty():
            seed_demo()

The bulk tables (GPs, villages, CSCs) go in with batched multi-row INSERTs and
their ids are read back once per table as a {code: id} map, so seeding takes a
couple of seconds on SQLite and PostgreSQL alike. Hashing the users' passwords
needs a Flask app context (for the Argon2 settings)."""

from peewee import chunked

from blueprints.accounts.models import TOTP_REQUIRED, User
from blueprints.masters import demo_data
from blueprints.masters.models import (
    Block,
    Csc,
    District,
    GramPanchayat,
    Municipality,
    Office,
    Tehsil,
    Village,
)
from core.db import db

BATCH = 500


def is_empty() -> bool:
    """True when there is no district yet, i.e. the masters were never loaded."""
    return not District.select().exists()


def _ids(model) -> dict[str, int]:
    return dict(model.select(model.code, model.id).tuples())


def _resolve(rows: list[dict], **maps: dict[str, int]) -> list[dict]:
    """Copies of rows with each foreign-key code replaced by the row's id."""
    out = []
    for row in rows:
        row = dict(row)
        for field, ids in maps.items():
            if row.get(field) is not None:
                row[field] = ids[row[field]]
        out.append(row)
    return out


def _insert(model, rows: list[dict]) -> int:
    for batch in chunked(rows, BATCH):
        model.insert_many(batch).execute()
    return len(rows)


def _insert_offices(rows: list[dict], ids: dict[str, dict[str, int]]) -> int:
    """Offices refer to their parent office: insert them a generation at a time."""
    office_ids: dict[str, int] = {}
    pending = list(rows)
    while pending:
        ready = [r for r in pending if r["parent"] is None or r["parent"] in office_ids]
        if not ready:
            raise ValueError("office parents form a cycle or name a missing office")
        _insert(Office, _resolve(ready, parent=office_ids, **ids))
        office_ids = _ids(Office)
        pending = [r for r in pending if r["code"] not in office_ids]
    return len(rows)


def seed_demo(echo=print) -> dict:
    """Insert the whole demo district and its users; return rows per table.

    Refuses a database that already has a district. A demo user whose username
    is already taken (say an admin created by hand) is left alone."""
    from core.passwords import hash_password

    data = demo_data.build()
    counts: dict[str, int] = {}
    with db.atomic():
        if not is_empty():
            raise RuntimeError("the database already has a district; not seeding demo data")

        counts["district"] = _insert(District, [data.district])
        district_ids = _ids(District)
        counts["tehsil"] = _insert(Tehsil, _resolve(data.tehsils, district=district_ids))
        tehsil_ids = _ids(Tehsil)
        counts["block"] = _insert(Block, _resolve(data.blocks, tehsil=tehsil_ids))
        block_ids = _ids(Block)
        echo(f"  {counts['tehsil']} tehsils, {counts['block']} blocks")

        counts["gram_panchayat"] = _insert(
            GramPanchayat, _resolve(data.gram_panchayats, block=block_ids)
        )
        gp_ids = _ids(GramPanchayat)
        counts["village"] = _insert(Village, _resolve(data.villages, gram_panchayat=gp_ids))
        village_ids = _ids(Village)
        echo(f"  {counts['gram_panchayat']} gram panchayats, {counts['village']} villages")

        counts["municipality"] = _insert(
            Municipality, _resolve(data.municipalities, tehsil=tehsil_ids)
        )
        municipality_ids = _ids(Municipality)
        counts["office"] = _insert_offices(
            data.offices,
            {"tehsil": tehsil_ids, "block": block_ids, "municipality": municipality_ids},
        )
        office_ids = _ids(Office)
        counts["csc"] = _insert(
            Csc, _resolve(data.cscs, gram_panchayat=gp_ids, village=village_ids)
        )
        csc_ids = _ids(Csc)
        echo(
            f"  {counts['municipality']} municipal bodies, {counts['office']} offices, "
            f"{counts['csc']} CSCs"
        )

        taken = _usernames()
        users = _resolve(
            [u for u in data.users if u["username"] not in taken],
            csc=csc_ids,
            gram_panchayat=gp_ids,
            office=office_ids,
            block=block_ids,
            tehsil=tehsil_ids,
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
