"""The pendency dashboard at district scale: 1,000,000 applications.

    .venv/bin/python -m bench.pendency

Seeds the demo district and its 13 services into a throwaway SQLite file
(and a throwaway PostgreSQL database when one is reachable), bulk-inserts a
million applications over three years (executemany on SQLite, COPY on
PostgreSQL), then times pages through the Flask test client: the median of
20 runs each, after one warm-up. Not a test: timings on a shared machine
are noisy, so nothing is asserted; the budget (dashboard < 100 ms) is shown.

Environment: BENCH_APPLICATIONS (default 1000000), BENCH_RUNS (20),
BENCH_PG (an admin URL, default postgresql://postgres@127.0.0.1:5432/postgres;
"off" to skip PostgreSQL)."""

import datetime as dt
import io
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from html import unescape

N = int(os.environ.get("BENCH_APPLICATIONS", 1_000_000))
RUNS = int(os.environ.get("BENCH_RUNS", 20))
PG_ADMIN = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
BUDGET_MS = 100
YEARS = 3
BATCH = 20_000


# --- seeding -----------------------------------------------------------------


def _masters():
    """What a row needs from the demo district, read once."""
    from blueprints.accounts.models import User
    from blueprints.catalogue.models import Service
    from blueprints.masters.models import Block, Csc, GramPanchayat, Office

    blocks = dict(Block.select(Block.id, Block.tehsil).tuples())
    tehsil_office = {
        o.tehsil_id: o.id for o in Office.select().where(Office.kind == "tehsil_office")
    }
    block_office = {o.block_id: o.id for o in Office.select().where(Office.kind == "block_office")}
    gp_block = dict(GramPanchayat.select(GramPanchayat.id, GramPanchayat.block).tuples())
    cscs = list(Csc.select(Csc.id, Csc.gram_panchayat).tuples())
    services = list(Service.select())
    offices = {}
    for service in services:
        for gp, block in gp_block.items():
            if service.disposing_level == "block":
                office = block_office.get(block)
            elif service.disposing_level == "tehsil":
                office = tehsil_office.get(blocks[block])
            else:
                office = None
            offices[service.id, gp] = office or service.department_id
    operator = User.select(User.id).where(User.role == "csc_operator").scalar()
    return services, cscs, offices, operator


# Of the applications of a given age, the share still open: most of the
# last few days, a fifth of the last month, and a stale 2 % of older ones.
def _open_share(age_days: float) -> float:
    if age_days < 4:
        return 0.9
    if age_days < 8:
        return 0.55
    if age_days < 31:
        return 0.2
    return 0.02


OPEN_MIX = (("submitted", 40), ("scrutiny", 35), ("awaiting_documents", 10), ("approved", 15))
CLOSED_MIX = (("delivered", 85), ("rejected", 15))


def generate(count: int, now: dt.datetime):
    """(column names, row tuples), oldest first, deterministic."""
    from core import clock

    services, cscs, offices, operator = _masters()
    rng = random.Random(2026)
    span = YEARS * 365 * 86400
    columns = [
        "app_id",
        "service_id",
        "csc_id",
        "operator_id",
        "office_id",
        "gram_panchayat_id",
        "status",
        "step",
        "applicant_name_local",
        "applicant_name_en",
        "relation_name",
        "gender",
        "mobile",
        "email",
        "address",
        "aadhaar_masked",
        "language",
        "extra_json",
        "govt_fee",
        "user_charge",
        "fee_collected",
        "submit_token",
        "created_at",
        "updated_at",
        "submitted_at",
        "due_date",
        "paused_since",
        "paused_days",
        "decided_at",
        "certificate_no",
    ]
    open_statuses = [s for s, _ in OPEN_MIX]
    open_weights = [w for _, w in OPEN_MIX]
    closed_statuses = [s for s, _ in CLOSED_MIX]
    closed_weights = [w for _, w in CLOSED_MIX]

    def rows():
        for i in range(count):
            seconds = span * (count - i) / count
            submitted = now - dt.timedelta(seconds=seconds)
            age = seconds / 86400
            service = services[i % len(services)]
            csc, gp = cscs[rng.randrange(len(cscs))]
            is_open = rng.random() < _open_share(age)
            if is_open:
                status = rng.choices(open_statuses, open_weights)[0]
            else:
                status = rng.choices(closed_statuses, closed_weights)[0]
            due = clock.ist_date(submitted) + dt.timedelta(days=service.sla_days)
            decided = None
            if status in ("approved", "delivered", "rejected"):
                # Four in five within the service level.
                took = rng.uniform(0.5, service.sla_days + (8 if rng.random() < 0.2 else 0))
                decided = min(submitted + dt.timedelta(days=took), now)
            paused = None
            if status == "awaiting_documents":
                paused = min(submitted + dt.timedelta(days=2), now)
            yield (
                f"AUR{submitted.year % 100:02d}-{i + 1:07d}-B",
                service.id,
                csc,
                operator,
                offices[service.id, gp],
                gp,
                status,
                "review",
                "सुनीता पाटील",
                "Sunita Patil",
                "Ramesh Patil",
                "f",
                "9876543210",
                "",
                "Ward 2",
                "",
                "mr",
                "{}",
                2000,
                3350,
                True,
                f"bench-{i}",
                submitted,
                decided or submitted,
                submitted,
                due,
                paused,
                0,
                decided,
                "",
            )

    return columns, rows()


