"""The punch import's template file: the columns the import reads, an
example row that is refused if left in, and the import of it filled in."""

import io

import pytest

from blueprints.attendance.models import Punch
from tests.fixtures import english  # noqa: F401


@pytest.mark.parametrize(
    "lang, words", [("en", "Template file (CSV)"), ("hi", "टेम्पलेट फ़ाइल"), ("mr", "नमुना फाइल")]
)  # noqa: E501
def test_the_punch_template_downloads_and_imports_once_filled(lang, words, app, login_as, staff):
    head = login_as("office_head")
    head.set_cookie("lang", lang)
    page = head.get("/attendance/import").get_data(as_text=True)
    assert "/attendance/import/template" in page and words in page
    template = head.get("/attendance/import/template")
    assert template.status_code == 200 and "attachment" in template.headers["Content-Disposition"]
    lines = template.data.decode("utf-8-sig").splitlines()
    assert lines[0] == "employee_code,punched_at" and len(lines) == 2

    def upload(data):
        return head.form_post("/attendance/import", data={"file": (io.BytesIO(data), "p.csv")},
                              content_type="multipart/form-data")  # fmt: skip

    assert upload(template.data).status_code == 400  # the example row left in
    filled = template.data.decode("utf-8-sig").replace("EXAMPLE", "A001").encode()
    assert upload(filled).status_code == 200
    with app.app_context():
        assert Punch.select().count() == 1
