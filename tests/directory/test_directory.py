"""The directory: search with JavaScript off in any language, the privacy
split, vCards, transfers moving contacts, upkeep and quarterly reminders."""

import datetime as dt

from blueprints.directory import services as svc
from blueprints.directory.models import DirectoryConfirmation, DirectoryEntry
from blueprints.employees.services import transfer
from core import clock
from core.notify import Notification
from tests.helpers import report_pdf


def test_hindi_and_english_designations_are_found_without_javascript(client, book):
    for q in ("तहसीलदार", "tehsildar", "TEHSIL"):
        response = client.get("/directory/", query_string={"q": q})
        body = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<html" in body  # a plain GET answers the whole page
        assert "Ramesh Jadhav" in body and "101" in body, q
        # grouped by office: both tehsil offices are headings
        assert body.count("<h2>") == 2
    body = client.get("/directory/", query_string={"q": "लघुलेखक"}).get_data(as_text=True)
    assert "No post or office matches." in body  # the stenographer is staff-only


def test_htmx_search_answers_the_results_fragment(client, book):
    response = client.get("/directory/?q=Jadhav", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert 'id="dir-results"' in body and "Ramesh Jadhav" in body


def test_the_public_sees_official_contacts_only(client, login_as, book):
    public = client.get("/directory/").get_data(as_text=True)
    assert "Ramesh Jadhav" in public and "tahsildar.paithan@example.gov.in" in public
    assert "9822000001" not in public  # the holder's official mobile is for staff
    assert "9899999999" not in public and "Sunita More" not in public
    staff = login_as("gp_staff").get("/directory/").get_data(as_text=True)
    assert "9822000001" in staff and "Sunita More" in staff
    assert "9899999999" not in staff  # a personal mobile never


def test_a_csc_operator_sees_the_public_directory_only(login_as, book):
    """Signed in is not staff: a private operator reads what the public reads."""
    operator = login_as("csc_operator")
    page = operator.get("/directory/").get_data(as_text=True)
    assert "Ramesh Jadhav" in page
    assert "9822000001" not in page and "Sunita More" not in page
    assert operator.get(f"/directory/contacts/{book.hidden.id}.vcf").status_code == 404
    card = operator.get(f"/directory/contacts/{book.head.id}.vcf").get_data(as_text=True)
    assert "9822000001" not in card


def test_vcard_is_utf8_devanagari_and_hidden_contacts_answer_404(client, login_as, book):
    response = client.get(f"/directory/contacts/{book.head.id}.vcf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/vcard; charset=utf-8"
    card = response.get_data().decode("utf-8")
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "FN:रमेश जाधव" in card and "NICKNAME:Ramesh Jadhav" in card
    assert "02431-223344 ext. 101" in card and "9822000001" not in card
    assert client.get(f"/directory/contacts/{book.hidden.id}.vcf").status_code == 404
    assert client.get("/directory/contacts/999999.vcf").status_code == 404
    staff = login_as("office_user").get(f"/directory/contacts/{book.hidden.id}.vcf")
    assert staff.status_code == 200 and "TEL;TYPE=CELL,WORK:9822000001" in staff.get_data(
        as_text=True
    )


def test_a_transfer_moves_the_contact(app, client, login_as, book):
    theirs = f"/directory/offices/{book.theirs.id}"
    assert "Vacant" in client.get(theirs).get_data(as_text=True)
    admin = login_as("admin")
    with app.app_context():
        transfer(
            book.officer, book.theirs, book.tehsildar, "ORD-1", None, clock.today_ist(), admin.user
        )
    assert "Ramesh Jadhav" in client.get(theirs).get_data(as_text=True)
    ours = client.get(f"/directory/offices/{book.ours.id}").get_data(as_text=True)
    assert "Ramesh Jadhav" not in ours and "Vacant" in ours


def test_an_extension_that_is_not_digits_is_refused_and_nothing_saved(app, login_as, book):
    head = login_as("office_head")
    url = f"/directory/entries/{book.head.id}/edit"
    response = head.form_post(url, data={"designation": book.tehsildar.id, "extension": "12a"})
    assert response.status_code == 400
    assert "An extension is 2 to 6 digits" in response.get_data(as_text=True)
    with app.app_context():
        assert DirectoryEntry.get_by_id(book.head.id).extension == "101"
    response = head.form_post(
        url, data={"designation": book.tehsildar.id, "extension": "110", "listed": "y"}
    )
    assert response.status_code == 303
    with app.app_context():
        assert DirectoryEntry.get_by_id(book.head.id).extension == "110"


def test_an_office_head_keeps_only_their_own_office(login_as, book):
    head = login_as("office_head")
    assert head.get(f"/directory/entries/{book.vacant.id}/edit").status_code == 404
    page = head.get(f"/directory/offices/{book.ours.id}")
    response = head.post(
        f"/directory/offices/{book.theirs.id}/confirm",
        data={
            "csrf_token": __import__("tests.helpers").helpers.csrf_from(page.get_data(as_text=True))
        },
    )
    assert response.status_code == 404


def test_a_second_entry_for_the_same_post_is_refused(app, login_as, book):
    head = login_as("office_head")
    response = head.form_post(
        f"/directory/offices/{book.ours.id}",
        f"/directory/offices/{book.ours.id}/entries",
        data={"designation": book.tehsildar.id, "extension": "555"},
    )
    assert response.status_code == 400
    assert "already has an entry for that post" in response.get_data(as_text=True)
    with app.app_context():
        assert DirectoryEntry.select().where(DirectoryEntry.extension == "555").count() == 0


def test_quarterly_reminders_until_the_head_confirms(app, login_as, book):
    head = login_as("office_head", mobile="9833300001")
    monday = dt.datetime(2026, 11, 23, 5, 0)
    with app.app_context():
        assert svc.remind_unconfirmed(monday) >= 1
        # Same week: no second SMS, and the run counts none (the outbox stopped them).
        assert svc.remind_unconfirmed(monday + dt.timedelta(hours=2)) == 0
        sent = Notification.select().where(Notification.recipient == "9833300001")
        assert sent.count() == 1
        # the holder of the head post (the tehsildar) is reminded too
        assert Notification.select().where(Notification.recipient == "9822000001").count() == 1
    response = head.form_post(
        f"/directory/offices/{book.ours.id}", f"/directory/offices/{book.ours.id}/confirm"
    )
    assert response.status_code == 303
    with app.app_context():
        assert DirectoryConfirmation.select().count() == 1
        quarter = svc.quarter_of()
        assert book.ours.id not in [o.id for o in svc.unconfirmed_offices(quarter)]


def test_pdf_and_csv_group_by_office_with_extensions(client, login_as, book):
    pdf = report_pdf(client, "/directory/directory.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    csv_text = client.get("/directory/directory.csv").get_data().decode("utf-8-sig")
    assert "Ramesh Jadhav" in csv_text and "101" in csv_text and "9822000001" not in csv_text
    staff_csv = login_as("gp_staff").get("/directory/directory.csv").get_data().decode("utf-8-sig")
    assert "9822000001" in staff_csv


def test_directory_reads_in_hindi_and_marathi(client, book):
    for lang, post in (("hi", "तहसीलदार"), ("mr", "तहसीलदार")):
        client.set_cookie("lang", lang)
        body = client.get("/directory/").get_data(as_text=True)
        assert post in body and "रमेश जाधव" in body


def test_spellings_and_scripts_meet(client, book):
    """ "tahsildar" and "tehsildar" find the Tehsildar; "जाधव" and "Jadhav"
    find the officer, whichever script the name was typed in."""
    for q in ("tahsildar", "tehsil", "Jadhav", "जाधव", "jaadhav"):
        body = client.get("/directory/", query_string={"q": q}).get_data(as_text=True)
        assert "Ramesh Jadhav" in body, q
    body = client.get("/directory/", query_string={"q": "collector"}).get_data(as_text=True)
    assert "Ramesh Jadhav" not in body


def test_search_ranks_the_post_named_exactly_first_and_needs_every_word(app, client, book):
    from blueprints.employees.models import Designation
    from tests.directory.factories import entry, holder

    with app.app_context():
        naib = Designation.create(
            code="DIRNTH",
            name_en="Naib Tahsildar",
            name_hi="नायब तहसीलदार",
            name_mr="नायब तहसीलदार",
            cadre=book.tehsildar.cadre_id,
        )
        # Listed first in its office (sort 0), as a naib often is.
        entry(book.ours, naib, extension="102", sort=0)
        DirectoryEntry.update(sort=5).where(DirectoryEntry.id == book.head.id).execute()
        holder(book.ours, naib, "D003", "Vijay Naik", "विजय नाईक")
    for q in ("tahsildar", "तहसीलदार", "Tehsildar"):
        body = client.get("/directory/", query_string={"q": q}).get_data(as_text=True)
        assert "Vijay Naik" in body, q
        assert body.index("Ramesh Jadhav") < body.index("Vijay Naik"), q
    body = client.get("/directory/", query_string={"q": "naib tahsildar"}).get_data(as_text=True)
    assert "Vijay Naik" in body and "Ramesh Jadhav" not in body
    # Every word must match: the officer is in Paithan, not Kannad.
    body = client.get("/directory/", query_string={"q": "Jadhav Kannad"}).get_data(as_text=True)
    assert "Ramesh Jadhav" not in body
    body = client.get("/directory/", query_string={"q": "Jadhav Paithan"}).get_data(as_text=True)
    assert "Ramesh Jadhav" in body
