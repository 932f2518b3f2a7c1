"""Draft → submitted → published: the published version stays public until
the head approves the next; a clerk cannot publish; the history is
append-only; another office's scheme answers 404."""

import peewee as pw
import pytest

from blueprints.schemes import services as svc
from blueprints.schemes.models import Scheme, SchemeHistory, SchemeVersion
from tests.schemes.factories import make_scheme


@pytest.fixture
def scheme(app, dept):
    with app.app_context():
        return make_scheme(dept.office, dept.clerk.user, dept.head.user, code="PMKISAN")


def _edit_title(browser, scheme, title, lang="en"):
    url = f"/schemes/manage/{scheme.id}/text?in={lang}"
    return browser.form_post(url, data={"title": title, "objective": "Help for farmers."})


def test_clerk_edits_submits_and_head_publishes_without_javascript(app, client, dept, scheme):
    response = _edit_title(dept.clerk, scheme, "PM Kisan Samman Nidhi")
    assert response.status_code == 303
    assert response.location.endswith(f"/schemes/manage/{scheme.id}")
    # The public still sees the published title until the head approves.
    public = client.get(f"/schemes/{scheme.id}").get_data(as_text=True)
    assert "Test Kisan Scheme" in public and "PM Kisan Samman Nidhi" not in public
    overview = f"/schemes/manage/{scheme.id}"
    response = dept.clerk.form_post(overview, f"{overview}/submit", data={"remark": "new name"})
    assert response.status_code == 303
    with app.app_context():
        from core.notify import Notification

        sms = Notification.get(Notification.recipient == dept.head.user.mobile)
        assert "submitted for your approval" in sms.body and "Test Kisan Scheme" in sms.body
    # The clerk has no approve button and the decide route refuses the role.
    assert "Approve and publish" not in dept.clerk.get(overview).get_data(as_text=True)
    refused = dept.clerk.form_post("/account", f"{overview}/decide", data={"decision": "approve"})
    assert refused.status_code == 403
    assert "Test Kisan Scheme" in client.get(f"/schemes/{scheme.id}").get_data(as_text=True)
    assert "Approve and publish" in dept.head.get(overview).get_data(as_text=True)
    response = dept.head.form_post(overview, f"{overview}/decide", data={"decision": "approve"})
    assert response.status_code == 303
    public = client.get(f"/schemes/{scheme.id}").get_data(as_text=True)
    assert "PM Kisan Samman Nidhi" in public
    with app.app_context():
        states = [v.state for v in SchemeVersion.select().order_by(SchemeVersion.number)]
        assert states == ["superseded", "published"]
        assert Scheme.get_by_id(scheme.id).title_en == "PM Kisan Samman Nidhi"
        actions = [h.action for h in SchemeHistory.select().order_by(SchemeHistory.id)]
        assert actions[-3:] == ["edited", "submitted", "published"]


def test_a_submitted_version_is_locked_and_can_be_returned_with_a_remark(app, dept, scheme):
    overview = f"/schemes/manage/{scheme.id}"
    _edit_title(dept.clerk, scheme, "Changed")
    dept.clerk.form_post(overview, f"{overview}/submit")
    locked = _edit_title(dept.clerk, scheme, "Changed again")
    assert locked.status_code == 400
    assert "waiting for approval" in locked.get_data(as_text=True)
    no_remark = dept.head.form_post(overview, f"{overview}/decide", data={"decision": "return"})
    assert no_remark.status_code == 400
    assert "Say what must be changed." in no_remark.get_data(as_text=True)
    returned = dept.head.form_post(
        overview, f"{overview}/decide", data={"decision": "return", "remark": "Add Marathi"}
    )
    assert returned.status_code == 303
    page = dept.clerk.get(overview).get_data(as_text=True)
    assert "Returned for changes" in page and "Add Marathi" in page
    assert _edit_title(dept.clerk, scheme, "Changed again").status_code == 303


def test_only_the_head_of_the_schemes_office_or_an_admin_may_approve(app, place, dept, scheme):
    from tests.factories import make_user

    with app.app_context():
        current = Scheme.get_by_id(scheme.id)
        svc.save_text(
            current, "hi", "पीएम किसान", {"objective": "किसानों की सहायता"}, dept.clerk.user
        )
        svc.submit(current, dept.clerk.user)
        other_head = make_user("office_head", place, username="other-head")
        with pytest.raises(svc.SchemeError):
            svc.decide(Scheme.get_by_id(scheme.id), dept.clerk.user, True)
        with pytest.raises(svc.SchemeError):
            svc.decide(Scheme.get_by_id(scheme.id), other_head, True)
        assert svc.open_version(scheme.id).state == "submitted"
        svc.decide(Scheme.get_by_id(scheme.id), dept.head.user, True)
        assert Scheme.get_by_id(scheme.id).title_hi == "पीएम किसान"


