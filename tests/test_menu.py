"""The main menu offers each role only what it may open: a link that answers
403 is a promise the portal does not keep (a CSC operator was offered the
employee register and the VC pages after they became staff-only)."""

import re

import pytest

from core.access import STAFF_ROLES

MENU = re.compile(r'<nav class="menu"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'href="([^"]+)"')


@pytest.mark.parametrize("who", STAFF_ROLES)
def test_every_menu_link_opens_for_its_role(who, login_as):
    browser = login_as(who)
    menu = MENU.search(browser.get("/").get_data(as_text=True))
    assert menu, "the home page has no main menu"
    refused = []
    for url in LINK.findall(menu.group(1)):
        if url.endswith("/logout"):
            continue
        status = browser.get(url).status_code
        if status == 403:
            refused.append(url)
    assert refused == [], f"{who} is offered links it may not open: {refused}"
