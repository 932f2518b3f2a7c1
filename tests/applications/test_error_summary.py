"""After a refused step of filing, the page opens on an error summary (GOV.UK's
pattern): at the top, focused, a link to each field in error."""

import re

import pytest

from tests.applications.test_filing import fill_applicant, start, upload
from tests.helpers import text

SUMMARY = re.compile(r'<div class="flash error" id="error-summary"[^>]*>(.*?)</div>', re.S)


def summary_of(response) -> tuple[str, list[tuple[str, str]]]:
    """The summary's opening tag and its (href, text) links; it comes before
    the page's heading."""
    body = text(response)
    match = SUMMARY.search(body)
    assert match, "no error summary"
    assert match.start() < body.index("<h1"), "the summary is below the heading"
    opening = body[match.start() : body.index(">", match.start()) + 1]
    return opening, re.findall(r'<a href="([^"]+)">([^<]+)</a>', match.group(1))


def test_a_refused_applicant_step_opens_on_a_summary_linking_each_field(
    app, operator, service, place
):
    pk = start(operator, service)
    response = fill_applicant(
        operator, pk, place, applicant_name_local="Sunita", mobile="987654321", village=""
    )
    assert response.status_code == 400
    opening, links = summary_of(response)
    # Focused on load without a script of ours, and announced.
    assert 'tabindex="-1"' in opening and "autofocus" in opening and 'role="alert"' in opening
    hrefs = dict(links)
    assert hrefs["#applicant_name_local"].startswith("Write this name in Devanagari")
    assert hrefs["#mobile"] == "Enter a 10-digit mobile number."
    assert "#village" in hrefs
    body = text(response)
    for href in hrefs:  # each link leads to a field on the page
        assert f'id="{href[1:]}"' in body
    # A good page has no summary.
    assert 'id="error-summary"' not in text(operator.get(f"/applications/{pk}/applicant"))


def test_the_other_steps_summarise_their_refusals(app, operator, service, place):
    pk = start(operator, service)
    fill_applicant(operator, pk, place)
    details = operator.form_post(f"/applications/{pk}/details", data={"annual_income": "lots"})
    assert details.status_code == 400
    assert [href for href, _ in summary_of(details)[1]] == ["#annual_income"]

    document = upload(operator, pk, "photo", b"not a photo", "photo.jpg")
    assert document.status_code == 400
    _, links = summary_of(document)
    assert links[0][0] == "#file-photo" and "not a readable photo or PDF" in links[0][1]

    fees = operator.form_post(f"/applications/{pk}/fees", data={})
    assert fees.status_code == 400
    assert summary_of(fees)[1] == [("#fee_collected", "Tick this box once the fee is collected.")]

    new = operator.form_post("/applications/new", data={"service": "999999", "language": "mr"})
    assert new.status_code == 400
    assert [href for href, _ in summary_of(new)[1]] == ["#service"]


@pytest.mark.parametrize(
    "lang, heading",
    [
        ("en", "Nothing was saved yet. Correct the following:"),
        ("hi", "अभी कुछ भी सहेजा नहीं गया। ये ठीक करें:"),
        ("mr", "अजून काहीही जतन झाले नाही. हे दुरुस्त करा:"),
    ],
)
def test_the_summary_reads_in_each_language(app, operator, service, place, lang, heading):
    pk = start(operator, service)
    operator.set_cookie("lang", lang)
    response = fill_applicant(operator, pk, place, mobile="12")
    assert response.status_code == 400
    assert heading in text(response)
    assert summary_of(response)[1][0][0] == "#mobile"
