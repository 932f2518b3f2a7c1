"""The operator's own applications: sent back for documents first, every
one reachable by keyset paging, found by ID, name or mobile, filtered by
status; never another CSC's."""

import datetime as dt
import re

import pytest

from core import clock
from tests.factories import make_application
from tests.helpers import listed, next_link, prev_link, text
from tests.test_budget import page_over_budget


def filed(app, place, service, operator, count, start=None, **fields):
    """`count` applications of our CSC, a minute apart, the newest last."""
    start = start or clock.now() - dt.timedelta(days=3)
    with app.app_context():
        return [
            make_application(
                place,
                service,
                operator.user,
                submitted_at=start + dt.timedelta(minutes=i),
                **fields,
            )
            for i in range(count)
        ]


def test_an_application_sent_back_stays_reachable_after_many_newer(app, operator, service, place):
    waiting = filed(
        app,
        place,
        service,
        operator,
        1,
        start=clock.now() - dt.timedelta(days=20),
        status="awaiting_documents",
        paused_since=clock.now() - dt.timedelta(days=2),
    )[0]
    newer = filed(app, place, service, operator, 70)
    with app.app_context():
        theirs = make_application(place, service, operator.user, csc=place.cscs[1])

    first = operator.get("/applications/")
    body = text(first)
    # Sent back for documents heads the page, with a link to upload them.
    top = body[body.index("Sent back for documents") : body.index("Drafts to finish")]
    assert waiting.app_id in top and f"/applications/{waiting.id}/documents" in top

    pages, url = [], "/applications/"
    while url:
        response = operator.get(url)
        pages.append(listed(response))
        url = next_link(response)
    assert [len(p) for p in pages] == [30, 30, 11]
    newest_first = [a.id for a in reversed(newer)] + [waiting.id]
    assert sum(pages, []) == newest_first
    assert theirs.id not in sum(pages, [])
    # And back again, page by page.
    last = operator.get(next_link(operator.get(next_link(first))))
    middle = operator.get(prev_link(last))
    assert listed(middle) == pages[1]
    assert listed(operator.get(prev_link(middle))) == pages[0]
    # The search box finds the CSC's own applications, not public tracking.
    assert 'action="/applications/"' in body and 'action="/track' not in body


def test_search_finds_own_applications_by_id_name_or_mobile(app, operator, service, place):
    with app.app_context():
        sunita = make_application(
            place,
            service,
            operator.user,
            applicant_name_en="Sunita Patil",
            applicant_name_local="सुनीता पाटील",
            mobile="9822012345",
        )
        ramu = make_application(place, service, operator.user, mobile="9011122233")
        theirs = make_application(
            place,
            service,
            operator.user,
            csc=place.cscs[1],
            applicant_name_en="Sunita Patil",
            applicant_name_local="सुनीता पाटील",
            mobile="9822012345",
        )

    def found(q):
        return listed(operator.get("/applications/", query_string={"q": q}))

    assert found(sunita.app_id) == [sunita.id]
    # As a person types it: small letters, no dashes, spaces around.
    assert found(f"  {sunita.app_id.lower().replace('-', '')} ") == [sunita.id]
    assert found(sunita.app_id[6:13]) == [sunita.id]  # the number alone
    assert found("sunita") == [sunita.id]  # English, any capitals
    assert found("सुनीता") == [sunita.id]  # Devanagari
    assert set(found("पाटील")) == {sunita.id, ramu.id}  # part of a name
    assert found("9822012345") == [sunita.id]
    assert found("98220 12345") == [sunita.id]
    assert found("९८२२०१२३४५") == [sunita.id]  # Devanagari digits
    assert found("2233") == [ramu.id]  # the end of a mobile number
    assert theirs.id not in found("Sunita") + found("9822012345") + found(theirs.app_id)
    nothing = operator.get("/applications/", query_string={"q": "Zzyzx%"})
    assert listed(nothing) == []
    assert "No application of this CSC matches “Zzyzx%”." in text(nothing)
    assert 'value="Zzyzx%"' in text(nothing)


def test_the_list_filters_by_status_sent_back_first(app, operator, service, place):
    submitted = filed(app, place, service, operator, 2)
    waiting = filed(app, place, service, operator, 2, status="awaiting_documents")
    filed(app, place, service, operator, 1, status="delivered")
    page = operator.get("/applications/?status=awaiting_documents")
    assert listed(page) == [a.id for a in reversed(waiting)]
    options = re.findall(r'<option value="([a-z_]*)"', text(page))
    assert options[:2] == ["", "awaiting_documents"] and "draft" not in options
    assert 'value="awaiting_documents" selected' in text(page)
    assert listed(operator.get("/applications/?status=submitted")) == [
        a.id for a in reversed(submitted)
    ]
    # Nonsense is ignored, never an error.
    for junk in ("status=draft", "status=sent", "q=", "after=x", "before=2025-01-01T00:00:00,abc"):
        assert len(listed(operator.get(f"/applications/?{junk}"))) == 5


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", ("Application ID, name or mobile", "Sent back for documents")),
        ("hi", ("आवेदन क्रमांक, नाम या मोबाइल", "दस्तावेज़ों के लिए लौटाए गए")),
        ("mr", ("अर्ज क्रमांक, नाव किंवा मोबाईल", "कागदपत्रांसाठी परत पाठवलेले")),
    ],
)
def test_the_list_reads_in_each_language_within_budget(app, operator, service, place, lang, words):
    long_name = {
        "applicant_name_en": "Dnyaneshwar Balasaheb Kulkarni-Deshmukh",
        "applicant_name_local": "ज्ञानेश्वर बाळासाहेब कुलकर्णी-देशमुख",
    }
    # The longest first page: every section full.
    filed(app, place, service, operator, 50, status="draft", app_id=None, **long_name)
    filed(
        app,
        place,
        service,
        operator,
        12,
        status="awaiting_documents",
        paused_since=clock.now(),
        **long_name,
    )
    filed(app, place, service, operator, 40, **long_name)
    operator.set_cookie("lang", lang)
    body = text(operator.get("/applications/"))
    for word in words:
        assert word in body
    assert page_over_budget(operator, "/applications/") is None
