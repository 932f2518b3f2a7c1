"""Filing at the counter, two ways. Not a test: timings on a shared machine
are noisy, so this prints medians and percentiles, not verdicts on speed.

    make bench        (python -m bench.filing)

1. One operator, in process (Flask test client, SQLite): the time to file
   one application through every form, and to render its acknowledgement
   as A4 and roll PDF and as HTML. BENCH_N runs (15).
2. Concurrent operators over HTTP: BENCH_OPERATORS (8) CSC operator
   accounts made for the bench, each at its own CSC and connecting from its
   own loopback address, file applications through the real forms (CSRF,
   photo uploads, redirects followed as a browser does) against gunicorn
   with 2 workers for BENCH_FILING_SECONDS (60), on SQLite and on
   PostgreSQL+Redis. Afterwards every acknowledged ID must be in the
   database exactly once, and nothing else filed: the run fails otherwise.
   Prints applications per minute and p50/p99 per submission.

BENCH_FILING_BACKENDS="sqlite postgres" picks the backends of part 2;
BENCH_FILING=concurrent skips part 1 (and =single skips part 2)."""

import io
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time

from bench.server import Answer, Backend, Client, Forms, served

N = int(os.environ.get("BENCH_N", 15))
OPERATORS = int(os.environ.get("BENCH_OPERATORS", 8))
SECONDS = float(os.environ.get("BENCH_FILING_SECONDS", 60))
BACKENDS = os.environ.get("BENCH_FILING_BACKENDS", "sqlite postgres").split()
PARTS = os.environ.get("BENCH_FILING", "single concurrent").split()
SERVICE_CODE = "INC-CERT"
ACKNOWLEDGED = re.compile(r"Application (\S+) submitted\.")


