"""The crash run: operators file over HTTP while the server is killed with
SIGKILL and restarted, then the database must hold every acknowledged
application exactly once, complete. Not a test: it needs a real gunicorn
and a minute per backend.

    make bench        (python -m bench.crash)

BENCH_CRASH_OPERATORS (8) CSC operator accounts made for the bench, each at
its own CSC and connecting from its own loopback address, file applications
through the real forms (bench.filing's flow: CSRF, photo uploads, redirects
followed, the submit that returns the acknowledged ID) against gunicorn
started as `make run` starts it (gunicorn_conf.py, wsgi:app; 127.0.0.1) for
BENCH_CRASH_SECONDS (60) and at least 5 s after the last restart, each
finishing the application in hand. Meanwhile the server's whole process
group is killed with SIGKILL BENCH_CRASH_KILLS (5) times, at random moments
(BENCH_CRASH_SEED, 14) between a tenth and nine tenths of those seconds (a
second of service at least between two kills), and started again on the
same port each time. An
operator whose request finds no server sends the same request again (the
same form; for Submit, the same one-time token) until it is answered, as a
person at a counter presses it again; one whose first Submit was answered
only on a retry reads the ID off the application's page, the confirmation
having been lost with the first answer.

Afterwards, with the server stopped, by plain SQL: every acknowledged ID is
on exactly one application, the one it was acknowledged for (else lost, or
doubled when on several); no submitted application was left unacknowledged
(a filing done twice); each acknowledged application has its ledger lines
(the government fee, and user-charge lines adding up to the user charge)
and exactly one submission event; no draft has an ID, a ledger line or an
event. Drafts left over (a "new application" whose answer was lost, filed
again) are allowed and counted. Prints one line per backend (also the
longest restart, how many IDs were read off the application's page, and
how many requests were sent again); exits 1 on anything lost, doubled or
missing, on an operator who gave up (PATIENCE, 120 s, on one request), or
when no kill or no filing happened.

BENCH_CRASH_BACKENDS ("sqlite postgres"): PostgreSQL+Redis only when
reachable (bench.server's BENCH_PG_ADMIN), in a database of its own
(zila_bench_crash) and Redis BENCH_CRASH_REDIS (redis://127.0.0.1:6379/13),
so that it can run beside the other parts and never touches the test
suite's. Every server it starts is stopped, however it ends."""

import http.client
import os
import random
import re
import sys
import threading
import time

from bench.filing import ACKNOWLEDGED, SERVICE_CODE, Filing, photo_jpeg
from bench.server import Answer, Backend, Client, Forms, Server

OPERATORS = int(os.environ.get("BENCH_CRASH_OPERATORS", 8))
KILLS = int(os.environ.get("BENCH_CRASH_KILLS", 5))
SECONDS = float(os.environ.get("BENCH_CRASH_SECONDS", 60))
SEED = int(os.environ.get("BENCH_CRASH_SEED", 14))
BACKENDS = os.environ.get("BENCH_CRASH_BACKENDS", "sqlite postgres").split()
PG_NAME = "zila_bench_crash"
REDIS_URL = os.environ.get("BENCH_CRASH_REDIS", "redis://127.0.0.1:6379/13")
# How long an operator keeps pressing again before giving up (a failure):
# longer than a restart on a busy machine.
PATIENCE = 120
# The application's page, after a Submit answered only on a retry.
ID_ON_PAGE = re.compile(r'<h1><span class="mono" translate="no">([^<]+)</span></h1>')
NO_SERVER = (OSError, http.client.HTTPException)  # refused, reset, cut short


class Retrying(Forms):
    """A counter's browser: a request that finds no server (refused, or cut
    off by the kill) is sent again, unchanged, until it is answered."""

    def __init__(self, client: Client):
        self.client = client
        self.retries = 0

    def request(self, method, path, body=None, headers=None) -> Answer:
        give_up = time.monotonic() + PATIENCE
        while True:
            try:
                return self.client.request(method, path, body, headers)
            except NO_SERVER:
                self.client.connection.close()
                if time.monotonic() > give_up:
                    raise
                self.retries += 1
                time.sleep(0.25)


