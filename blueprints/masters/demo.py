"""Load the demo district (demo_data.py) into an empty database.

    with app.app_context():
        if is_empty():
            seed_demo()

The bulk tables (GPs, villages, CSCs) go in with batched multi-row INSERTs and
their ids are read back once per table as a {code: id} map, so seeding takes a
couple of seconds on SQLite and PostgreSQL alike. The demo users come next,
from blueprints.accounts.demo (users sit above places)."""

from peewee import chunked

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


def ids_by_code(model) -> dict[str, int]:
    return dict(model.select(model.code, model.id).tuples())


def resolve(rows: list[dict], **maps: dict[str, int]) -> list[dict]:
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
        _insert(Office, resolve(ready, parent=office_ids, **ids))
        office_ids = ids_by_code(Office)
        pending = [r for r in pending if r["code"] not in office_ids]
    return len(rows)


def seed_demo(echo=print) -> dict:
    """Insert the whole demo district; return rows per table.

    Refuses a database that already has a district."""
    data = demo_data.build()
    counts: dict[str, int] = {}
    with db.atomic():
        if not is_empty():
            raise RuntimeError("the database already has a district; not seeding demo data")

        counts["district"] = _insert(District, [data.district])
        district_ids = ids_by_code(District)
        counts["tehsil"] = _insert(Tehsil, resolve(data.tehsils, district=district_ids))
        tehsil_ids = ids_by_code(Tehsil)
        counts["block"] = _insert(Block, resolve(data.blocks, tehsil=tehsil_ids))
        block_ids = ids_by_code(Block)
        echo(f"  {counts['tehsil']} tehsils, {counts['block']} blocks")

        counts["gram_panchayat"] = _insert(
            GramPanchayat, resolve(data.gram_panchayats, block=block_ids)
        )
        gp_ids = ids_by_code(GramPanchayat)
        counts["village"] = _insert(Village, resolve(data.villages, gram_panchayat=gp_ids))
        village_ids = ids_by_code(Village)
        echo(f"  {counts['gram_panchayat']} gram panchayats, {counts['village']} villages")

        counts["municipality"] = _insert(
            Municipality, resolve(data.municipalities, tehsil=tehsil_ids)
        )
        municipality_ids = ids_by_code(Municipality)
        counts["office"] = _insert_offices(
            data.offices,
            {"tehsil": tehsil_ids, "block": block_ids, "municipality": municipality_ids},
        )
        counts["csc"] = _insert(Csc, resolve(data.cscs, gram_panchayat=gp_ids, village=village_ids))
        echo(
            f"  {counts['municipality']} municipal bodies, {counts['office']} offices, "
            f"{counts['csc']} CSCs"
        )
    return counts