def test_the_head_may_publish_their_own_draft(app, dept):
    with app.app_context():
        scheme = make_scheme(dept.office, dept.head.user, code="OWN")
        assert Scheme.get_by_id(scheme.id).is_published


def test_another_offices_scheme_answers_404(app, place, login_as, scheme):
    outsider = login_as("office_user", username="outsider")  # the tehsil office
    for url in (
        f"/schemes/manage/{scheme.id}",
        f"/schemes/manage/{scheme.id}/text?in=en",
        f"/schemes/manage/{scheme.id}/details",
        f"/schemes/manage/{scheme.id}/photos",
        f"/schemes/manage/{scheme.id}/preview",
    ):
        assert outsider.get(url).status_code == 404, url
    missing = outsider.get("/schemes/manage/99999999999")
    assert missing.status_code == 404
    assert "Test Kisan Scheme" not in outsider.get("/schemes/manage").get_data(as_text=True)


def test_history_is_append_only_in_the_database(app, scheme):
    from core.db import db

    with app.app_context(), db.connection_context():
        with pytest.raises(pw.DatabaseError), db.atomic():
            SchemeHistory.update(remark="rewritten").execute()
        with pytest.raises(pw.DatabaseError), db.atomic():
            SchemeHistory.delete().execute()
        assert SchemeHistory.select().count() >= 5


def test_details_form_saves_rules_and_refuses_bad_values(app, dept, scheme):
    url = f"/schemes/manage/{scheme.id}/details"
    bad = dept.clerk.form_post(
        url,
        data={
            "level": "galactic",
            "status": "open",
            "min_age": "70",
            "max_age": "60",
            "income_max": "lots",
            "genders": ["robot"],
            "year": "next",
        },
    )
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "The maximum age is below the minimum age." in page
    assert "Write the year as 2026 or 2026-27." in page
    with app.app_context():
        assert svc.open_version(scheme.id) is None  # nothing half-saved
    good = dept.clerk.form_post(
        url,
        data={
            "level": "state",
            "status": "open",
            "year": "2026-27",
            "service": "",
            "min_age": "60",
            "genders": ["female"],
            "groups": ["women", "senior"],
            "income_max": "1,00,000",
            "area": "rural",
        },
    )
    assert good.status_code == 303
    with app.app_context():
        draft = svc.open_version(scheme.id)
        assert draft.rules == {
            "min_age": 60,
            "genders": ["female"],
            "income_max": 100000,
            "area": "rural",
        }
        assert draft.group_list == ["women", "senior"]


def test_new_scheme_by_a_clerk_belongs_to_their_office(app, dept):
    response = dept.clerk.form_post(
        "/schemes/manage/new",
        data={"code": "RAMAI", "level": "state", "title_en": "Ramai Awas Yojana", "office": "1"},
    )
    assert response.status_code == 303
    with app.app_context():
        scheme = Scheme.get(Scheme.code == "RAMAI")
        assert scheme.office_id == dept.office.id and not scheme.is_published
    dup = dept.clerk.form_post(
        "/schemes/manage/new", data={"code": "ramai", "level": "state", "title_en": "Again"}
    )
    assert dup.status_code == 400
    assert "already exists" in dup.get_data(as_text=True)


def test_the_heads_sms_is_in_the_districts_language_and_within_budget(app, dept):
    """Submitted from an English page, the SMS to the head was English with
    the English title; the district's language is Marathi (issue 15)."""
    from core.notify import Notification, sms_fits

    app.config.pop("CLI_LOCALE", None)
    app.config["DEFAULT_LOCALE"] = "mr"
    titles = {"en": "Kisan scheme " + "x" * 70, "mr": "शेतकरी सन्मान योजना " + "अ" * 70}
    with app.app_context():
        make_scheme(dept.office, dept.clerk.user, dept.head.user, code="KISAN2", titles=titles)
        # make_scheme submitted it for approval (and the head published it).
        sms = Notification.get(Notification.recipient == dept.head.user.mobile).body
        assert sms_fits(sms)
    assert sms.startswith("जिल्हा") and "शेतकरी सन्मान योजना" in sms and "Kisan" not in sms