def acknowledged_id(page: Answer) -> tuple[str, bool]:
    """(the ID the operator was shown, whether only the application's page
    showed it)."""
    found = ACKNOWLEDGED.search(page.text)
    if found:
        return found.group(1), False
    found = ID_ON_PAGE.search(page.text)
    assert found, f"no ID after Submit on {page.text[:300]}"
    return found.group(1), True


def crash_run(backend: Backend, operators: int, kills: int, seconds: float) -> dict:
    service_id = backend.query("SELECT id FROM service WHERE code = %s", (SERVICE_CODE,))[0][0]
    photo = photo_jpeg()
    server = Server(backend)
    done, errors, lock = [], [], threading.Lock()
    try:
        server.start()
        browsers = []
        for i in range(1, operators + 1):
            browser = Retrying(Client(server.base, source=f"127.0.0.{10 + i}"))
            browser.sign_in(f"{backend.operator_prefix}{i}")
            browsers.append(browser)
        started = time.monotonic()
        enough = threading.Event()

        def operator(browser):
            filing = Filing(browser, service_id, photo)
            while not enough.is_set():
                try:
                    pk, token = filing.draft()
                    app_id, on_retry = acknowledged_id(filing.submit(pk, token))
                except Exception as err:  # noqa: BLE001 (reported below, fails the run)
                    with lock:
                        errors.append(f"operator gave up: {err!r}"[:300])
                    return
                with lock:
                    done.append((pk, app_id, on_retry))

        threads = [threading.Thread(target=operator, args=(b,), daemon=True) for b in browsers]
        for thread in threads:
            thread.start()
        rng = random.Random(SEED)
        moments = sorted(rng.uniform(0.1, 0.9) * seconds for _ in range(kills))
        downtimes = []
        for moment in moments:
            # At least a second of service between kills, whatever the draw.
            time.sleep(max(started + moment - time.monotonic(), 1.0))
            killed = time.monotonic()
            server.kill()
            server.start()
            downtimes.append(time.monotonic() - killed)
        # Filing goes on after the last restart too: the kill is over only
        # when the server works again.
        time.sleep(max(started + seconds - time.monotonic(), 5.0))
        enough.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    result = check(backend, done)
    result.update(
        backend=backend.label,
        operators=operators,
        kills=len(downtimes),
        down=max(downtimes, default=0.0),
        seconds=elapsed,
        retries=sum(b.retries for b in browsers),
    )
    result["problems"] = errors + result["problems"]
    return result


