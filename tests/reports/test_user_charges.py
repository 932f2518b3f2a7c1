"""The user-charges report: collections by CSC and the share due to each gram
panchayat for a period in IST, on screen, as CSV and as XLSX, with the same
hand-computed numbers everywhere, scoped to the user's area."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from core.db import db
from tests.factories import make_service
from tests.track.factories import filed_at_csc, pay

# May 2026 in IST is [2026-04-30 18:30, 2026-05-31 18:30) in UTC.
MAY = "?from=2026-05-01&to=2026-05-31"


@pytest.fixture
def ledger(app, place):
    """Hand-made collections. Service INC: fee ₹20.00, user charge ₹33.50
    (80/10/10 -> 26.80 / 3.35 / 3.35). Service BIG: fee ₹1,23,456.78, user
    charge ₹25.00 (-> 20.00 / 2.50 / 2.50)."""
    with app.app_context(), db.connection_context():
        inc = make_service(place)
        big = make_service(
            place, code="BIG", name_en="Land record", govt_fee=12345678, user_charge=2500
        )
        # CSC 0 (our GP 0): two in May, one just inside May in IST, one just outside.
        pay(filed_at_csc(place, inc), at=dt.datetime(2026, 5, 10, 6, 0))
        pay(filed_at_csc(place, big), at=dt.datetime(2026, 5, 31, 18, 0))  # 31 May 23:30 IST
        pay(filed_at_csc(place, inc), at=dt.datetime(2026, 4, 30, 19, 0))  # 1 May 00:30 IST
        pay(filed_at_csc(place, inc), at=dt.datetime(2026, 4, 30, 18, 0))  # 30 Apr 23:30 IST
        pay(filed_at_csc(place, inc), at=dt.datetime(2026, 5, 31, 18, 30))  # 1 Jun 00:00 IST
        # CSC 1 (the other tehsil's GP 2): one in May.
        pay(filed_at_csc(place, inc, which=1), at=dt.datetime(2026, 5, 15, 9, 0))
    return place


# Expected, in paise, computed by hand from the fixture above.
CSC0 = {
    "applications": 3,
    "govt": 2000 + 12345678 + 2000,
    "user_charge": 3350 + 2500 + 3350,
    "csc": 2680 + 2000 + 2680,
    "gp": 335 + 250 + 335,
    "society": 335 + 250 + 335,
}
CSC1 = {
    "applications": 1,
    "govt": 2000,
    "user_charge": 3350,
    "csc": 2680,
    "gp": 335,
    "society": 335,
}


def paise(value) -> int:
    return round(float(value) * 100)


def test_screen_shows_hand_computed_totals_in_indian_rupees(ledger, login_as):
    manager = login_as("district_manager")
    response = manager.get(f"/reports/user-charges{MAY}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Aaple Sarkar Kendra Paithan" in page and "Aaple Sarkar Kendra Kannad" in page
    # CSC 0's government fee: 20.00 + 1,23,456.78 + 20.00
    assert "₹1,23,496.78" in page
    # District totals: fee 1,23,516.78; user charge 125.50 ... society 12.55.
    assert "₹1,23,516.78" in page
    assert "₹125.50" in page and "₹100.40" in page and "₹12.55" in page
    assert "Pimpalgaon Paithan" in page and "₹9.20" in page  # GP 0's share


def test_csv_parses_back_to_the_same_numbers(ledger, login_as):
    manager = login_as("admin")
    response = manager.get(f"/reports/user-charges{MAY}&format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="user-charges-2026-05-01-to-2026-05-31-csc.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:3] == ["CSC code", "CSC", "Applications"]
    keys = ("govt", "user_charge", "csc", "gp", "society")
    got = {
        r[0]: {"applications": int(r[2]), **dict(zip(keys, map(paise, r[3:]), strict=True))}
        for r in body
    }
    assert got == {"CSC0": CSC0, "CSC1": CSC1}
    assert total[1] == "Total" and int(total[2]) == 4
    assert [paise(v) for v in total[3:]] == [CSC0[k] + CSC1[k] for k in keys]

    gp = manager.get(f"/reports/user-charges{MAY}&format=csv&by=gp")
    assert gp.headers["Content-Disposition"].endswith('-gp.csv"')
    rows = list(csv.reader(io.StringIO(gp.get_data().decode("utf-8-sig"))))
    assert [(r[0], int(r[3]), paise(r[4])) for r in rows[1:-1]] == [
        ("GP00", 3, CSC0["gp"]),
        ("GP10", 1, CSC1["gp"]),
    ]
    assert paise(rows[-1][4]) == CSC0["gp"] + CSC1["gp"]


def test_xlsx_parses_back_to_the_same_numbers(ledger, login_as):
    manager = login_as("district_manager")
    response = manager.get(f"/reports/user-charges{MAY}&format=xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert (
        'filename="user-charges-2026-05-01-to-2026-05-31.xlsx"'
        in (response.headers["Content-Disposition"])
    )
    book = openpyxl.load_workbook(io.BytesIO(response.get_data()))
    by_csc, by_gp = book.worksheets
    rows = list(by_csc.iter_rows(values_only=True))
    keys = ("govt", "user_charge", "csc", "gp", "society")
    got = {
        r[0]: {"applications": r[2], **dict(zip(keys, map(paise, r[3:]), strict=True))}
        for r in rows[1:-1]
    }
    assert got == {"CSC0": CSC0, "CSC1": CSC1}
    assert rows[-1][1] == "Total" and [paise(v) for v in rows[-1][3:]] == [
        CSC0[k] + CSC1[k] for k in keys
    ]
    gp_rows = list(by_gp.iter_rows(values_only=True))
    assert [(r[0], r[3], paise(r[4])) for r in gp_rows[1:-1]] == [
        ("GP00", 3, CSC0["gp"]),
        ("GP10", 1, CSC1["gp"]),
    ]


def test_block_officer_sees_only_their_area(ledger, login_as):
    officer = login_as("block_officer")
    page = officer.get(f"/reports/user-charges{MAY}").get_data(as_text=True)
    assert "Aaple Sarkar Kendra Paithan" in page
    assert "Aaple Sarkar Kendra Kannad" not in page and "Pimpalgaon Kannad" not in page
    rows = list(
        csv.reader(
            io.StringIO(
                officer.get(f"/reports/user-charges{MAY}&format=csv").get_data().decode("utf-8-sig")
            )
        )
    )
    assert [r[0] for r in rows[1:-1]] == ["CSC0"]
    assert paise(rows[-1][3]) == CSC0["govt"]


def test_csc_operator_sees_only_their_own_csc(ledger, login_as):
    operator = login_as("csc_operator", which=1, username="kannad-operator", csc=ledger.cscs[1])
    response = operator.get(f"/reports/user-charges{MAY}&format=xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.get_data())).worksheets[0].values)
    assert [r[0] for r in rows[1:-1]] == ["CSC1"]
    assert paise(rows[-1][3]) == CSC1["govt"]
    page = operator.get(f"/reports/user-charges{MAY}").get_data(as_text=True)
    assert "Aaple Sarkar Kendra Paithan" not in page


@pytest.mark.parametrize("role", ["gp_staff", "office_user", "office_head"])
def test_other_roles_may_not_see_it(ledger, login_as, role):
    assert login_as(role).get("/reports/user-charges").status_code == 403


def test_the_default_period_is_this_month(app, place, login_as):
    with app.app_context(), db.connection_context():
        pay(filed_at_csc(place))
    page = login_as("admin").get("/reports/user-charges").get_data(as_text=True)
    assert "Aaple Sarkar Kendra Paithan" in page and "₹20.00" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?from=2026-13-01", "is not a date"),
        ("?from=01-05-2026", "is not a date"),
        ("?to=yesterday", "is not a date"),
        ("?from=2026-05-31&to=2026-05-01", "The start date is after the end date."),
    ],
)
def test_bad_dates_are_400_with_a_message(login_as, query, message):
    response = login_as("district_manager").get(f"/reports/user-charges{query}")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page


def count_ledger_queries(monkeypatch, browser, url) -> int:
    from peewee import Database

    queries = []
    original = Database.execute_sql

    def spy(self, sql, *args, **kwargs):
        queries.append(sql)
        return original(self, sql, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Database, "execute_sql", spy)
        assert browser.get(url).status_code == 200
    return sum("ledger_line" in q for q in queries)


def test_report_is_one_query_per_table(app, ledger, login_as, monkeypatch):
    """No N+1: the number of queries does not grow with the number of CSCs."""
    from blueprints.masters.models import Csc

    manager = login_as("district_manager")
    url = f"/reports/user-charges{MAY}"
    before = count_ledger_queries(monkeypatch, manager, url)
    with app.app_context(), db.connection_context():
        extra = Csc.create(
            code="CSC9", name_en="Kendra Nine", name_local="केंद्र नऊ", gram_panchayat=ledger.gps[1]
        )
        pay(
            filed_at_csc(ledger, csc=extra, gram_panchayat=ledger.gps[1]),
            at=dt.datetime(2026, 5, 20),
        )
    page = manager.get(url).get_data(as_text=True)
    assert "Kendra Nine" in page
    assert count_ledger_queries(monkeypatch, manager, url) == before == 2


@pytest.mark.parametrize("lang", ["en", "mr"])
def test_a_district_with_many_cscs_is_paged_within_budget(app, place, login_as, lang):
    from blueprints.masters.models import Csc
    from tests.test_budget import page_over_budget

    with app.app_context(), db.connection_context():
        service = make_service(place)
        for i in range(60):
            csc = Csc.create(
                code=f"CSCX{i:02d}",
                name_en=f"Aaple Sarkar Seva Kendra Long Name {i:02d}",
                name_local=f"आपले सरकार सेवा केंद्र लांब नाव {i:02d}",
                gram_panchayat=place.gps[i % 4],
            )
            pay(
                filed_at_csc(place, service, csc=csc, gram_panchayat=place.gps[i % 4]),
                at=dt.datetime(2026, 5, 10),
            )
    manager = login_as("district_manager")
    manager.set_cookie("lang", lang)
    url = f"/reports/user-charges{MAY}"
    page = manager.get(url).get_data(as_text=True)
    assert 'rel="next"' in page
    assert page_over_budget(manager, url) is None
    second = manager.get(f"{url}&page=2").get_data(as_text=True)
    assert "CSCX59" in second and "CSCX00" not in second
    # The totals are of all 60 CSCs on every page: 60 × ₹20.00.
    assert "₹1,200.00" in page and "₹1,200.00" in second
