"""A real Zila for the benchmarks: the demo district seeded into a throwaway
database, served by gunicorn as `make run` serves it (gunicorn_conf.py) on
127.0.0.1, and an HTTP client that signs in and posts the real forms.

The benchmarks that drive it from outside (bench.network, bench.load,
bench.crash and the concurrent part of bench.filing) never import the app:
what they know of the server comes over HTTP, and what they check in the
database, by plain SQL.

Backends: "sqlite" (a file in a temporary instance folder) and "postgres"
(PostgreSQL database zila_bench, created afresh through BENCH_PG_ADMIN, with
Redis db 14 for rate limits and the task queue; a part may name its own).
Environment: BENCH_PG_ADMIN (default postgresql://postgres@127.0.0.1:5432/test),
BENCH_REDIS (default redis://127.0.0.1:6379/14), BENCH_WORKERS (2)."""

import contextlib
import http.client
import http.cookies
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyotp

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_ADMIN = os.environ.get("BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/test")
PG_NAME = "zila_bench"
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
# Shared by every demo user (blueprints/masters/demo_data.py); read here
# as text so that this module never imports the app.
DEMO_PASSWORD_RE = re.compile(r'^DEMO_PASSWORD = "([^"]+)"', re.M)
DEMO_TOTP_SECRET = "ZILADEMO" * 4
BENCH_OPERATORS = "bench.op"
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def demo_password() -> str:
    source = (ROOT / "blueprints/masters/demo_data.py").read_text()
    return DEMO_PASSWORD_RE.search(source).group(1)


# --- the database ------------------------------------------------------------


