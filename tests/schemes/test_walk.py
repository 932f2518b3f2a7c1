"""The guard walks of tests/test_access.py, test_budget.py and
core/test_i18n.py restricted to the scheme routes, so that this area's pages
are checked even while another area's routes are being built."""

import pytest

from tests.core.test_i18n import english_words
from tests.schemes.walk import walk_values
from tests.test_access import (
    ANONYMOUS,
    WHO,
    browser_for,
    get_rules,
    may_see,
    rule_for,
    urls_for_rule,
)
from tests.test_budget import page_over_budget


def scheme_urls(app, place, user):
    values = walk_values(app, place, user)
    return [
        (rule.endpoint, url)
        for rule in get_rules(app)
        if rule.endpoint.startswith("schemes.")
        for url in urls_for_rule(app, rule, values, {})
    ]


@pytest.mark.parametrize("who", WHO)
def test_scheme_pages_answer_by_rule_fit_the_budget_and_read_in_marathi(
    who, app, client, login_as, place
):
    browser = browser_for(who, client, login_as)
    user = browser.user if who != ANONYMOUS else None
    failures = []
    urls = scheme_urls(app, place, user)
    assert len(urls) >= 12
    for endpoint, url in urls:
        rule = rule_for(app, endpoint)
        browser.set_cookie("lang", "en")
        status = browser.get(url, buffered=True).status_code
        if not may_see(rule, who):
            want = 302 if who == ANONYMOUS else 403
            if status != want:
                failures.append(f"{url}: want {want}, got {status}")
            continue
        if status != 200:
            failures.append(f"{url}: want 200, got {status}")
            continue
        for lang in ("en", "mr", "hi"):
            browser.set_cookie("lang", lang)
            over = page_over_budget(browser, url)
            if over:
                failures.append(over)
            if lang != "en":
                response = browser.get(url)
                if response.mimetype == "text/html":
                    names = {user.username, *user.username.split("-")} if user else set()
                    words = english_words(response.get_data(as_text=True), names)
                    if words:
                        failures.append(f"{url} ({lang}): English left {sorted(words)}")
    assert failures == [], "\n".join(failures)
