"""Pressing submit twice, a browser retry, or two concurrent posts make one
application, one acknowledgement and one set of fee lines."""

import re
import threading

from blueprints.applications.models import Application, ApplicationEvent, IdSequence, LedgerLine
from tests.applications.test_filing import file_to_review, submit
from tests.helpers import Browser, csrf_from


def counts(pk):
    return (
        LedgerLine.select().where(LedgerLine.application == pk).count(),
        ApplicationEvent.select().where(ApplicationEvent.application == pk).count(),
    )


def test_submitting_twice_gives_the_same_application(app, operator, service, place):
    pk = file_to_review(operator, service, place)
    first, token = submit(operator, pk)
    app_id = Application.get_by_id(pk).app_id
    # The browser resends the same form (a retry after a timeout).
    second = operator.form_post("/account", f"/applications/{pk}/submit", data={"token": token})
    assert first.location == second.location
    assert Application.get_by_id(pk).app_id == app_id
    assert counts(pk) == (4, 1)
    assert IdSequence.get().last == 1  # no number spent on the repeat


def test_a_stale_token_never_submits(app, operator, service, place):
    pk = file_to_review(operator, service, place)
    response = operator.form_post(
        f"/applications/{pk}/review", f"/applications/{pk}/submit", data={"token": "0" * 32}
    )
    assert response.status_code == 400
    assert Application.get_by_id(pk).status == "draft"


def test_concurrent_submissions_make_one_application(app, login_as, service, place):
    operator = login_as("csc_operator")
    pk = file_to_review(operator, service, place)
    page = operator.get(f"/applications/{pk}/review").get_data(as_text=True)
    token = re.search(r'name="token" type="hidden" value="([0-9a-f]+)"', page).group(1)

    # Four tabs of the same operator (four sessions) post at the same moment.
    browsers = []
    for _ in range(4):
        b = Browser(app.test_client())
        b.login(operator.user)
        csrf = csrf_from(b.get(f"/applications/{pk}/review").get_data(as_text=True))
        browsers.append((b, csrf))
    barrier = threading.Barrier(len(browsers))
    results = []

    def post(b, csrf):
        barrier.wait()
        r = b.post(f"/applications/{pk}/submit", data={"csrf_token": csrf, "token": token})
        results.append((r.status_code, r.location))

    threads = [threading.Thread(target=post, args=pair) for pair in browsers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert [code for code, _ in results] == [303] * 4, results
    assert len({loc for _, loc in results}) == 1
    assert Application.select().where(Application.status == "submitted").count() == 1
    assert counts(pk) == (4, 1)
    assert IdSequence.get().last == 1
