"""Public scheme pages: the list with its filters, a scheme's page, the
eligibility finder, the photos and the open data. The editing pages are in
manage.py (imported at the end)."""

import json

from flask import abort, request, send_file, session
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from blueprints.schemes import bp
from blueprints.schemes import services as svc
from blueprints.schemes.finder import RULE_KEYS, Answers, find
from blueprints.schemes.forms import FinderForm
from blueprints.schemes.models import (
    GROUPS,
    LANGS,
    LEVELS,
    SCHEME_STATUSES,
    SECTIONS,
    Scheme,
    SchemePhoto,
    SchemeVersion,
)
from blueprints.schemes.text import render_markdown
from core import storage
from core.access import public
from core.downloads import download, to_csv
from core.i18n import LANGUAGE_NAMES, current_language
from core.render import page_arg, render

PUBLIC_MAX_AGE = 300  # a changed scheme reaches shared caches within minutes


def cacheable(response):
    """Public pages: shared caches may keep an anonymous visitor's copy for a
    few minutes, and a repeat visit revalidates to a 304. A signed-in user's
    page carries their menu, so it stays private."""
    if request.method == "GET" and response.status_code == 200:
        if current_user.is_authenticated or session.modified:
            response.headers["Cache-Control"] = "private, no-cache"
        else:
            response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        response.vary.update(("Cookie", "Accept-Language"))
        response.add_etag(weak=True)
        response.make_conditional(request)
    return response


# --- the list ---------------------------------------------------------------


def _filters():
    """The filters of the URL, checked: (filters, message). A value that is
    not one of ours is dropped and named in the message, never an error page
    without a way on."""
    args = request.args
    filters = {"level": "", "office": "", "group": "", "q": ""}
    bad = []
    level = args.get("level", "")
    if level in LEVELS:
        filters["level"] = level
    elif level:
        bad.append(_("level"))
    group = args.get("group", "")
    if group in GROUPS:
        filters["group"] = group
    elif group:
        bad.append(_("beneficiary group"))
    office = args.get("office", "")
    if office:
        if office.isascii() and office.isdigit() and int(office) in _department_ids():
            filters["office"] = int(office)
        else:
            bad.append(_("department"))
    q = " ".join(args.get("q", "").split())
    if len(q) > 100:
        bad.append(_("search words"))
    else:
        filters["q"] = q
    message = None
    if bad:
        message = _(
            "This filter was not recognised and was left out: %(names)s.", names=", ".join(bad)
        )
    return filters, message


def _department_ids() -> set[int]:
    return {
        row[0]
        for row in Scheme.select(Scheme.office).where(Scheme.is_published == True).tuples()  # noqa: E712
    }


def _departments():
    ids = _department_ids()
    if not ids:
        return []
    return list(Office.select().where(Office.id.in_(ids)).order_by(Office.name_en))


@bp.route("/")
@public
def index():
    filters, message = _filters()
    page = page_arg()
    rows, has_next = svc.search_page(filters, page)
    offices = _departments()
    args = {k: v for k, v in filters.items() if v}
    response = render(
        "schemes/index.html",
        "schemes/_results.html",
        status=400 if message else 200,
        rows=rows,
        has_next=has_next,
        page=page,
        filters=filters,
        args=args,
        message=message,
        offices=offices,
        office_names={o.id: o.name for o in offices},
        levels=LEVELS,
        groups=GROUPS,
    )
    return cacheable(response)


# --- a scheme's page --------------------------------------------------------


def sections_of(version, lang):
    """[(key, heading, html, language of the text)] for the sections that
    have text in some language; the language says where it fell back."""
    rows = []
    for key, heading in SECTIONS.items():
        text, text_lang = version.text(key, lang)
        if text:
            rows.append((key, heading, render_markdown(text), text_lang))
    return rows


def scheme_context(scheme, version, lang):
    title, title_lang = version.title(lang)
    sections = sections_of(version, lang)
    fallbacks = sorted({s[3] for s in sections if s[3] != lang} | ({title_lang} - {lang}))
    service = None
    if version.service_id:
        service = Service.get_or_none(Service.id == version.service_id)
    return {
        "scheme": scheme,
        "version": version,
        "title": title,
        "title_lang": title_lang,
        "sections": sections,
        "fallbacks": [LANGUAGE_NAMES[code] for code in fallbacks],
        "office": Office.get_by_id(scheme.office_id),
        "service": service,
        "photos": svc.photos_of(version.id),
        "groups": GROUPS,
        "levels": LEVELS,
        "scheme_statuses": SCHEME_STATUSES,
        "preview": False,
    }


@bp.route("/<int:scheme_pk>")
@public
def detail(scheme_pk):
    if not 0 < scheme_pk < 2**31:
        abort(404)
    scheme = Scheme.get_or_none((Scheme.id == scheme_pk) & (Scheme.is_published == True))  # noqa: E712
    version = svc.published_version(scheme_pk) if scheme else None
    if version is None:
        abort(404)
    lang = current_language()
    context = scheme_context(scheme, version, lang)
    context["may_edit"] = svc.may_edit(current_user, scheme)
    return cacheable(render("schemes/detail.html", **context))


