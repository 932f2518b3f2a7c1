"""The outbox: search by recipient or text, filters by channel and status,
a keyset page at a time newest first, every filter kept while paging."""

import datetime as dt
import re

import pytest

from core.notify import Notification
from tests.helpers import text

NEXT = re.compile(r'href="([^"]+)" rel="next"')
PREV = re.compile(r'href="([^"]+)" rel="prev"')
STAMP = dt.datetime(2026, 3, 2, 4, 0)


def messages(app, rows):
    """(channel, recipient, body, status) rows, each made a minute before the
    one before it."""
    with app.app_context():
        Notification.insert_many(
            [
                {
                    "channel": channel,
                    "recipient": recipient,
                    "body": body,
                    "status": status,
                    "created_at": STAMP - dt.timedelta(minutes=n),
                }
                for n, (channel, recipient, body, status) in enumerate(rows)
            ]
        ).execute()


def bodies(page: str) -> list[str]:
    return re.findall(r"\b(Message \d+)\b", page)


def link(pattern, page: str) -> str:
    return pattern.search(page).group(1).replace("&amp;", "&")


def test_search_by_recipient_and_text_and_filter_by_channel_and_status(app, admin):
    messages(
        app,
        [
            ("sms", "9811111111", "Message 1: certificate ready", "sent"),
            ("email", "clerk@example.gov.in", "Message 2: tasks due", "queued"),
            ("sms", "9822222222", "Message 3: प्रमाणपत्र तयार", "failed"),
            ("email", "head@example.gov.in", "Message 4: certificate signed", "sent"),
        ],
    )
    assert bodies(text(admin.get("/admin/outbox?q=98111"))) == ["Message 1"]
    assert bodies(text(admin.get("/admin/outbox?q=CERTIFICATE"))) == ["Message 1", "Message 4"]
    assert bodies(text(admin.get("/admin/outbox?q=प्रमाणपत्र"))) == ["Message 3"]
    assert bodies(text(admin.get("/admin/outbox?channel=email"))) == ["Message 2", "Message 4"]
    assert bodies(text(admin.get("/admin/outbox?status=sent"))) == ["Message 1", "Message 4"]
    both = text(admin.get("/admin/outbox?q=certificate&channel=email&status=sent"))
    assert bodies(both) == ["Message 4"]
    assert 'value="certificate"' in both
    assert '<option value="email" selected>' in both and '<option value="sent" selected>' in both
    assert "No messages." in text(admin.get("/admin/outbox?q=nobody-at-all"))


def test_the_outbox_pages_by_keyset_and_keeps_its_filters(app, admin):
    messages(app, [("sms", f"98{n:08d}", f"Message {n}", "sent") for n in range(130)])
    messages(app, [("email", "x@example.gov.in", "Message 999", "sent")])  # filtered out
    url, seen = "/admin/outbox?channel=sms", []
    while url:
        page = text(admin.get(url))
        seen += bodies(page)
        url = link(NEXT, page) if NEXT.search(page) else None
        assert url is None or "channel=sms" in url
    assert seen == [f"Message {n}" for n in range(130)]
    last = text(admin.get("/admin/outbox?channel=sms&after=" + "x"))  # garbled: first page
    assert bodies(last)[:1] == ["Message 0"]
    second = text(admin.get(link(NEXT, text(admin.get("/admin/outbox?channel=sms")))))
    back = text(admin.get(link(PREV, second)))
    assert bodies(back) == [f"Message {n}" for n in range(50)]


@pytest.mark.parametrize(
    ("lang", "label", "refused"),
    [
        ("en", "Recipient or text contains", "Choose a channel from the list."),
        ("hi", "प्राप्तकर्ता या पाठ में शामिल", "सूची में से माध्यम चुनें।"),
        ("mr", "प्राप्तकर्ता किंवा मजकुरात असलेले", "यादीतून माध्यम निवडा."),
    ],
)
def test_the_filters_read_in_each_language_and_refuse_a_made_up_channel(
    app, admin, lang, label, refused
):
    messages(app, [("sms", "9811111111", "Message 1", "sent")])
    admin.set_cookie("lang", lang)
    page = text(admin.get("/admin/outbox"))
    assert label in page and '<form class="search" method="get"' in page
    response = admin.get("/admin/outbox?channel=pigeon")
    assert response.status_code == 400
    assert refused in text(response) and bodies(text(response)) == ["Message 1"]
