"""Time to file one application at the counter (every step, as the forms
post it) and to render one acknowledgement PDF. Not a test: timings on a
shared machine are noisy, so this prints medians over repeated runs.

    make bench        (python -m bench.filing)

Runs on a fresh SQLite file in a temporary folder, seeded with the demo
district, so it never touches instance/."""

import io
import os
import re
import statistics
import sys
import tempfile
import time

N = int(os.environ.get("BENCH_N", 15))


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="zila-bench-")
    os.environ["ZILA_INSTANCE"] = tmp
    from PIL import Image

    from app import create_app
    from blueprints.masters.demo_data import DEMO_PASSWORD
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
        from blueprints.masters.seed import seed_demo
        from blueprints.services.demo_services import seed_services

        migrate()
        seed_demo(echo=lambda *_: None)
        seed_services(echo=lambda *_: None)
        from blueprints.services.models import Service

        service = Service.get(Service.code == "INC-CERT")
        village = (
            service.id
            and db.execute_sql(
                "SELECT v.id FROM village v JOIN gram_panchayat g ON v.gram_panchayat_id = g.id "
                "JOIN csc c ON c.gram_panchayat_id = g.id JOIN user u ON u.csc_id = c.id "
                "WHERE u.username = 'vle.bidkin' LIMIT 1"
            ).fetchone()[0]
        )
    photo = io.BytesIO()
    Image.new("RGB", (2000, 1500), (90, 140, 200)).save(photo, "JPEG")
    client = app.test_client()

    def token(url):
        html = client.get(url).get_data(as_text=True)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)

    client.post(
        "/login",
        data={"csrf_token": token("/login"), "username": "vle.bidkin", "password": DEMO_PASSWORD},
    )
    csrf = token("/account")

    def post(url, **data):
        r = client.post(url, data={"csrf_token": csrf, **data})
        assert r.status_code in (200, 303), (url, r.status_code, r.get_data(as_text=True)[:300])
        return r

    def file_one() -> int:
        r = post("/applications/new", service=str(service.id), language="mr")
        pk = int(re.search(r"/applications/(\d+)/", r.location).group(1))
        post(
            f"/applications/{pk}/applicant",
            applicant_name_local="सुनीता पाटील",
            applicant_name_en="Sunita Patil",
            relation_name="Ramesh Patil",
            gender="f",
            date_of_birth="1985-04-12",
            mobile="9876543210",
            email="",
            village=str(village),
            address="Ward 2",
            aadhaar="",
        )
        post(
            f"/applications/{pk}/details",
            annual_income="85000",
            income_source="farming",
            purpose="Scholarship",
        )
        for doc in service.documents:
            client.post(
                f"/applications/{pk}/documents",
                content_type="multipart/form-data",
                data={
                    "csrf_token": csrf,
                    "doc_key": doc["key"],
                    "file": (io.BytesIO(photo.getvalue()), "p.jpg"),
                },
            )
        post(f"/applications/{pk}/fees", fee_collected="y")
        page = client.get(f"/applications/{pk}/review").get_data(as_text=True)
        submit_token = re.search(r'name="token" type="hidden" value="([0-9a-f]+)"', page).group(1)
        r = post(f"/applications/{pk}/submit", token=submit_token)
        assert r.location.endswith(f"/applications/{pk}"), r.location
        return pk

    file_one()  # warm up: templates compiled, fonts loaded
    filing, pdf_a4, pdf_roll, html = [], [], [], []
    for _ in range(N):
        started = time.perf_counter()
        pk = file_one()
        filing.append(time.perf_counter() - started)
        for size, bucket in (("a4", pdf_a4), ("roll", pdf_roll)):
            started = time.perf_counter()
            r = client.get(f"/applications/{pk}/acknowledgement.pdf?size={size}")
            bucket.append(time.perf_counter() - started)
            assert r.data.startswith(b"%PDF")
        started = time.perf_counter()
        client.get(f"/applications/{pk}/acknowledgement")
        html.append(time.perf_counter() - started)

    def ms(values):
        return (
            f"median {statistics.median(values) * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms"
        )

    docs = len(service.documents)
    print(f"runs: {N}, SQLite, {docs} photo uploads per application (2000x1500 JPEG)")
    print(f"file one application (9+{docs} requests): {ms(filing)}")
    print(f"acknowledgement PDF, A4:                {ms(pdf_a4)}")
    print(f"acknowledgement PDF, 80 mm roll:        {ms(pdf_roll)}")
    print(f"acknowledgement, printable HTML:        {ms(html)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
