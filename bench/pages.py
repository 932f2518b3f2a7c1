"""Page weight of every GET route on the demo district, as each role sees it.

    make bench            (python -m bench.pages)

Seeds the demo district into a throwaway instance folder (`flask seed-demo`,
so every area's demo data is there), then walks every GET route of the URL
map as every demo role: new areas' pages are picked up without listing them.
Prints raw, gzip and brotli bytes per page and the site's CSS+JS, and fails
naming each page that breaks the 14 KB budget or answers with a server
error. Sizes are deterministic; timings are medians of repeated renders."""

import gzip
import os
import statistics
import sys
import time

import brotli
import pyotp

from bench.server import Backend

PAGE_BUDGET = 14 * 1024
ASSET_BUDGET = 25 * 1024
ROLES_TO_USERS = {
    "anonymous": None,
    "csc_operator": "vle.bidkin",
    "gp_staff": "gramsevak.bidkin",
    "office_user": "clerk.paithan",
    "office_head": "tahsildar.paithan",
    "block_officer": "bdo.paithan",
    "district_manager": "collector",
    "admin": "admin",
}


def sign_in(client, username):
    import re

    from blueprints.accounts.models import User
    from blueprints.masters.demo_data import DEMO_PASSWORD
    from core.db import db

    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    r = client.post(
        "/login", data={"csrf_token": token, "username": username, "password": DEMO_PASSWORD}
    )
    if r.location and r.location.endswith("/login/code"):
        with db.connection_context():
            user = User.get(User.username == username)
            # The next step's code: the current one may already be spent.
            code = pyotp.TOTP(user.totp_secret).at(time.time() + 30)
        page = client.get("/login/code").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        client.post("/login/code", data={"csrf_token": token, "code": code})


def urls(app):
    out = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments - {
            "gp_id",
            "block_id",
            "tehsil_id",
            "office_id",
            "user_id",
        }:
            continue
        if rule.endpoint in (
            "home.language",
            "home.favicon",
            "home.health",
            "static",
            "masters.offices_pdf",
            "pendency.summary_pdf",
            "inspections.weekly_pdf",
            "directory.pdf",
        ):
            continue
        out.append(rule)
    return sorted(out, key=lambda r: r.rule)


def main() -> int:
    backend = Backend("sqlite")
    try:
        backend.seed()
        # Read by core.config when the app is first imported, just below.
        os.environ["ZILA_INSTANCE"] = backend.tmp
        os.environ["DATABASE_URL"] = backend.env["DATABASE_URL"]
        return walk()
    finally:
        backend.drop()


def walk() -> int:
    from app import create_app
    from blueprints.accounts.models import User
    from core.assets import assets
    from core.db import db

    app = create_app(
        {
            "SESSION_COOKIE_SECURE": False,
            "LOGIN_RATE_LIMIT": "1000 per minute",
            "DEFAULT_LOCALE": "mr",  # the district's default: Devanagari weighs most
        }
    )
    with db.connection_context():
        bidkin = User.get(User.username == "vle.bidkin").csc
        ids = {
            "gp_id": bidkin.gram_panchayat_id,
            "block_id": bidkin.gram_panchayat.block_id,
            "tehsil_id": bidkin.gram_panchayat.block.tehsil_id,
            "office_id": User.get(User.username == "clerk.paithan").office_id,
            "user_id": bidkin.id,
        }
    worst = 0
    broken = []
    print(f"{'role':<17} {'page':<36} {'raw':>7} {'gzip':>6} {'br':>6} {'ms':>6}")
    for role, username in ROLES_TO_USERS.items():
        client = app.test_client()
        if username:
            sign_in(client, username)
        for rule in urls(app):
            with app.test_request_context():
                from flask import url_for

                url = url_for(rule.endpoint, **{k: ids[k] for k in rule.arguments})
            times = []
            for _ in range(5):
                started = time.perf_counter()
                r = client.get(url, headers={"Accept-Encoding": "identity"})
                times.append((time.perf_counter() - started) * 1000)
                if r.mimetype != "text/html":
                    break  # a download (CSV, PDF...): once is enough
            if r.status_code >= 500:
                broken.append(f"{role} {url}: HTTP {r.status_code}")
            if r.status_code != 200:
                continue
            raw = r.get_data()
            gz, br = len(gzip.compress(raw, 6)), len(brotli.compress(raw))
            # The budget is for pages; a download is listed, not budgeted.
            page = r.mimetype == "text/html"
            if page:
                worst = max(worst, gz)
            if page and gz > PAGE_BUDGET:
                broken.append(f"{role} {url} ({rule.endpoint}): {gz} B gzip > {PAGE_BUDGET}")
            print(
                f"{role:<17} {url:<36} {len(raw):>7} {gz:>6} {br:>6} "
                f"{statistics.median(times):>6.1f}{'' if page else f'  ({r.mimetype})'}"
            )
    css_js = [n for n in assets.by_name if n.endswith((".css", ".js"))]
    total_gz = sum(len(assets.by_hashed[assets.by_name[n]].bodies["gzip"]) for n in css_js)
    total_br = sum(len(assets.by_hashed[assets.by_name[n]].bodies["br"]) for n in css_js)
    print(
        f"\nCSS+JS ({', '.join(css_js)}): gzip {total_gz} B, brotli {total_br} B "
        f"(budget {ASSET_BUDGET})"
    )
    print(f"largest page gzip: {worst} B (budget {PAGE_BUDGET})")
    if total_gz > ASSET_BUDGET:
        broken.append(f"CSS+JS: {total_gz} B gzip > {ASSET_BUDGET}")
    if broken:
        print("PAGE BUDGET BROKEN:")
        for line in broken:
            print(f"  !! {line}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
