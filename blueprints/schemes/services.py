"""Scheme information: the published schemes, the list's filters and search,
and the draft → submitted → published workflow with its history.

Who may do what: an office_user or office_head of the scheme's office edits
and submits; the office_head of that office (or an admin) approves, which
publishes; the published version stays public until the next is approved."""

import json

import peewee as pw
from flask_babel import gettext as _

from blueprints.employees.search import fold, keys_of, query_words, ranked_page, search_key
from blueprints.masters.models import Office
from blueprints.schemes import photos
from blueprints.schemes.models import (
    GROUPS,
    LANGS,
    LEVELS,
    SECTIONS,
    Scheme,
    SchemeHistory,
    SchemePhoto,
    SchemeVersion,
)
from blueprints.schemes.text import clean_text, has_html
from core import clock, storage
from core.db import write_transaction

EDITOR_ROLES = ("office_user", "office_head", "admin")
# Offices that own schemes: departments, not tehsil or block offices.
DEPARTMENT_KINDS = ("zp_department", "line_department", "collectorate_branch")
OPEN_STATES = ("draft", "submitted", "returned")
MAX_PHOTOS = 8
PER_PAGE = 20
MAX_TEXT = 4000  # x6 sections of Devanagari, URL-encoded, stays under the form limit
MAX_TITLE = 200