class Backend:
    """A seeded database and the environment a server needs to use it.
    `pg_name` and `redis_url`: a bench part that may run beside another
    gets a database and a Redis db of its own."""

    def __init__(self, kind: str, pg_name: str = PG_NAME, redis_url: str = REDIS_URL):
        self.kind = kind
        self.pg_name = pg_name
        self.redis_url = redis_url
        self.operator_prefix = BENCH_OPERATORS
        self.label = {"sqlite": "SQLite", "postgres": "PostgreSQL+Redis"}[kind]
        self.tmp = tempfile.mkdtemp(prefix=f"zila-bench-{kind}-")
        self.env = {
            **os.environ,
            "ZILA_INSTANCE": self.tmp,
            "ZILA_ENV": "production",
            "ZILA_INSECURE_COOKIES": "1",  # plain HTTP on loopback
            "PUBLIC_URL": "http://127.0.0.1",  # production requires it; ports are not compared
            "ZILA_DEFAULT_LOCALE": "en",
            "NOTIFY_BACKEND": "log",
            # The load comes from one address; the limit is a per-client guard.
            "TRACK_RATE_LIMIT": "1000000 per minute",
            "DATABASE_URL": f"sqlite:///{self.tmp}/zila.db",
            "REDIS_URL": "",
        }
        if kind == "postgres":
            self.env["DATABASE_URL"] = f"{PG_ADMIN.rsplit('/', 1)[0]}/{pg_name}"
            self.env["REDIS_URL"] = redis_url

    @staticmethod
    def available(kind: str) -> str:
        """'' when the backend can run here, else why not."""
        if kind == "sqlite":
            return ""
        try:
            import psycopg2
            import redis

            psycopg2.connect(PG_ADMIN, connect_timeout=3).close()
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
        except Exception as err:  # noqa: BLE001 (any failure: skip with the reason)
            return str(err).strip().splitlines()[0]
        return ""

    def _admin(self, sql: str) -> None:
        import psycopg2

        admin = psycopg2.connect(PG_ADMIN)
        admin.autocommit = True
        try:
            admin.cursor().execute(sql)
        finally:
            admin.close()

    def _flush_redis(self) -> None:
        import redis

        redis.Redis.from_url(self.redis_url).flushdb()

    def flask(self, *args: str) -> str:
        out = subprocess.run(  # noqa: S603 (our own command line)
            [str(VENV_BIN / "flask"), "--app", "app", *args],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        if out.returncode:
            raise RuntimeError(f"flask {' '.join(args)} failed:\n{out.stdout}{out.stderr}")
        return out.stdout

    def seed(self, operators: int = 0) -> None:
        """init-db, seed-demo, and `operators` CSC operator accounts
        (bench.op1...) at distinct active CSCs, password DEMO_PASSWORD."""
        if self.kind == "postgres":
            self._admin(f"DROP DATABASE IF EXISTS {self.pg_name} WITH (FORCE)")
            self._admin(f"CREATE DATABASE {self.pg_name}")
            self._flush_redis()
        started = time.perf_counter()
        self.flask("init-db")
        self.flask("seed-demo")
        if operators:
            self._make_operators(operators)
        print(
            f"{self.label}: demo district seeded in {time.perf_counter() - started:.0f} s",
            flush=True,
        )

    def _make_operators(self, n: int) -> None:
        codes = [
            row[0]
            for row in self.query(
                "SELECT c.code FROM csc c WHERE c.status = 'active' AND c.id NOT IN "
                '(SELECT u.csc_id FROM "user" u WHERE u.csc_id IS NOT NULL) '
                f"ORDER BY c.id LIMIT {int(n)}"
            )
        ]
        assert len(codes) == n, f"only {len(codes)} active CSCs without an operator"
        env = {**self.env, "ZILA_PASSWORD": demo_password()}
        # One process for all: each `flask create-user` would load the app again.
        script = (
            "import sys\n"
            "from wsgi import app\n"
            "from blueprints.accounts.services import create_user\n"
            "from core.db import db\n"
            "import os\n"
            "with app.app_context(), db.connection_context():\n"
            "    for i, code in enumerate(sys.argv[1:], start=1):\n"
            f"        create_user(None, username='{BENCH_OPERATORS}%d' % i, "
            "full_name='Bench operator %d' % i, role='csc_operator', "
            "password=os.environ['ZILA_PASSWORD'], binding_code=code)\n"
        )
        self._run_python(script, *codes, env=env)

    def _run_python(self, script: str, *args: str, env=None) -> None:
        subprocess.run(  # noqa: S603 (our own script; arguments from our database)
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            env=env or self.env,
            stdin=subprocess.DEVNULL,
            check=True,
        )

    def query(self, sql: str, params=()) -> list[tuple]:
        """Plain SQL on the bench database (%s placeholders)."""
        if self.kind == "sqlite":
            import sqlite3

            connection = sqlite3.connect(self.env["DATABASE_URL"][len("sqlite:///") :])
            try:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
            finally:
                connection.close()
        import psycopg2

        connection = psycopg2.connect(self.env["DATABASE_URL"])
        try:
            cursor = connection.cursor()
            cursor.execute(sql, params)
            return cursor.fetchall()
        finally:
            connection.close()

    def drop(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self.kind == "postgres":
            with contextlib.suppress(Exception):
                self._admin(f"DROP DATABASE IF EXISTS {self.pg_name} WITH (FORCE)")
                self._flush_redis()


# --- the server --------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1:`port` in a process group of its own (the
    workers stop with it): with `workers` sync workers, or without them
    exactly as `make run` serves (gunicorn_conf.py). start() can follow
    kill() or stop(): the same port again."""

    def __init__(self, backend: Backend, workers: int | None = None, port: int | None = None):
        self.backend = backend
        self.workers = workers
        self.port = port or _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(backend.tmp) / "gunicorn.log"
        self.process = None
        self.log = None

    def start(self) -> None:
        """Start, and return once /healthz answers (within 60 s)."""
        self.log = open(self.log_path, "a")  # noqa: SIM115 (closed in _reap)
        self.process = subprocess.Popen(  # noqa: S603 (our own command line)
            [str(VENV_BIN / "gunicorn")]
            + (["-w", str(self.workers)] if self.workers else ["-c", "gunicorn_conf.py"])
            + ["-b", f"127.0.0.1:{self.port}", "wsgi:app"],
            cwd=ROOT,
            env=self.backend.env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: the workers stop with it
        )
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited:\n" + self.log_path.read_text()[-3000:])
            with contextlib.suppress(OSError):
                if Client(self.base).get("/healthz").status == 200:
                    return
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /healthz within 60 s")
            time.sleep(0.3)

    def kill(self) -> None:
        """SIGKILL to the whole group at once: no worker finishes its request."""
        if self.process:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self._reap()

    def stop(self) -> None:
        """SIGTERM (a graceful stop), SIGKILL after 15 s."""
        if self.process:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> None:
        self.process.wait()
        self.process = None
        self.log.close()


@contextlib.contextmanager
def served(backend: Backend, workers: int = WORKERS):
    """A Server's base URL (`workers` sync workers), the server stopped
    however the block ends."""
    server = Server(backend, workers)
    try:
        server.start()
        yield server.base
    finally:
        server.stop()


def _stop_on_signal(signum, _frame):
    # make bench interrupted: unwind, so every `served` block stops its server.
    raise KeyboardInterrupt(f"signal {signum}")


signal.signal(signal.SIGTERM, _stop_on_signal)


# --- an HTTP client that keeps its cookies -----------------------------------


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body
        self.location = headers.get("Location", "")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Forms:
    """What a person does with the site's forms, over any `request`: GET a
    page, POST a form (urlencoded, or multipart with files), read its CSRF
    token, sign in (with the TOTP code where the role needs one)."""

    CSRF = CSRF

    def request(self, method, path, body=None, headers=None) -> Answer:
        raise NotImplementedError

    def get(self, path: str) -> Answer:
        parts = urlsplit(path)  # a redirect's Location may be absolute
        return self.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))

    def post(self, path: str, data: dict, files: dict | None = None) -> Answer:
        if files:
            boundary = uuid.uuid4().hex
            body = _multipart(boundary, data, files)
            kind = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(data).encode()
            kind = "application/x-www-form-urlencoded"
        return self.request("POST", path, body, {"Content-Type": kind})

    def token(self, path: str) -> str:
        return CSRF.search(self.get(path).text).group(1)

    def sign_in(self, username: str, password: str | None = None) -> None:
        password = password or demo_password()
        answer = self.post(
            "/login",
            {"csrf_token": self.token("/login"), "username": username, "password": password},
        )
        if answer.location.endswith("/login/code"):
            # The next step's code: the current one may be spent already.
            code = pyotp.TOTP(DEMO_TOTP_SECRET).at(time.time() + 30)
            answer = self.post(
                "/login/code", {"csrf_token": self.token("/login/code"), "code": code}
            )
        assert answer.status in (302, 303), f"{username} could not sign in ({answer.status})"
        assert self.get("/account").status == 200, f"{username} is not signed in"


class Client(Forms):
    """A browser's worth of HTTP for one person: one connection (reopened
    when gunicorn closes it), the cookies it is given, no redirects
    followed. `source` is the local address it connects from: each bench
    operator has its own (127.0.0.N), as each CSC has its own IP, so the
    per-client sign-in limit sees distinct clients."""

    def __init__(self, base: str, source: str = "127.0.0.1"):
        parts = urlsplit(base)
        self.connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=120, source_address=(source, 0)
        )
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, headers=None) -> Answer:
        sent = {"Accept-Language": "en", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=sent)
        response = self.connection.getresponse()
        body = response.read()
        if response.will_close:
            self.connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Answer(response.status, response.headers, body)

    @property
    def session_cookie(self) -> str:
        return f"zila={self.cookies['zila']}"


class InProcess(Forms):
    """The same forms through Flask's test client (it keeps the cookies)."""

    def __init__(self, test_client):
        self.test_client = test_client

    def request(self, method, path, body=None, headers=None) -> Answer:
        r = self.test_client.open(path, method=method, data=body, headers=headers or {})
        return Answer(r.status_code, r.headers, r.get_data())


def _multipart(boundary: str, data: dict, files: dict) -> bytes:
    out = []
    for name, value in data.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        out.append(f"{head}{value}\r\n".encode())
    for name, (filename, content, mimetype) in files.items():
        out.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mimetype}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out)