def _sqlite_value(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime | dt.date):
        return str(value)
    return value


def insert_sqlite(columns, rows) -> None:
    from core.db import db

    sql = f"INSERT INTO application ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    connection = db.connection()
    connection.execute("PRAGMA synchronous = OFF")
    batch = []
    with db.atomic():
        for row in rows:
            batch.append(tuple(_sqlite_value(v) for v in row))
            if len(batch) == BATCH:
                connection.executemany(sql, batch)
                batch = []
        if batch:
            connection.executemany(sql, batch)
    connection.execute("PRAGMA synchronous = NORMAL")
    db.execute_sql("ANALYZE")


def _copy_value(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def insert_postgres(columns, rows) -> None:
    from core.db import db

    cursor = db.connection().cursor()
    sql = f"COPY application ({', '.join(columns)}) FROM STDIN"
    buffer = io.StringIO()
    for written, row in enumerate(rows, start=1):
        buffer.write("\t".join(_copy_value(v) for v in row) + "\n")
        if written % 100_000 == 0:
            buffer.seek(0)
            cursor.copy_expert(sql, buffer)
            buffer = io.StringIO()
    buffer.seek(0)
    cursor.copy_expert(sql, buffer)
    db.connection().commit()
    # As autovacuum would after a day of filings: statistics and the
    # visibility map that index-only scans rely on.
    connection = db.connection()
    connection.autocommit = True
    connection.cursor().execute("VACUUM ANALYZE")
    connection.autocommit = False


# --- timing ------------------------------------------------------------------


def sign_in(client, username):
    import pyotp

    from blueprints.accounts.models import User
    from blueprints.masters.demo_data import DEMO_PASSWORD
    from core.db import db

    def token(url):
        page = client.get(url).get_data(as_text=True)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    response = client.post(
        "/login",
        data={"csrf_token": token("/login"), "username": username, "password": DEMO_PASSWORD},
    )
    if response.location and response.location.endswith("/login/code"):
        with db.connection_context():
            secret = User.get(User.username == username).totp_secret
        code = pyotp.TOTP(secret).at(time.time() + 30)
        client.post("/login/code", data={"csrf_token": token("/login/code"), "code": code})
    assert client.get("/pendency/").status_code == 200, f"{username} could not sign in"


def timed(client, url, runs) -> tuple[float, int, int]:
    """Median ms of `runs` GETs after a warm-up, status and body bytes."""
    response = client.get(url)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        response.get_data()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), response.status_code, len(response.get_data())


DOWNLOAD_RE = re.compile(r'href="(/report-jobs/[^"/]+\.pdf)"')


def timed_report(client, url, runs) -> tuple[float, int, int]:
    """A report PDF made in huey (core.report_jobs), timed from the click to
    the file: huey runs the job at once here, as an idle consumer would."""
    from core.queue import huey

    immediate, huey.immediate = huey.immediate, True
    try:
        times = []
        for _ in range(runs + 1):  # the first is the warm-up
            started = time.perf_counter()
            status = client.get(client.get(url).location).get_data(as_text=True)
            response = client.get(DOWNLOAD_RE.search(status).group(1))
            response.get_data()
            times.append((time.perf_counter() - started) * 1000)
    finally:
        huey.immediate = immediate
    return statistics.median(times[1:]), response.status_code, len(response.get_data())


def worst_breach_link(html: str) -> str:
    """The breach count of the first row of the service x office table,
    which is sorted by it: the click a district manager makes."""
    table = html.split('id="by-service"', 1)[1]
    match = re.search(r'href="(/pendency/applications\?[^"]*bucket=over7[^"]*)"', table)
    return unescape(match.group(1))