class SchemeError(ValueError):
    """Refused input or action; the message is translated, `field` names the
    form field it belongs beside (None: the whole form)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def published_schemes():
    """Schemes with a published version (what the public and the MIS see)."""
    return Scheme.select().where(Scheme.is_published == True)  # noqa: E712


# --- who may see and do what ------------------------------------------------


def editable_schemes(user):
    """Schemes the user may edit: admin all, an office's users their office's."""
    query = Scheme.select()
    if user.role == "admin":
        return query
    if user.role in ("office_user", "office_head") and user.office_id:
        return query.where(Scheme.office == user.office_id)
    return query.where(pw.SQL("1 = 0"))


def may_edit(user, scheme) -> bool:
    if not user.is_authenticated:
        return False
    if user.role == "admin":
        return True
    return user.role in ("office_user", "office_head") and user.office_id == scheme.office_id


def may_approve(user, scheme) -> bool:
    if not user.is_authenticated:
        return False
    if user.role == "admin":
        return True
    return user.role == "office_head" and user.office_id == scheme.office_id


def department_offices():
    return Office.select().where(Office.kind.in_(DEPARTMENT_KINDS)).order_by(Office.name_en)


# --- versions ---------------------------------------------------------------


def published_version(scheme_id):
    return SchemeVersion.get_or_none(
        (SchemeVersion.scheme == scheme_id) & (SchemeVersion.state == "published")
    )


def open_version(scheme_id):
    """The draft, submitted or returned version being worked on, if any."""
    return (
        SchemeVersion.select()
        .where((SchemeVersion.scheme == scheme_id) & SchemeVersion.state.in_(OPEN_STATES))
        .order_by(SchemeVersion.number.desc())
        .first()
    )


def photos_of(version_id) -> list[SchemePhoto]:
    return list(
        SchemePhoto.select()
        .where(SchemePhoto.version == version_id)
        .order_by(SchemePhoto.position, SchemePhoto.id)
    )


def history_of(scheme_id, limit=50):
    from blueprints.accounts.models import User

    return list(
        SchemeHistory.select(SchemeHistory, User.username, User.full_name, User.full_name_local)
        .join(User, on=(SchemeHistory.actor == User.id))
        .where(SchemeHistory.scheme == scheme_id)
        .order_by(SchemeHistory.at.desc(), SchemeHistory.id.desc())
        .limit(limit)
    )


def _log(scheme, version, action, actor, changed=(), remark=""):
    SchemeHistory.create(
        scheme=scheme,
        version=version,
        action=action,
        actor=actor,
        changed=",".join(changed)[:500],
        remark=remark[:500],
    )


def _draft_for_edit(scheme, actor) -> SchemeVersion:
    """The version an edit goes into: the open draft (or returned one), or a
    new draft copied from the published version, photos included. Inside a
    transaction. A submitted version is locked until the head decides."""
    current = open_version(scheme.id)
    if current is not None:
        if current.state == "submitted":
            raise SchemeError(
                _(
                    "This version is waiting for approval. "
                    "It can be changed once the head returns it."
                )
            )
        return current
    base = published_version(scheme.id)
    number = (
        SchemeVersion.select(pw.fn.MAX(SchemeVersion.number))
        .where(SchemeVersion.scheme == scheme.id)
        .scalar()
        or 0
    ) + 1
    draft = SchemeVersion.create(
        scheme=scheme,
        number=number,
        state="draft",
        level=base.level if base else scheme.level,
        year=base.year if base else "",
        status=base.status if base else "open",
        service=base.service_id if base else None,
        titles_json=base.titles_json if base else "{}",
        texts_json=base.texts_json if base else "{}",
        groups=base.groups if base else "",
        rules_json=base.rules_json if base else "{}",
        created_by=actor,
    )
    if base is not None:
        rows = [
            {
                "version": draft.id,
                "position": p.position,
                "stored_small": p.stored_small,
                "stored_large": p.stored_large,
                "width": p.width,
                "height": p.height,
                "size": p.size,
                "sha256": p.sha256,
                "alt_json": p.alt_json,
                "created_at": p.created_at,
            }
            for p in photos_of(base.id)
        ]
        if rows:
            SchemePhoto.insert_many(rows).execute()
    return draft


# --- creating and editing ---------------------------------------------------


def create_scheme(code, level, office_id, title_en, actor) -> Scheme:
    code = (code or "").strip().upper()
    if Scheme.select().where(Scheme.code == code).exists():
        raise SchemeError(_("A scheme with this code already exists."), "code")
    if level not in LEVELS:
        raise SchemeError(_("Choose one of the options in the list."), "level")
    title_en = clean_text(title_en)
    if has_html(title_en):
        raise SchemeError(_("HTML tags are not allowed in scheme text."), "title_en")
    with write_transaction():
        scheme = Scheme.create(code=code, level=level, office=office_id, title_en=title_en)
        version = SchemeVersion.create(
            scheme=scheme,
            number=1,
            level=level,
            titles_json=json.dumps({"en": title_en}, ensure_ascii=False),
            created_by=actor,
        )
        _log(scheme, version, "created", actor, ["code", "title:en"])
    return scheme


def save_text(scheme, lang, title, texts: dict, actor) -> list[str]:
    """Save one language's title and sections into the draft. Returns the
    names of what changed (for the history). Refuses HTML with a message
    beside the field; nothing is saved then."""
    if lang not in LANGS:
        raise SchemeError(_("Choose one of the options in the list."))
    title = clean_text(title)
    cleaned = {key: clean_text(texts.get(key, "")) for key in SECTIONS}
    if len(title) > MAX_TITLE:
        raise SchemeError(_("Use at most %(max)d characters.", max=MAX_TITLE), "title")
    for key, value in [("title", title), *cleaned.items()]:
        if has_html(value):
            raise SchemeError(
                _("HTML tags such as <script> are not allowed. Write the text in Markdown."), key
            )
        if len(value) > MAX_TEXT:
            raise SchemeError(_("Use at most %(max)d characters.", max=MAX_TEXT), key)
    if lang == "en" and not title:
        raise SchemeError(_("This field is required."), "title")
    with write_transaction():
        draft = _draft_for_edit(scheme, actor)
        titles, all_texts = draft.titles, draft.texts
        changed = []
        if titles.get(lang, "") != title:
            changed.append(f"title:{lang}")
            titles[lang] = title
        for key, value in cleaned.items():
            section = all_texts.setdefault(key, {})
            if section.get(lang, "") != value:
                changed.append(f"{key}:{lang}")
                section[lang] = value
        if changed:
            draft.titles_json = json.dumps(titles, ensure_ascii=False)
            draft.texts_json = json.dumps(all_texts, ensure_ascii=False)
            draft.updated_at = clock.now()
            draft.save()
            _log(scheme, draft, "edited", actor, changed)
    return changed


def save_details(scheme, data: dict, actor) -> list[str]:
    """Level, year, status, CSC service, beneficiary groups and eligibility
    rules (already validated by the form) into the draft."""
    rules = {k: v for k, v in data["rules"].items() if v not in (None, "", [])}
    groups = "," + ",".join(g for g in data["groups"] if g in GROUPS) + ","
    if groups == ",,":
        groups = ""
    new = {
        "level": data["level"],
        "year": data["year"],
        "status": data["status"],
        "service_id": data["service_id"],
        "groups": groups,
        "rules_json": json.dumps(rules, sort_keys=True),
    }
    with write_transaction():
        draft = _draft_for_edit(scheme, actor)
        changed = [
            k.removesuffix("_id").removesuffix("_json")
            for k, v in new.items()
            if getattr(draft, k) != v
        ]
        if changed:
            for k, v in new.items():
                setattr(draft, k, v)
            draft.updated_at = clock.now()
            draft.save()
            _log(scheme, draft, "edited", actor, changed)
    return changed


def add_photo(scheme, data: bytes, alts: dict, actor) -> SchemePhoto:
    """Check the photo and its alt text in every language, store its
    variants, and add it to the draft: all of it or nothing."""
    alts = {lang: clean_text(alts.get(lang, ""))[:200] for lang in LANGS}
    for lang in LANGS:
        if not alts[lang]:
            raise SchemeError(
                _("Describe the photo in every language, for readers who cannot see it."),
                f"alt_{lang}",
            )
        if has_html(alts[lang]):
            raise SchemeError(_("HTML tags are not allowed in scheme text."), f"alt_{lang}")
    current = open_version(scheme.id)
    if (
        current is not None
        and current.state != "submitted"
        and len(photos_of(current.id)) >= MAX_PHOTOS
    ):
        raise SchemeError(_("A scheme has at most %(n)s photos.", n=MAX_PHOTOS), "photo")
    try:
        stored = photos.store(data)
    except photos.UploadError as err:
        raise SchemeError(str(err), "photo") from err
    try:
        with write_transaction():
            draft = _draft_for_edit(scheme, actor)
            count = SchemePhoto.select().where(SchemePhoto.version == draft.id).count()
            if count >= MAX_PHOTOS:
                raise SchemeError(_("A scheme has at most %(n)s photos.", n=MAX_PHOTOS), "photo")
            photo = SchemePhoto.create(
                version=draft,
                position=count,
                stored_small=stored.stored_small,
                stored_large=stored.stored_large,
                width=stored.width,
                height=stored.height,
                size=stored.size,
                sha256=stored.sha256,
                alt_json=json.dumps(alts, ensure_ascii=False),
            )
            _log(scheme, draft, "photo_added", actor, ["photos"])
    except Exception:
        photos.discard(stored)
        raise
    return photo


def remove_photo(scheme, photo_id, actor) -> bool:
    """Take a photo off the draft. Its files stay while the published
    version still shows them."""
    with write_transaction():
        draft = _draft_for_edit(scheme, actor)
        mine = (SchemePhoto.id == photo_id) & (SchemePhoto.version == draft.id)
        files = _files_of(SchemePhoto.select().where(mine))
        deleted = SchemePhoto.delete().where(mine).execute()
        if deleted:
            _log(scheme, draft, "photo_removed", actor, ["photos"])
    storage.remove_unreferenced("uploads", files)
    return bool(deleted)


def _files_of(photo_rows) -> list[str]:
    return [name for p in photo_rows for name in (p.stored_small, p.stored_large)]


def _drop_superseded_photos(scheme) -> list[str]:
    """A superseded version is never shown again: its photo rows go, and the
    files that no other version shows go with them after the commit."""
    superseded = SchemeVersion.select(SchemeVersion.id).where(
        (SchemeVersion.scheme == scheme.id) & (SchemeVersion.state == "superseded")
    )
    rows = SchemePhoto.select().where(SchemePhoto.version.in_(superseded))
    files = _files_of(rows)
    SchemePhoto.delete().where(SchemePhoto.version.in_(superseded)).execute()
    return files


# --- the workflow -----------------------------------------------------------


def submit(scheme, actor, remark="") -> SchemeVersion:
    with write_transaction():
        version = open_version(scheme.id)
        if version is None or version.state == "submitted":
            raise SchemeError(_("There is no draft to submit."))
        if not version.titles.get("en") or not any(version.texts.get("objective", {}).values()):
            raise SchemeError(
                _("Write at least the English title and the objective before submitting.")
            )
        version.state = "submitted"
        version.submitted_by = actor
        version.submitted_at = clock.now()
        version.remark = remark[:500]
        version.save()
        _log(scheme, version, "submitted", actor, remark=remark)
    _tell_heads(scheme, version, actor)
    return version


def _tell_heads(scheme, version, actor):
    """An SMS to the heads of the scheme's office: a change waits for them.
    Sent after the commit; a resubmission of the same version is not resent."""
    from blueprints.accounts.models import User
    from core.notify import queue

    heads = User.select(User.id, User.mobile).where(
        (User.role == "office_head")
        & (User.office == scheme.office_id)
        & (User.is_active_account == True)  # noqa: E712
        & (User.id != actor.id)
    )
    from flask_babel import force_locale

    from core.i18n import message_locale
    from core.notify import with_title_fitted

    # In the district's language, whoever submitted it in whichever language.
    lang = message_locale()
    # The title in that language: the published one, else the submitted one's.
    named = (scheme.title_in(lang), version.title(lang))
    title = next((t for t, in_lang in named if t and in_lang == lang), None)
    title = title or named[0][0] or named[1][0] or scheme.code
    with force_locale(lang):
        body = with_title_fitted(
            lambda title: _(
                "Zila: the scheme “%(title)s” was submitted for your approval by %(name)s.",
                title=title,
                name=actor.display_name,
            ),
            title,
        )
    for head in heads:
        queue(
            "sms",
            head.mobile,
            body,
            dedupe_key=f"scheme-submitted-{version.id}-{version.submitted_at:%Y%m%d%H%M%S}-{head.id}",
        )


def decide(scheme, actor, approve: bool, remark="") -> SchemeVersion:
    """Approve (publish) or return the submitted version. Only the head of
    the scheme's office or an admin: a clerk never publishes their own."""
    if not may_approve(actor, scheme):
        raise SchemeError(_("Only the head of the department may approve or return a scheme."))
    if not approve and not remark.strip():
        raise SchemeError(_("Say what must be changed."), "remark")
    files = []
    with write_transaction():
        version = open_version(scheme.id)
        if version is None or version.state != "submitted":
            raise SchemeError(_("There is nothing waiting for approval."))
        version.decided_by = actor
        version.decided_at = clock.now()
        version.remark = remark[:500]
        if approve:
            SchemeVersion.update(state="superseded").where(
                (SchemeVersion.scheme == scheme.id) & (SchemeVersion.state == "published")
            ).execute()
            version.state = "published"
            version.save()
            files = _drop_superseded_photos(scheme)
            _copy_published(scheme, version)
            _log(scheme, version, "published", actor, remark=remark)
        else:
            version.state = "returned"
            version.save()
            _log(scheme, version, "returned", actor, remark=remark)
    storage.remove_unreferenced("uploads", files)
    return version


