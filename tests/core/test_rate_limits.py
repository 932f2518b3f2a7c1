"""The configured rate limits hold as the portal is served: one process with
threads on the embedded default (gunicorn_conf.py), shared Redis counters
when several processes run."""

import os
import runpy
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from tests.helpers import Browser, csrf_from

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")


def served_with(monkeypatch, **env):
    for name in ("REDIS_URL", "RATELIMIT_STORAGE_URI", "WEB_WORKERS", "WEB_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn_conf.py"))


def test_without_redis_the_portal_runs_one_process_with_threads(monkeypatch):
    conf = served_with(monkeypatch, WEB_WORKERS="4")
    assert conf["workers"] == 1
    assert conf["threads"] >= 4 and conf["worker_class"] == "gthread"


def test_with_redis_several_processes_may_run(monkeypatch):
    conf = served_with(monkeypatch, REDIS_URL="redis://127.0.0.1:6379/0", WEB_WORKERS="3")
    assert conf["workers"] == 3


def test_make_run_serves_with_that_configuration():
    run = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    (server,) = [line for line in run.splitlines() if "bin/gunicorn" in line]
    assert "gunicorn -c gunicorn_conf.py" in server
    assert " -w " not in server and "--workers" not in server


def login_posts(app, n):
    """n sign-in posts at once, each from its own browser with its own form."""
    browsers = [Browser(app.test_client()) for _ in range(n)]
    tokens = [csrf_from(b.get("/login").get_data(as_text=True)) for b in browsers]
    barrier = threading.Barrier(n)
    codes = []

    def post(browser, token):
        barrier.wait()
        data = {"csrf_token": token, "username": "nobody", "password": "x"}
        codes.append(browser.post("/login", data=data).status_code)

    threads = [
        threading.Thread(target=post, args=pair) for pair in zip(browsers, tokens, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return codes


def test_the_login_limit_holds_across_threads_of_the_process(app):
    codes = login_posts(app, 16)
    assert sorted(codes) == [401] * 10 + [429] * 6


SECOND_INSTANCE = """
import sys
from app import create_app
from tests.helpers import Browser
app = create_app({"DATABASE_URL": sys.argv[1], "RATELIMIT_STORAGE_URI": sys.argv[2],
                  "RATELIMIT_KEY_PREFIX": sys.argv[3]})
browser = Browser(app.test_client())
data = {"username": "nobody", "password": "x"}
codes = [browser.form_post("/login", data=data).status_code for _ in range(int(sys.argv[4]))]
print(" ".join(map(str, codes)))
"""


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: no shared limiter storage")
def test_the_login_limit_holds_across_two_processes_sharing_redis(template_db, tmp_path):
    """Two app instances in two processes, as two gunicorn workers are."""
    import shutil

    db_path = tmp_path / "zila.db"
    if template_db is not None:
        shutil.copy(template_db, db_path)
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{db_path}"
    prefix = f"test-{uuid.uuid4().hex}"

    def instance(n):
        out = subprocess.run(
            [sys.executable, "-c", SECOND_INSTANCE, url, REDIS_URL, prefix, str(n)],
            cwd=ROOT,
            env={**os.environ, "ZILA_ENV": "test"},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return out.stdout.split()

    first, second = instance(6), instance(6)
    assert first == ["401"] * 6
    assert second == ["401"] * 4 + ["429"] * 2
