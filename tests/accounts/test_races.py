"""Check-then-write races an attacker can run: one TOTP code in several
sessions at once, and many wrong passwords at once against the limit."""

import threading
import time

import pyotp
import pytest

from blueprints.accounts import services
from core.audit import AuditEvent
from tests.accounts.helpers import WRONG, post_login, user_of
from tests.helpers import Browser

N = 6


@pytest.fixture
def roomy_limits(app):
    """The per-minute rate limit is tested elsewhere; here only the counters."""
    app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"


def at_once(calls):
    """Run the calls in threads released together; return their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def slowed(monkeypatch, name, seconds):
    """Widen the window between the read and the write, as a loaded server does."""
    real = getattr(services, name)
    calls = []

    def slow(*args, **kwargs):
        calls.append(1)
        result = real(*args, **kwargs)
        time.sleep(seconds)
        return result

    monkeypatch.setattr(services, name, slow)
    return calls


def test_one_code_posted_by_several_sessions_signs_in_only_one(
    app, place, monkeypatch, roomy_limits
):
    user = user_of(app, "district_manager", place)
    browsers = [Browser(app.test_client()) for _ in range(N)]
    for browser in browsers:
        assert post_login(browser, user.username).location == "/login/code"
    if time.time() % 30 > 25:  # the code must stay the current one throughout
        time.sleep(5.5)
    code = pyotp.TOTP(user.totp_secret).now()
    forms = [b.form_post for b in browsers]
    slowed(monkeypatch, "verify_totp", 0.3)
    results = at_once([lambda f=f: f("/login/code", data={"code": code}) for f in forms])
    statuses = sorted(r.status_code for r in results)
    assert statuses == [303] + [401] * (N - 1)


def test_concurrent_wrong_passwords_check_at_most_the_limit(app, place, monkeypatch, roomy_limits):
    user = user_of(app, "csc_operator", place)
    limit = app.config["LOGIN_MAX_FAILURES"]
    browsers = [Browser(app.test_client()) for _ in range(2 * limit + 2)]
    for browser in browsers:
        browser.get("/login")
    checks = slowed(monkeypatch, "verify_password", 0.2)
    results = at_once([lambda b=b: post_login(b, user.username, WRONG) for b in browsers])
    assert len(checks) <= limit
    assert all(r.status_code in (401, 429) for r in results)
    with app.app_context():
        locks = AuditEvent.select().where(
            (AuditEvent.action == "account.locked") & (AuditEvent.object_id == str(user.id))
        )
        assert locks.count() == 1
