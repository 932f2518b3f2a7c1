"""Search across scripts, by code and official mobile, with htmx and
without; and at 50,000 employees, a bounded number of queries that use
the indexed search key rather than scanning names."""

import datetime as dt
import time

import pytest

from blueprints.employees.models import Employee, EmployeeKey
from blueprints.employees.register import Filters, search
from blueprints.employees.search import fold, keys_of
from core.db import db, is_postgres
from tests.helpers import count_queries


@pytest.mark.parametrize(
    "latin, devanagari",
    [
        ("patil", "पाटील"),
        ("paatil", "पाटिल"),
        ("Kulkarni", "कुलकर्णी"),
        ("Gaikwad", "गायकवाड"),
        ("Shinde", "शिंदे"),
        ("Kamble", "कांबळे"),
        ("Chavan", "चव्हाण"),
        ("Deshmukh", "देशमुख"),
        ("Dnyaneshwar", "ज्ञानेश्वर"),
        ("Kshirsagar", "क्षीरसागर"),
        ("Vijay", "विजय"),
    ],
)
def test_a_name_folds_to_one_key_in_either_script(latin, devanagari):
    assert fold(latin) == fold(devanagari) != ""


def test_different_names_keep_different_keys():
    assert len({fold(w) for w in ("Patil", "Pawar", "Kale", "Mane", "More", "Jadhav")}) == 6
    assert keys_of("Sunil Patil", "सुनील पाटील") == {fold("sunil"), fold("patil")}


def _codes(**kw):
    return [e.code for e in search(Filters(**kw))]


def test_search_finds_latin_from_devanagari_and_back(ctx, staff):
    assert _codes(q="patil") == ["E001"]
    assert _codes(q="पाटील") == ["E001"]
    assert _codes(q="पाटिल") == ["E001"]
    assert _codes(q="paatil") == ["E001"]
    assert _codes(q="कुलकर्णी") == ["E002"]
    assert _codes(q="Sunil Pat") == ["E001"]  # every word, the last one a prefix
    assert _codes(q="Sunil Shinde") == []
    assert _codes(q="e00") == ["E002", "E001", "E003"] or set(_codes(q="e00")) == {
        "E001",
        "E002",
        "E003",
    }
    assert _codes(q="E003") == ["E003"]
    assert _codes(q="98111") == ["E001"]  # official mobile
    assert _codes(q="98222") == []  # never by the personal one


def test_filters_narrow_by_office_designation_and_status(ctx, staff):
    assert set(_codes(office=staff.office0.id)) == {"E001", "E002"}
    assert _codes(designation=staff.talathi.id) == ["E002"]
    Employee.update(status="on_leave").where(Employee.id == staff.shinde.id).execute()
    assert _codes(status="on_leave") == ["E003"]


