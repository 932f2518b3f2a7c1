"""Throughput and latency under load, from a second process on loopback.

    make bench        (python -m bench.load)

wrk (Debian's package; `make setup` installs it) drives gunicorn with 2 sync
web workers, as `make run` serves the site, for BENCH_LOAD_SECONDS (10) per
route with BENCH_LOAD_CONNECTIONS (8) connections on 2 threads, asking for
compressed pages as a browser does: the public tracking page of one
application, the desk queue of an office clerk and the district manager's
pendency dashboard (each with its signed-in session cookie), beside
/healthz of the same server (one `SELECT 1`, no template, no session) as
the ceiling. Each route's figure is also shown as a share of that ceiling.
On SQLite and on PostgreSQL+Redis (rate limits in Redis), each seeded with
the demo district. Fails when a route answers anything but 200."""

import os
import re
import shutil
import subprocess
import sys

from bench.server import Backend, Client, served

SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", 10))
CONNECTIONS = int(os.environ.get("BENCH_LOAD_CONNECTIONS", 8))
THREADS = 2
BACKENDS = os.environ.get("BENCH_LOAD_BACKENDS", "sqlite postgres").split()
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url: str, cookie: str = "") -> dict:
    """One wrk run: requests/s, p50 and p99 in ms, and anything not 2xx."""
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{SECONDS}s",
        "--latency",
        "--timeout",
        "10s",
        "-H",
        "Accept-Encoding: br, gzip",
        "-H",
        "Accept-Language: en",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(  # noqa: S603 (our own command line)
        [*command, url], capture_output=True, text=True, stdin=subprocess.DEVNULL, check=True
    ).stdout
    distribution = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)$", out, re.M)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": _ms(distribution["50"]),
        "p99": _ms(distribution["99"]),
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def routes(backend: Backend, base: str) -> list[tuple[str, str, str]]:
    """(label, URL, cookie): the ceiling first. Each signed-in route is
    checked once by hand first: a redirect to /login would look fast."""
    app_id = backend.query(
        "SELECT app_id FROM application WHERE status <> 'draft' ORDER BY id LIMIT 1"
    )[0][0]
    clerk, manager = Client(base), Client(base)
    clerk.sign_in("clerk.paithan")
    manager.sign_in("collector")
    out = [
        ("ceiling: /healthz", "/healthz", ""),
        ("tracking page (public)", f"/track/{app_id}", ""),
        ("desk queue (office clerk)", "/desk/", clerk.session_cookie),
        ("dashboard (district manager)", "/pendency/", manager.session_cookie),
    ]
    for label, path, cookie in out:
        probe = Client(base)
        if cookie:
            probe.cookies["zila"] = cookie.split("=", 1)[1]
        status = probe.get(path).status
        assert status == 200, f"{label}: {path} answers {status}"
    return [(label, base + path, cookie) for label, path, cookie in out]


def run(kind: str) -> list[tuple]:
    backend = Backend(kind)
    rows = []
    try:
        backend.seed()
        with served(backend) as base:
            for label, url, cookie in routes(backend, base):
                result = wrk(url, cookie)
                rows.append((backend.label, label, result))
                print(
                    f"  {backend.label:<17} {label:<29} {result['rps']:>8.1f} req/s  "
                    f"p50 {result['p50']:>7.1f} ms  p99 {result['p99']:>7.1f} ms",
                    flush=True,
                )
    finally:
        backend.drop()
    return rows


def main() -> int:
    if shutil.which("wrk") is None:
        print("LOAD BENCH FAILED: wrk is not installed (make setup installs Debian's wrk)")
        return 1
    rows = []
    for kind in BACKENDS:
        why = Backend.available(kind)
        if why:
            print(f"{kind}: skipped ({why})")
            continue
        rows += run(kind)
    print(
        f"\nLoad from wrk on loopback: {SECONDS} s per route, {CONNECTIONS} connections, "
        f"{THREADS} threads; gunicorn with 2 sync workers; pages compressed (br)"
    )
    print(
        f"{'database':<17} {'route':<29} {'req/s':>8} {'of ceiling':>10} "
        f"{'p50 ms':>8} {'p99 ms':>8}  errors"
    )
    failed = False
    ceiling = {}
    for label, route, r in rows:
        if route.startswith("ceiling"):
            ceiling[label] = r["rps"]
        share = r["rps"] / ceiling[label] if ceiling.get(label) else 0
        problems = []
        if r["non_2xx"]:
            problems.append(f"{r['non_2xx']} not 2xx")
        if r["socket_errors"]:
            problems.append(f"socket errors: {r['socket_errors']}")
        failed |= bool(r["non_2xx"]) or r["requests"] == 0
        print(
            f"{label:<17} {route:<29} {r['rps']:>8.1f} {share:>10.0%} "
            f"{r['p50']:>8.1f} {r['p99']:>8.1f}  {'; '.join(problems) or '-'}"
        )
    if failed:
        print("LOAD BENCH FAILED: a route answered something other than 200 (see above)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