def check(backend: Backend, done: list[tuple[int, str, bool]]) -> dict:
    """The database against what the operators were told, by plain SQL."""
    mine = 'FROM application a JOIN "user" u ON a.operator_id = u.id WHERE u.username LIKE %s'
    operators = (backend.operator_prefix + "%",)
    apps = {
        pk: (app_id, status, fee, charge)
        for pk, app_id, status, fee, charge in backend.query(
            f"SELECT a.id, a.app_id, a.status, a.govt_fee, a.user_charge {mine}", operators
        )
    }
    ledger, events = {}, {}
    for pk, party, amount in backend.query(
        f"SELECT l.application_id, l.party, l.amount FROM ledger_line l WHERE l.application_id "
        f"IN (SELECT a.id {mine})",
        operators,
    ):
        ledger.setdefault(pk, []).append((party, amount))
    for pk, from_status, to_status in backend.query(
        f"SELECT e.application_id, e.from_status, e.to_status FROM application_event e "
        f"WHERE e.application_id IN (SELECT a.id {mine})",
        operators,
    ):
        events.setdefault(pk, []).append((from_status, to_status))

    by_id = {}
    for pk, (app_id, status, _fee, _charge) in apps.items():
        if status != "draft":
            by_id.setdefault(app_id, []).append(pk)
    problems, lost, doubled, no_ledger, no_event = [], 0, 0, 0, 0
    told = [app_id for _pk, app_id, _r in done]
    for app_id in sorted({i for i in told if told.count(i) > 1}):
        doubled += 1
        problems.append(f"{app_id} acknowledged for two filings")
    for pk, app_id, _r in done:
        where = by_id.get(app_id, [])
        if where == [pk]:
            pass
        elif len(where) > 1:
            doubled += 1
            problems.append(f"{app_id} on applications {where}")
            continue
        else:
            lost += 1
            problems.append(f"{app_id} (application {pk}) lost: in the database as {where}")
            continue
        _id, _status, fee, charge = apps[pk]
        lines = ledger.get(pk, [])
        govt = sum(a for party, a in lines if party == "govt")
        user = sum(a for party, a in lines if party != "govt")
        if govt != fee or user != charge or (fee and not any(p == "govt" for p, _a in lines)):
            no_ledger += 1
            problems.append(f"{app_id}: ledger {lines}, fee {fee} and user charge {charge}")
        submissions = events.get(pk, []).count(("draft", "submitted"))
        if submissions == 0:
            no_event += 1
            problems.append(f"{app_id}: no submission event")
        elif submissions > 1:
            doubled += 1
            problems.append(f"{app_id}: {submissions} submission events")
    unseen = set(by_id) - set(told)
    if unseen:
        doubled += len(unseen)
        problems.append(f"{len(unseen)} submitted but never acknowledged: {sorted(unseen)[:5]}")
    drafts = [pk for pk, (_i, status, _f, _c) in apps.items() if status == "draft"]
    half = [pk for pk in drafts if apps[pk][0] or pk in ledger or pk in events]
    if half:
        problems.append(f"{len(half)} drafts half-submitted (ID, ledger or event): {half[:5]}")
    return {
        "acknowledged": len(done),
        "on_retry": sum(1 for _pk, _i, on_retry in done if on_retry),
        "lost": lost,
        "doubled": doubled,
        "no_ledger": no_ledger,
        "no_event": no_event,
        "drafts": len(drafts),
        "problems": problems,
    }


def report(results: list[dict]) -> int:
    print(
        f"\nCrash run over HTTP: gunicorn as `make run` serves, killed (SIGKILL to its process "
        f"group) and restarted while each operator at its own CSC files {SERVICE_CODE}"
    )
    print(
        f"{'database':<17} {'operators':>9} {'kills':>5} {'max down':>8} {'acked':>6} "
        f"{'on retry':>8} {'lost':>5} {'doubled':>7} {'no ledger':>9} {'no event':>8} "
        f"{'drafts left':>11} {'retries':>7} {'duration':>8}"
    )
    failed = False
    for r in results:
        print(
            f"{r['backend']:<17} {r['operators']:>9} {r['kills']:>5} {r['down']:>7.1f}s "
            f"{r['acknowledged']:>6} {r['on_retry']:>8} {r['lost']:>5} {r['doubled']:>7} "
            f"{r['no_ledger']:>9} {r['no_event']:>8} {r['drafts']:>11} {r['retries']:>7} "
            f"{r['seconds']:>7.0f}s"
        )
        for problem in r["problems"][:10]:
            print(f"  !! {problem}")
        if not r["kills"] or not r["acknowledged"]:
            print("  !! no kill or no filing: the run proves nothing")
        failed |= bool(r["problems"]) or not r["kills"] or not r["acknowledged"]
    if failed:
        print("CRASH BENCH FAILED: an application was lost, doubled or left incomplete (see above)")
    return 1 if failed else 0


def main() -> int:
    results = []
    for kind in BACKENDS:
        why = Backend.available(kind)
        if why:
            print(f"{kind}: skipped ({why})")
            continue
        backend = Backend(kind, pg_name=PG_NAME, redis_url=REDIS_URL)
        try:
            backend.seed(operators=OPERATORS)
            results.append(crash_run(backend, OPERATORS, KILLS, SECONDS))
        finally:
            backend.drop()
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