def test_search_page_plain_get_and_htmx_fragment(app, staff, login_as):
    browser = login_as("gp_staff")
    page = browser.get("/employees/?q=पाटील")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Sunil Patil" in html and "Asha Kulkarni" not in html
    assert "<form" in html and 'data-hx-get="/employees/"' in html
    fragment = browser.get("/employees/?q=kulk", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="emp-results">') and "<html" not in body
    assert "Asha Kulkarni" in body
    # Official contacts only in the list.
    assert "9811111111" in html and "9822222222" not in html


def test_search_is_paged_and_survives_odd_input(app, staff, login_as):
    browser = login_as("office_user")
    assert browser.get("/employees/?page=99999&office=abc&status=x").status_code == 200
    long = browser.get("/employees/?q=" + "a" * 500)
    assert long.status_code == 400
    assert "at most 80 characters" in long.get_data(as_text=True)
    assert browser.get("/employees/?q=%F0%9F%98%80").status_code == 200


def _grow(office, designation, n=50_000):
    """n employees with their keys, written in bulk like the demo seed."""
    now = dt.datetime(2026, 1, 1)
    parts = ["Patil", "Pawar", "Jadhav", "Kale", "More", "Shinde", "Wagh", "Mane", "Joshi"]
    firsts = ["Sunil", "Anil", "Asha", "Jyoti", "Ganesh", "Rahul", "Meena", "Vijay"]
    rows = [
        {
            "code": f"Z{i:06d}", "name_en": f"{firsts[i % 8]} {parts[i % 9]}{i % 97}",
            "name_local": "", "designation": designation.id, "office": office.id,
            "status": "working", "date_of_birth": dt.date(1980, 1, 2),
            "joined_on": dt.date(2005, 1, 2), "retires_on": dt.date(2038, 1, 31),
            "created_at": now, "updated_at": now,
        }
        for i in range(n)
    ]  # fmt: skip
    with db.atomic():
        for start in range(0, n, 2000):
            Employee.insert_many(rows[start : start + 2000]).execute()
        ids = dict(
            Employee.select(Employee.code, Employee.id)
            .where(Employee.code.startswith("Z"))
            .tuples()
        )
        keys = [{"employee": ids[r["code"]], "key": k} for r in rows for k in keys_of(r["name_en"])]
        for start in range(0, len(keys), 5000):
            EmployeeKey.insert_many(keys[start : start + 5000]).execute()


def test_search_over_50000_employees_uses_the_key_index(app, staff, login_as):
    with app.app_context(), db.connection_context():
        _grow(staff.office1, staff.clerk)
        assert Employee.select().count() > 50_000
        query = search(Filters(q="पाटील"))
        sql, params = query.limit(26).sql()
        plan = db.execute_sql(
            ("EXPLAIN " if is_postgres() else "EXPLAIN QUERY PLAN ") + sql, params
        )
        plan = " ".join(str(row) for row in plan.fetchall())
    if is_postgres():
        assert "employee_key_key_employee" in plan or "Index" in plan
    else:
        # The keys are read by an index range, never by scanning employee_key.
        assert "employeekey_key_employee" in plan.lower() or "employee_key_key_employee" in plan
        assert "SCAN employee_key" not in plan
    browser = login_as("office_user")
    with count_queries() as log:
        started = time.monotonic()
        response = browser.get("/employees/?q=sunil+पाटील")
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert "Sunil Patil" in response.get_data(as_text=True)
    # One query for the page of rows, whatever the number of employees (the
    # rest are the session's user and the filter lists).
    assert len(log.touching("employee")) == 1
    assert len(log) <= 8
    assert elapsed < 2.0


def test_a_designation_typed_as_text_finds_its_holders(app, staff, login_as):
    from blueprints.employees.register import search_page

    def codes(q):
        return [e.code for e in search_page(Filters(q=q), 1)[0]]

    with app.app_context():
        assert codes("talathi") == ["E002"]
        assert codes("तलाठी") == ["E002"]
        assert set(codes("लिपिक")) == {"E001", "E003"}
        assert codes("clerk shinde") == ["E003"]  # every word: post and name
    html = login_as("office_user").get("/employees/?q=talathi").get_data(as_text=True)
    assert "Asha Kulkarni" in html and "Sunil Patil" not in html


def test_a_whole_name_ranks_before_a_name_that_begins_with_it(app, staff):
    from blueprints.employees.register import search_page
    from tests.employees.factories import make_employee

    with app.app_context():
        make_employee(staff.office0, staff.clerk, "E004", "Anil Patilbuwa", "अनिल पाटीलबुवा")
        make_employee(staff.office0, staff.clerk, "E005", "Patil Aher", "पाटील आहेर")
        rows, _more = search_page(Filters(q="patil"), 1)
        # Whole word "Patil" (E001 "Sunil Patil", E005 "Patil Aher") before "Patilbuwa".
        assert [e.code for e in rows][-1] == "E004"
        assert {e.code for e in rows[:2]} == {"E001", "E005"}
