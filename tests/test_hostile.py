"""The hostile-input suite: nothing a client can send answers 5xx.

It walks the URL map (so a new route is covered without anyone listing it)
and, as each role, sends a fixed, seeded set of hostile values:
- into every integer and string argument of a route's path;
- into every query argument the route's area reads (found in its source:
  `args.get("name")`, `request.args["name"]`, `filters` keys...);
- into every field of every form the walk finds on the area's pages, posted
  with a valid CSRF token, plus the same form with every field missing and
  with every field sent twice.
A failure lists every (role, method, URL, value) that answered 5xx; the
count of requests sent is printed (`pytest -s`) so the run can be reported.
"""

import random
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter

from tests.helpers import CSRF_RE
from tests.test_access import (
    get_rules,
    master_rows,
    may_see,
    post_rules,
    rule_for,
    url_values,
    urls_for_rule,
)

BLUEPRINTS = Path(__file__).resolve().parent.parent / "blueprints"

# Values that broke or could break a parser, a converter, a database column
# or a template: empty, huge, wrong type, out of range, beyond 64 bits,
# impossible dates, control characters, other scripts, formulas and markup.
HOSTILE = (
    "",
    " ",
    "0",
    "-1",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "9999-12-31",
    "0001-01-01",
    "2026-13-45",
    "2026-02-30",
    "31/12/99999",
    "25:61",
    "a\x00b",
    "a\r\nSet-Cookie: x=y",
    "\x1b[31m\x07",
    "\u202eabc\u200f",
    "😀🙏",
    "नमस्ते मराठी",
    '=HYPERLINK("http://x","y")',
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "../../etc/passwd",
    "x" * 5000,
    "९९",
)
# Path arguments: the values a URL can carry (Werkzeug refuses the rest).
PATH_INTS = ("0", "2147483648", "9223372036854775807", "9223372036854775808", "1" + "0" * 30)
PATH_STRINGS = ("0", "x" * 300, "%00", "नमस्ते", "😀", "..%2F..%2Fetc", "AUR26-0000001-A")
# Raw query strings that are not valid UTF-8 or not valid percent-escapes.
RAW_QUERIES = (b"%ff%fe=%c0%af", b"q=%E0%A4", b"%=%&&==")

ROLES = (
    "anonymous",
    "csc_operator",
    "gp_staff",
    "office_head",
    "block_officer",
    "district_manager",
    "establishment",
    "admin",
)
# Values per route: a seeded sample, so that a run stays within minutes and
# every value still meets most routes across the roles.
GET_SAMPLE, POST_SAMPLE = 9, 7
# Posting these ends the very session the walk uses, or locks its user out:
# the walk signs in again after them.
SESSION_ENDERS = re.compile(r"logout|deactivate|reset|password|2fa|sessions|end_session")

# Query arguments read anywhere in an area, from its source.
ARG_PATTERNS = (
    re.compile(r"""args\.get(?:list)?\(\s*["']([a-z_][a-z0-9_]*)["']"""),
    re.compile(r"""args\[\s*["']([a-z_][a-z0-9_]*)["']\s*\]"""),
    re.compile(r"""_arg\(\s*["']([a-z_][a-z0-9_]*)["']"""),
)
COMMON_ARGS = ("q", "page", "after", "next", "format", "lang", "sort")


def area_args(blueprint: str) -> list[str]:
    names = set(COMMON_ARGS)
    folder = BLUEPRINTS / blueprint
    for path in folder.glob("*.py") if folder.is_dir() else ():
        source = path.read_text()
        for pattern in ARG_PATTERNS:
            names.update(pattern.findall(source))
    return sorted(names)


