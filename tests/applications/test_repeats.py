"""Before submitting, the operator is warned when the applicant (the same
name and mobile) already has an open application for the service, and may
go past the warning knowingly; it does not bar a real second application."""

import re

import pytest

from blueprints.applications.models import Application
from tests.applications.test_filing import file_to_review, submit
from tests.factories import make_application
from tests.helpers import text


def earlier(app, place, service, operator, **fields):
    """An open application of ours by the applicant file_to_review files."""
    with app.app_context():
        return make_application(
            place,
            service,
            operator.user,
            applicant_name_en="SUNITA PATIL",  # capitals do not make another person
            applicant_name_local="सुनीता पाटील",
            mobile="9876543210",
            **fields,
        )


def test_a_repeat_is_warned_of_and_passed_only_knowingly(app, operator, service, place):
    first = earlier(app, place, service, operator, status="scrutiny")
    pk = file_to_review(operator, service, place)
    review = text(operator.get(f"/applications/{pk}/review"))
    warning = review[review.index('id="repeats"') :]
    assert "already has an open application for this service" in warning
    assert first.app_id in warning and f'href="/applications/{first.id}"' in warning
    assert 'name="repeat_confirmed"' in warning

    refused, _ = submit(operator, pk)
    assert refused.status_code == 400
    assert Application.get_by_id(pk).status == "draft"
    body = text(refused)
    summary = body[body.index('id="error-summary"') : body.index("<h1")]
    assert '<a href="#repeat_confirmed">This applicant already has an open application' in summary

    done, _ = submit(operator, pk, confirm_repeat=True)
    assert done.status_code == 303
    assert Application.get_by_id(pk).status == "submitted"


@pytest.mark.parametrize(
    "fields",
    [
        {"mobile": "9000000001"},  # another person of the same name
        {"applicant_name_en": "Sunil Patil", "applicant_name_local": "सुनील पाटील"},
        {"status": "delivered"},  # no longer open
        {"status": "rejected"},
    ],
)
def test_no_warning_without_an_open_application_of_the_same_person(
    app, operator, service, place, fields
):
    with app.app_context():
        make_application(
            place,
            service,
            operator.user,
            **{
                "applicant_name_en": "Sunita Patil",
                "applicant_name_local": "सुनीता पाटील",
                "mobile": "9876543210",
                **fields,
            },
        )
    pk = file_to_review(operator, service, place)
    assert 'id="repeats"' not in text(operator.get(f"/applications/{pk}/review"))
    assert submit(operator, pk)[0].status_code == 303


def test_another_csc_s_applications_are_not_shown(app, operator, service, place):
    earlier(app, place, service, operator, csc=place.cscs[1])
    pk = file_to_review(operator, service, place)
    assert 'id="repeats"' not in text(operator.get(f"/applications/{pk}/review"))


@pytest.mark.parametrize(
    "lang, words",
    [
        (
            "hi",
            ("इस आवेदक (वही नाम और मोबाइल) का इस सेवा के लिए एक आवेदन पहले से खुला है", "मैंने जाँच लिया है"),
        ),
        ("mr", ("या अर्जदाराचा (तेच नाव आणि मोबाईल) या सेवेसाठी एक अर्ज आधीच प्रलंबित आहे", "मी तपासले आहे")),
    ],
)
def test_the_warning_reads_in_hindi_and_marathi(app, operator, service, place, lang, words):
    earlier(app, place, service, operator)
    pk = file_to_review(operator, service, place)
    operator.set_cookie("lang", lang)
    page = text(operator.get(f"/applications/{pk}/review"))
    for word in words:
        assert word in page
    assert re.search(r'name="repeat_confirmed"', page)