def photo_jpeg() -> bytes:
    """A phone photo of a document: 2000x1500, re-encoded by the server."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2000, 1500), (90, 140, 200)).save(out, "JPEG")
    return out.getvalue()


class Filing:
    """One application through every form, as a browser posts them: each
    POST, then the page its redirect leads to. `requests` counts both."""

    def __init__(self, client: Forms, service_id: int, photo: bytes):
        self.client = client
        self.service_id = service_id
        self.photo = photo
        self.requests = 0

    def get(self, path: str) -> Answer:
        self.requests += 1
        answer = self.client.get(path)
        assert answer.status == 200, (path, answer.status, answer.text[:300])
        return answer

    def post(self, path: str, data: dict, files=None) -> Answer:
        self.requests += 1
        answer = self.client.post(path, {"csrf_token": self.csrf, **data}, files)
        assert answer.status == 303, (path, answer.status, answer.text[:300])
        return self.get(answer.location)

    def run(self) -> tuple[int, str, float]:
        """(pk, the acknowledged ID, seconds from Submit to the page saying so)."""
        pk, token = self.draft()
        started = time.perf_counter()
        page = self.submit(pk, token)
        took = time.perf_counter() - started
        acknowledged = ACKNOWLEDGED.search(page.text)
        assert acknowledged, f"application {pk}: no acknowledgement on {page.text[:300]}"
        return pk, acknowledged.group(1), took

    def draft(self) -> tuple[int, str]:
        """A new draft through every form up to Submit: (pk, its submit token)."""
        self.requests = 0
        page = self.get("/applications/new")
        self.csrf = Client.CSRF.search(page.text).group(1)
        page = self.post("/applications/new", {"service": str(self.service_id), "language": "mr"})
        pk = int(re.search(r'action="/applications/(\d+)/applicant"', page.text).group(1))
        village = re.search(
            r'<select[^>]*id="village".*?<option[^>]*value="(\d+)"', page.text, re.S
        ).group(1)
        self.post(
            f"/applications/{pk}/applicant",
            {
                "applicant_name_local": "सुनीता पाटील",
                "applicant_name_en": "Sunita Patil",
                "relation_name": "Ramesh Patil",
                "gender": "f",
                "date_of_birth": "1985-04-12",
                "mobile": "9876543210",
                "email": "",
                "village": village,
                "address": "Ward 2",
                "aadhaar": "",
            },
        )
        page = self.post(
            f"/applications/{pk}/details",
            {"annual_income": "85000", "income_source": "farming", "purpose": "Scholarship"},
        )
        for key in re.findall(r'name="doc_key" value="([^"]+)"', page.text):
            self.post(
                f"/applications/{pk}/documents",
                {"doc_key": key},
                {"file": ("p.jpg", self.photo, "image/jpeg")},
            )
        self.get(f"/applications/{pk}/fees")
        page = self.post(f"/applications/{pk}/fees", {"fee_collected": "y"})
        token = re.search(r'name="token" type="hidden" value="([0-9a-f]+)"', page.text).group(1)
        return pk, token

    def submit(self, pk: int, token: str) -> Answer:
        """Submit, and the page its redirect leads to."""
        return self.post(f"/applications/{pk}/submit", {"token": token})


def percentile(values, p: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


# --- 1. one operator, in process ---------------------------------------------


def single() -> int:
    tmp = tempfile.mkdtemp(prefix="zila-bench-")
    try:
        return _single(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _single(tmp: str) -> int:
    os.environ["ZILA_INSTANCE"] = tmp
    from app import create_app
    from bench.server import InProcess
    from core.db import db
    from core.migrate import migrate

    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
            "SESSION_COOKIE_SECURE": False,
            "LOGIN_RATE_LIMIT": "1000 per minute",
            "UPLOAD_DIR": f"{tmp}/uploads",
            "DEFAULT_LOCALE": "en",
        }
    )
    with app.app_context(), db.connection_context():
        from blueprints.accounts.demo import seed_demo as seed_users
        from blueprints.catalogue.demo import seed_demo as seed_services
        from blueprints.catalogue.models import Service
        from blueprints.masters.demo import seed_demo

        migrate()
        seed_demo(echo=lambda *_: None)
        seed_users(echo=lambda *_: None)
        seed_services(echo=lambda *_: None)
        service = Service.get(Service.code == SERVICE_CODE)
    client = InProcess(app.test_client())
    client.sign_in("vle.bidkin")
    filing = Filing(client, service.id, photo_jpeg())
    filing.run()  # warm up: templates compiled, fonts loaded
    whole, pdf_a4, pdf_roll, html = [], [], [], []
    for _ in range(N):
        started = time.perf_counter()
        pk, _app_id, _submit = filing.run()
        whole.append(time.perf_counter() - started)
        for size, bucket in (("a4", pdf_a4), ("roll", pdf_roll)):
            started = time.perf_counter()
            answer = client.get(f"/applications/{pk}/acknowledgement.pdf?size={size}")
            bucket.append(time.perf_counter() - started)
            assert answer.body.startswith(b"%PDF")
        started = time.perf_counter()
        client.get(f"/applications/{pk}/acknowledgement")
        html.append(time.perf_counter() - started)

    def line(values):
        return f"median {ms(statistics.median(values)):>7}   max {ms(max(values)):>7}"

    docs = len(service.documents)
    print(f"One operator, in process: {N} runs, SQLite, {docs} photo uploads (2000x1500 JPEG)")
    print(f"  file one application ({filing.requests} requests): {line(whole)}")
    print(f"  acknowledgement PDF, A4:                {line(pdf_a4)}")
    print(f"  acknowledgement PDF, 80 mm roll:        {line(pdf_roll)}")
    print(f"  acknowledgement, printable HTML:        {line(html)}")
    return 0


# --- 2. concurrent operators over HTTP ---------------------------------------


def concurrent(backend: Backend, base: str, operators: int, seconds: float) -> dict:
    """Each operator files until the time is up (finishing the application
    in hand); then the acknowledged IDs are checked against the database."""
    service_id = backend.query("SELECT id FROM service WHERE code = %s", (SERVICE_CODE,))[0][0]
    photo = photo_jpeg()
    clients = []
    for i in range(1, operators + 1):
        client = Client(base, source=f"127.0.0.{10 + i}")
        client.sign_in(f"{backend.operator_prefix}{i}")
        clients.append(client)
    done, errors, lock = [], [], threading.Lock()
    requests = []
    deadline = time.monotonic() + seconds

    def operator(client):
        filing = Filing(client, service_id, photo)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                pk, app_id, submit = filing.run()
            except Exception as err:  # noqa: BLE001 (reported below, fails the run)
                with lock:
                    errors.append(repr(err)[:300])
                return
            with lock:
                done.append((pk, app_id, submit, time.perf_counter() - started))
                requests.append(filing.requests)

    started = time.perf_counter()
    threads = [threading.Thread(target=operator, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    # Every acknowledged ID in the database exactly once, as the same row;
    # nothing submitted by the bench operators that was not acknowledged.
    ids = [app_id for _pk, app_id, _s, _w in done]
    problems = [f"ID acknowledged twice: {i}" for i in {i for i in ids if ids.count(i) > 1}]
    rows = backend.query(
        'SELECT a.id, a.app_id FROM application a JOIN "user" u ON a.operator_id = u.id '
        "WHERE u.username LIKE %s AND a.status <> 'draft'",
        (backend.operator_prefix + "%",),
    )
    in_db = {}
    for pk, app_id in rows:
        in_db.setdefault(app_id, []).append(pk)
    for pk, app_id, _s, _w in done:
        if in_db.get(app_id) != [pk]:
            problems.append(f"{app_id} (application {pk}) in the database as {in_db.get(app_id)}")
    extra = set(in_db) - set(ids)
    if extra:
        problems.append(f"{len(extra)} filed but never acknowledged: {sorted(extra)[:5]}")
    submits = [s for _pk, _i, s, _w in done] or [0.0]
    wholes = [w for _pk, _i, _s, w in done] or [0.0]
    return {
        "backend": backend.label,
        "operators": operators,
        "seconds": elapsed,
        "filed": len(done),
        "per_minute": len(done) / elapsed * 60,
        "requests": statistics.median(requests) if requests else 0,
        "submit_p50": percentile(submits, 50),
        "submit_p99": percentile(submits, 99),
        "whole_p50": percentile(wholes, 50),
        "whole_p99": percentile(wholes, 99),
        "checked": len(rows),
        "problems": errors + problems,
    }


def report(results: list[dict], seconds: float) -> int:
    print(
        f"\nConcurrent filing over HTTP: gunicorn, 2 sync workers; each operator at its own "
        f"CSC files {SERVICE_CODE} (5 photo uploads) for {seconds:.0f} s"
    )
    print(
        f"{'database':<17} {'operators':>9} {'filed':>6} {'per min':>8} {'requests':>8} "
        f"{'submit p50':>10} {'p99':>7} {'whole p50':>10} {'p99':>7}  IDs checked"
    )
    failed = 0
    for r in results:
        verdict = "ok" if not r["problems"] else "FAILED"
        print(
            f"{r['backend']:<17} {r['operators']:>9} {r['filed']:>6} {r['per_minute']:>8.1f} "
            f"{r['requests']:>8.0f} {ms(r['submit_p50']):>10} {ms(r['submit_p99']):>7} "
            f"{ms(r['whole_p50']):>10} {ms(r['whole_p99']):>7}  {r['checked']} in DB, {verdict}"
        )
        for problem in r["problems"][:10]:
            print(f"  !! {problem}")
        failed |= bool(r["problems"]) or r["filed"] == 0
    if failed:
        print("FILING BENCH FAILED: an application was lost, doubled or refused (see above)")
    return 1 if failed else 0


def main() -> int:
    status = 0
    if "single" in PARTS:
        status |= single()
    if "concurrent" in PARTS:
        results = []
        for kind in BACKENDS:
            why = Backend.available(kind)
            if why:
                print(f"{kind}: skipped ({why})")
                continue
            backend = Backend(kind)
            try:
                backend.seed(operators=OPERATORS)
                with served(backend) as base:
                    results.append(concurrent(backend, base, OPERATORS, SECONDS))
            finally:
                backend.drop()
        status |= report(results, SECONDS)
    return status


if __name__ == "__main__":
    sys.exit(main())