# --- the finder -------------------------------------------------------------


@bp.route("/finder")
@public
def finder():
    form = FinderForm(request.args)
    asked = any(request.args.get(name) for name in form._fields)
    matches = None
    status = 200
    if asked:
        if form.validate():
            answers = Answers(
                age=form.age.number,
                gender=form.gender.data or "",
                category=form.category.data or "",
                occupation=form.occupation.data or "",
                income=form.income.number,
                area=form.area.data or "",
                disability=form.disability.data or "",
            )
            schemes = svc.published_schemes().where(Scheme.status != "closed")
            matches = find(schemes, answers)
        else:
            status = 400
    return cacheable(
        render(
            "schemes/finder.html",
            "schemes/_matches.html",
            status=status,
            form=form,
            matches=matches,
        )
    )


# --- photos -----------------------------------------------------------------


@bp.route("/photos/<int:scheme_photo_id>.jpg", defaults={"size": "l"})
@bp.route("/photos/<int:scheme_photo_id>-small.jpg", defaults={"size": "s"})
@public
def photo(scheme_photo_id, size):
    """A published version's photo for anyone (cached for a day); a draft's
    only for those who may edit the scheme (answered 404 to others)."""
    if not 0 < scheme_photo_id < 2**31:
        abort(404)
    row = (
        SchemePhoto.select(SchemePhoto, SchemeVersion.state, SchemeVersion.scheme)
        .join(SchemeVersion)
        .where(SchemePhoto.id == scheme_photo_id)
        .first()
    )
    if row is None:
        abort(404)
    published = row.version.state == "published"
    if not published:
        scheme = Scheme.get_by_id(row.version.scheme_id)
        if not svc.may_edit(current_user, scheme):
            abort(404)
    name = row.stored_small if size == "s" else row.stored_large
    response = send_file(
        storage.path_in("uploads", name), mimetype="image/jpeg", conditional=True, max_age=0
    )
    response.headers["Cache-Control"] = (
        "public, max-age=86400" if published else "private, max-age=3600"
    )
    return response


# --- open data --------------------------------------------------------------

OPEN_DATA_FIELDS = ("code", "level", "department", "year", "status", "groups", "csc_service")


def _open_data_rows():
    """Every published scheme with its published text in every language."""
    schemes = list(svc.published_schemes().order_by(Scheme.code))
    versions = {
        v.scheme_id: v
        for v in SchemeVersion.select().where(
            SchemeVersion.scheme.in_([s.id for s in schemes] or [0])
            & (SchemeVersion.state == "published")
        )
    }
    offices = {
        o.id: o for o in Office.select().where(Office.id.in_({s.office_id for s in schemes} or {0}))
    }
    services = {s.id: s.code for s in Service.select(Service.id, Service.code)}
    for scheme in schemes:
        version = versions.get(scheme.id)
        if version is None:
            continue
        yield scheme, version, offices[scheme.office_id], services.get(version.service_id, "")


@bp.route("/open-data.json")
@public
def open_data_json():
    items = []
    for scheme, version, office, service_code in _open_data_rows():
        items.append(
            {
                "code": scheme.code,
                "level": version.level,
                "department": {
                    "code": office.code,
                    "en": office.name_en,
                    "local": office.name_local,
                },
                "year": version.year,
                "status": version.status,
                "groups": version.group_list,
                "csc_service": service_code or None,
                "title": {lang: version.titles.get(lang, "") for lang in LANGS},
                "text": {
                    key: {lang: version.texts.get(key, {}).get(lang, "") for lang in LANGS}
                    for key in SECTIONS
                },
                "eligibility_rules": {k: v for k, v in version.rules.items() if k in RULE_KEYS},
                "published_at": scheme.published_at.isoformat() + "Z"
                if scheme.published_at
                else None,
            }
        )
    body = json.dumps({"schemes": items, "licence": "GODL-India"}, ensure_ascii=False, indent=1)
    return cacheable(_response(body, "application/json; charset=utf-8"))


def _response(body, mimetype):
    from flask import make_response

    response = make_response(body)
    response.headers["Content-Type"] = mimetype
    return response


@bp.route("/open-data.csv")
@public
def open_data_csv():
    header = [
        *OPEN_DATA_FIELDS,
        *(f"title_{lang}" for lang in LANGS),
        *(f"{key}_{lang}" for key in SECTIONS for lang in LANGS),
        *RULE_KEYS,
    ]
    body = []
    for scheme, version, office, service_code in _open_data_rows():
        rules = version.rules
        body.append(
            [
                scheme.code,
                version.level,
                office.code,
                version.year,
                version.status,
                " ".join(version.group_list),
                service_code,
                *(version.titles.get(lang, "") for lang in LANGS),
                *(version.texts.get(key, {}).get(lang, "") for key in SECTIONS for lang in LANGS),
                *(
                    " ".join(rules[k]) if isinstance(rules.get(k), list) else rules.get(k, "")
                    for k in RULE_KEYS
                ),
            ]
        )
    data = to_csv((header, body, None))
    return cacheable(download(data, "text/csv", "schemes.csv", private=False))


from blueprints.schemes import manage  # noqa: E402, F401  (registers the editing routes)