class FormFields(HTMLParser):
    """Field names of every form on a page, by the form's action."""

    def __init__(self):
        super().__init__()
        self.forms: dict[str, set[str]] = {}
        self._action = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._action = urlsplit(attrs.get("action") or "").path
            self.forms.setdefault(self._action, set())
        elif tag in ("input", "select", "textarea", "button") and self._action is not None:
            name = attrs.get("name")
            if name and name != "csrf_token":
                self.forms[self._action].add(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._action = None


def csrf_of(html: str) -> str | None:
    match = CSRF_RE.search(html)
    return (match.group(1) or match.group(2)) if match else None


class Walk:
    """One role's walk: the client, the requests sent and the 5xx seen."""

    def __init__(self, app, who, client, login_as):
        self.app, self.who, self.login_as = app, who, login_as
        self.browser = client if who == "anonymous" else login_as(who)
        self.sent = 0
        self.failures: list[str] = []
        self.token = None

    def relogin(self):
        if self.who != "anonymous":
            self.browser = self.login_as(self.who, username=f"{self.who}-again-{self.sent}")
        self.token = None

    def request(self, method, url, **kwargs):
        self.sent += 1
        try:
            response = getattr(self.browser, method)(url, **kwargs)
        except Exception as exc:  # the test client raises what would be a 500
            self.failures.append(f"{self.who} {method.upper()} {url}: {type(exc).__name__}: {exc}")
            return None
        if response.status_code >= 500:
            what = kwargs.get("data") or kwargs.get("query_string") or ""
            self.failures.append(
                f"{self.who} {method.upper()} {url} -> {response.status_code} ({str(what)[:120]})"
            )
        return response

    def csrf(self) -> str:
        if self.token is None:
            page = self.browser.get("/account" if self.who != "anonymous" else "/login")
            self.token = csrf_of(page.get_data(as_text=True)) or ""
        return self.token


def path_variants(app, rule, values) -> list[str]:
    """The rule's URL with each path argument replaced by hostile values."""
    urls = []
    for name in set(rule.arguments) - set(rule.defaults or {}):
        converter = rule._converters[name]
        hostile = PATH_INTS if isinstance(converter, IntegerConverter) else PATH_STRINGS
        for value in hostile:
            parts = []
            for is_dynamic, part in rule._trace:
                if not is_dynamic:
                    parts.append(part)
                elif part == name:
                    parts.append(value if "%" in value else quote(value, safe=""))
                else:
                    parts.append(quote(str(values.get(part, "1")), safe=""))
            url = "".join(parts).split("|", 1)[-1]
            urls.append(url)
    return urls


@pytest.mark.parametrize("who", ROLES)
def test_nothing_a_client_sends_answers_5xx(who, app, client, login_as, place):
    rng = random.Random(f"hostile-{who}")  # the same values every run
    walk = Walk(app, who, client, login_as)
    user = getattr(walk.browser, "user", None)
    values = url_values(app, place, user)
    kinds = master_rows(place)
    forms: dict[str, set[str]] = {}

    # GET: hostile path arguments, then hostile query arguments on the real URL.
    for rule in get_rules(app):
        if rule.endpoint in ("static", "asset") or not may_see(rule_for(app, rule.endpoint), who):
            continue
        for url in path_variants(app, rule, values):
            walk.request("get", url)
        url = urls_for_rule(app, rule, values, kinds)[0]
        page = walk.request("get", url)
        if page is not None and page.mimetype == "text/html":
            parser = FormFields()
            parser.feed(page.get_data(as_text=True))
            for action, names in parser.forms.items():
                forms.setdefault(action or urlsplit(url).path, set()).update(names)
        names = area_args(rule.endpoint.split(".")[0])
        for value in rng.sample(HOSTILE, GET_SAMPLE):
            walk.request("get", url, query_string={name: value for name in names})
        for raw in RAW_QUERIES:
            walk.request("get", url + "?" + raw.decode("latin-1"))

    # POST: every route that takes one, with its form's fields (where the walk
    # saw the form) or the fields any form of the portal has.
    every_field = sorted(set().union(*forms.values())) if forms else ["name"]
    for rule in post_rules(app):
        if not may_see(rule_for(app, rule.endpoint), who):
            continue
        url = urls_for_rule(app, rule, values, kinds)[0]
        names = sorted(forms.get(urlsplit(url).path) or every_field)
        for value in rng.sample(HOSTILE, POST_SAMPLE):
            walk.request(
                "post", url, data={"csrf_token": walk.csrf(), **dict.fromkeys(names, value)}
            )
        walk.request("post", url, data={"csrf_token": walk.csrf()})  # every field missing
        doubled = MultiDict([("csrf_token", walk.csrf())])
        for name in names:
            doubled.add(name, rng.choice(HOSTILE))
            doubled.add(name, rng.choice(HOSTILE))
        walk.request("post", url, data=doubled)
        walk.request("post", url, data={"csrf_token": "☃" * 40, **dict.fromkeys(names, "1")})
        if SESSION_ENDERS.search(rule.endpoint):
            walk.relogin()

    print(f"\nhostile walk as {who}: {walk.sent} requests, {len(walk.failures)} answered 5xx")
    assert walk.failures == [], "\n".join(walk.failures[:60])