def _copy_published(scheme, version):
    """What the list, filters and finder read, copied onto the scheme."""
    titles, texts = version.titles, version.texts
    words = [scheme.code, *titles.values()]
    for section in texts.values():
        words.extend(section.values())
    Scheme.update(
        title_en=titles.get("en", ""),
        title_hi=titles.get("hi", ""),
        title_mr=titles.get("mr", ""),
        level=version.level,
        year=version.year,
        status=version.status,
        groups=version.groups,
        rules_json=version.rules_json,
        service=version.service_id,
        search_text=_search_text(words),
        is_published=True,
        published_at=clock.now(),
    ).where(Scheme.id == scheme.id).execute()


# --- the public list --------------------------------------------------------


def _search_text(words: list[str]) -> str:
    """The text itself (folded) and, on a last line, the script-independent
    key of every word (the employee register's folding), so that "shettale"
    finds शेततळे and "निराधार" finds "Niradhar"."""
    text = "\n".join(words)
    return search_key(text) + "\n" + " ".join(sorted(keys_of(text)))


# A sound key this short meets unrelated words across scripts ("farm" and
# प्रमाण are both "prm"): scheme text has every language, so a word shorter
# than this is found as typed.
SOUND_KEY_MIN = 4


def search(filters: dict):
    """Published schemes matching the (already validated) filters; every
    word of `q` appears in some language's text, as typed or, when long
    enough, by its sound in the other script."""
    query = published_schemes().select(
        Scheme.id,
        Scheme.code,
        Scheme.level,
        Scheme.office,
        Scheme.title_en,
        Scheme.title_hi,
        Scheme.title_mr,
        Scheme.year,
        Scheme.status,
        Scheme.groups,
        Scheme.search_text,
    )
    if filters.get("level"):
        query = query.where(Scheme.level == filters["level"])
    if filters.get("office"):
        query = query.where(Scheme.office == filters["office"])
    if filters.get("group"):
        query = query.where(Scheme.groups.contains(f",{filters['group']},"))
    for word in query_words(filters.get("q", "")):
        key = fold(word)
        found = Scheme.search_text.contains(word)
        if len(key) >= SOUND_KEY_MIN:
            # The keys' line: a key that begins with the word's key.
            found |= Scheme.search_text.contains(" " + key) | Scheme.search_text.contains(
                "\n" + key
            )
        query = query.where(found)
    return query.order_by(Scheme.title_en, Scheme.id)


def search_page(filters: dict, page: int):
    """One page of the list, the best matches of `q` first: a word of the
    title before a word of the text, whole words before beginnings."""

    def fields_of(rows):
        # The search text without its last line (the sound keys).
        return [
            [s.title_en, s.title_hi, s.title_mr, s.code, s.search_text.rpartition("\n")[0]]
            for s in rows
        ]

    return ranked_page(
        search(filters), filters.get("q", ""), fields_of, page, PER_PAGE, SOUND_KEY_MIN
    )