def bench(app, label: str) -> list[tuple]:
    results = []
    manager = app.test_client()
    sign_in(manager, "collector")
    dashboard = manager.get("/pendency/").get_data(as_text=True)
    breach = worst_breach_link(dashboard)
    pages = [
        ("dashboard (district manager)", manager, "/pendency/", RUNS),
        ("dashboard, sorted by pending, page 2", manager, "/pendency/?sort=pending&page=2", RUNS),
        ("drill-down: one breach cell", manager, breach, RUNS),
        ("drill-down: district over 7 days", manager, "/pendency/applications?bucket=over7", RUNS),
        ("drill-down: disposed late, 30 days", manager, "/pendency/applications?show=late", RUNS),
        ("dashboard CSV export", manager, "/pendency/?format=csv", RUNS),
        ("dashboard XLSX export", manager, "/pendency/?format=xlsx", max(3, RUNS // 4)),
        ("list CSV export (one breach cell)", manager, breach + "&format=csv", max(3, RUNS // 4)),
        ("summary PDF", manager, "/pendency/summary.pdf", 3),
    ]
    officer = app.test_client()
    sign_in(officer, "bdo.paithan")
    pages.append(("dashboard (block officer)", officer, "/pendency/", RUNS))
    head = app.test_client()
    sign_in(head, "tahsildar.paithan")
    pages.append(("dashboard (office head)", head, "/pendency/", RUNS))
    for name, client, url, runs in pages:
        ms, status, size = (timed_report if url.endswith(".pdf") else timed)(client, url, runs)
        results.append((label, name, url, ms, status, size, runs))
        print(f"  {name:<38} {ms:>8.1f} ms  ({status}, {size:,} B, {runs} runs)", flush=True)
    return results


def _count_open(db) -> int:
    from blueprints.applications.models import Application
    from blueprints.applications.statuses import OPEN_STATUSES

    return Application.select().where(Application.status.in_(OPEN_STATUSES)).count(db)


def run(database_url: str, label: str, insert) -> list[tuple]:
    from app import create_app
    from blueprints.accounts.demo import seed_demo as seed_users
    from blueprints.catalogue.demo import seed_demo as seed_services
    from blueprints.masters.demo import seed_demo
    from core import clock
    from core.db import db
    from core.migrate import migrate

    app = create_app(
        {
            "DATABASE_URL": database_url,
            "SESSION_COOKIE_SECURE": False,
            "LOGIN_RATE_LIMIT": "1000 per minute",
            "DEFAULT_LOCALE": "en",
        }
    )
    with app.app_context(), db.connection_context():
        migrate()
        seed_demo(echo=lambda *_: None)
        seed_users(echo=lambda *_: None)
        seed_services(echo=lambda *_: None)
        started = time.perf_counter()
        columns, rows = generate(N, clock.now())
        insert(columns, rows)
        print(
            f"{label}: seeded {N:,} applications ({_count_open(db):,} open) "
            f"in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    results = bench(app, label)
    if not db.is_closed():
        db.close()
    return results


def _postgres_database():
    """A throwaway database on the server of BENCH_PG, or None."""
    if PG_ADMIN == "off":
        return None
    try:
        import psycopg2

        admin = psycopg2.connect(PG_ADMIN, connect_timeout=3)
    except Exception as err:  # noqa: BLE001 (any failure means: skip PostgreSQL)
        print(f"PostgreSQL skipped: {err}".strip())
        return None
    admin.autocommit = True
    name = f"zila_bench_{os.getpid()}"
    admin.cursor().execute(f"CREATE DATABASE {name}")
    base = PG_ADMIN.rsplit("/", 1)[0]
    return admin, name, f"{base}/{name}"


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="zila-bench-pendency-")
    os.environ["ZILA_INSTANCE"] = tmp
    results = []
    try:
        results += run(f"sqlite:///{tmp}/bench.db", "SQLite", insert_sqlite)
        pg = _postgres_database()
        if pg is not None:
            admin, name, url = pg
            try:
                results += run(url, "PostgreSQL", insert_postgres)
            finally:
                from core.db import db

                if not db.is_closed():
                    db.close()
                db.obj.close_all()
                admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                admin.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{N:,} applications; median of {RUNS} runs unless noted (ms)")
    print(f"{'database':<11} {'page':<38} {'ms':>8}  budget")
    over = False
    for label, name, _url, ms, status, _size, _runs in results:
        mark = ""
        if name.startswith("dashboard (district"):
            mark = "ok" if ms < BUDGET_MS else f"OVER {BUDGET_MS} ms"
            over |= ms >= BUDGET_MS
        if status != 200:
            mark = f"HTTP {status}"
        print(f"{label:<11} {name:<38} {ms:>8.1f}  {mark}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
