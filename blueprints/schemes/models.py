"""Government schemes as the Zilla Parishad publishes them: a scheme, the
versions of its information (draft → submitted → published), the photos of a
version and the append-only history of who changed what.

The public reads only the published version; a new draft lives beside it
until the department head approves it. `Scheme` carries a copy of what the
public list and the eligibility finder need of the published version (titles,
level, groups, rules, search text) so that those pages read one table."""

import json

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel
from core.storage import StoredName

LANGS = ("en", "hi", "mr")

LEVELS = {
    "central": _l("Central government"),
    "state": _l("State government"),
    "district_planning": _l("District planning (DPDC)"),
    "zp_own": _l("Zilla Parishad own income"),
}
SCHEME_STATUSES = {
    "open": _l("Open for applications"),
    "ongoing": _l("Ongoing (no new applications)"),
    "closed": _l("Closed"),
}
GROUPS = {
    "farmers": _l("Farmers"),
    "women": _l("Women"),
    "girls": _l("Girls"),
    "students": _l("Students"),
    "sc_st": _l("SC / ST"),
    "backward": _l("OBC / VJNT / SBC"),
    "senior": _l("Senior citizens"),
    "divyang": _l("Persons with disabilities"),
    "bpl": _l("Below poverty line"),
    "labourers": _l("Labourers"),
    "rural_poor": _l("Rural households without a pucca house"),
}
# The text sections of a scheme page, in their order on the page.
SECTIONS = {
    "objective": _l("Objective"),
    "eligibility": _l("Who is eligible"),
    "benefits": _l("Benefits"),
    "how_to_apply": _l("How and where to apply"),
    "documents": _l("Documents needed"),
    "contact": _l("Office to contact"),
}
# Answers of the eligibility finder, and the structured rules of a scheme.
GENDERS = {"female": _l("Female"), "male": _l("Male"), "transgender": _l("Transgender")}
CATEGORIES = {
    "general": _l("General"),
    "obc": _l("OBC"),
    "sc": _l("SC"),
    "st": _l("ST"),
    "vjnt": _l("VJNT / NT"),
    "sbc": _l("SBC"),
}
OCCUPATIONS = {
    "farmer": _l("Farmer"),
    "farm_labourer": _l("Farm labourer"),
    "labourer": _l("Other labourer"),
    "student": _l("Student"),
    "self_employed": _l("Self-employed"),
    "salaried": _l("Salaried"),
    "homemaker": _l("Homemaker"),
    "unemployed": _l("Not working"),
}
AREAS = {"rural": _l("Rural (village)"), "urban": _l("Urban (town or city)")}
DISABILITY = {"yes": _l("Yes, 40% and above"), "no": _l("No")}

VERSION_STATES = {
    "draft": _l("Draft"),
    "submitted": _l("Submitted for approval"),
    "published": _l("Published"),
    "superseded": _l("Superseded"),
    "returned": _l("Returned for changes"),
}


# Where a text is missing, a Hindi reader reads Marathi (same script) sooner
# than English, and the other way round; English falls back to the district's
# language first.
FALLBACK = {"en": ("mr", "hi"), "hi": ("mr", "en"), "mr": ("hi", "en")}


def _pick(values: dict, lang: str) -> tuple[str, str]:
    """(text, language it is in): the wanted language, else the nearest one
    that has text."""
    if values.get(lang):
        return values[lang], lang
    for other in FALLBACK.get(lang, LANGS):
        if values.get(other):
            return values[other], other
    return "", lang


class EligibilityFields:
    """What a scheme and each of its versions carry alike: the beneficiary
    groups (",farmers,women,") and the finder's rules (JSON)."""

    @property
    def rules(self) -> dict:
        return json.loads(self.rules_json or "{}")

    @property
    def group_list(self) -> list[str]:
        return [g for g in self.groups.split(",") if g]


class Scheme(EligibilityFields, BaseModel):
    code = pw.CharField(max_length=20, unique=True)
    level = pw.CharField(max_length=20, choices=list(LEVELS.items()), index=True)
    # The department that owns the scheme: its users edit, its head publishes.
    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    title_en = pw.CharField(max_length=200, default="")
    title_hi = pw.CharField(max_length=200, default="")
    title_mr = pw.CharField(max_length=200, default="")
    is_published = pw.BooleanField(default=False, index=True)
    published_at = pw.DateTimeField(null=True)
    # Copies of the published version, for the list, filters and finder.
    year = pw.CharField(max_length=9, default="")
    status = pw.CharField(max_length=10, default="open")
    groups = pw.CharField(max_length=200, default="")  # ",farmers,women,"
    rules_json = pw.TextField(default="{}")
    search_text = pw.TextField(default="")  # lower-cased titles and texts, all languages
    service = pw.ForeignKeyField(Service, null=True, backref="+", on_delete="SET NULL")
    created_at = pw.DateTimeField(default=clock.now)

    def title(self, lang: str) -> str:
        return self.title_in(lang)[0]

    def title_in(self, lang: str) -> tuple[str, str]:
        """(title, the language it is in), falling back as the page does."""
        return _pick({"en": self.title_en, "hi": self.title_hi, "mr": self.title_mr}, lang)

    @property
    def level_label(self):
        return LEVELS.get(self.level, self.level)

    @property
    def status_label(self):
        return SCHEME_STATUSES.get(self.status, self.status)


class SchemeVersion(EligibilityFields, BaseModel):
    """One edition of a scheme's information. Published versions are never
    edited: a change is a new draft, published in its turn."""

    scheme = pw.ForeignKeyField(Scheme, backref="+", on_delete="RESTRICT")
    number = pw.IntegerField()
    state = pw.CharField(max_length=10, default="draft")
    level = pw.CharField(max_length=20)
    year = pw.CharField(max_length=9, default="")
    status = pw.CharField(max_length=10, default="open")
    service = pw.ForeignKeyField(Service, null=True, backref="+", on_delete="SET NULL")
    titles_json = pw.TextField(default="{}")  # lang -> title
    texts_json = pw.TextField(default="{}")  # section -> lang -> Markdown
    groups = pw.CharField(max_length=200, default="")
    rules_json = pw.TextField(default="{}")
    created_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now)
    updated_at = pw.DateTimeField(default=clock.now)
    submitted_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    submitted_at = pw.DateTimeField(null=True)
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    decided_at = pw.DateTimeField(null=True)
    remark = pw.CharField(max_length=500, default="")

    class Meta:
        table_name = "scheme_version"
        indexes = ((("scheme", "number"), True), (("scheme", "state"), False))

    @property
    def titles(self) -> dict:
        return json.loads(self.titles_json or "{}")

    @property
    def texts(self) -> dict:
        return json.loads(self.texts_json or "{}")

    @property
    def state_label(self):
        return VERSION_STATES.get(self.state, self.state)

    def title(self, lang: str) -> tuple[str, str]:
        return _pick(self.titles, lang)

    def text(self, section: str, lang: str) -> tuple[str, str]:
        return _pick(self.texts.get(section, {}), lang)


class SchemePhoto(BaseModel):
    """A photo of a version's gallery, stored as small resized variants. A new
    draft copies the rows of the version it starts from (same files)."""

    version = pw.ForeignKeyField(SchemeVersion, backref="+", on_delete="RESTRICT")
    position = pw.IntegerField(default=0)
    stored_small = StoredName(max_length=80)  # 320 px wide
    stored_large = StoredName(max_length=80)  # 800 px wide
    width = pw.IntegerField()  # of the large variant
    height = pw.IntegerField()
    size = pw.IntegerField()  # bytes of both variants
    sha256 = pw.CharField(max_length=64)  # of the large variant
    alt_json = pw.TextField(default="{}")  # lang -> alt text
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "scheme_photo"
        indexes = ((("version", "position"), False),)

    @property
    def alts(self) -> dict:
        return json.loads(self.alt_json or "{}")

    def alt(self, lang: str) -> str:
        return _pick(self.alts, lang)[0]


HISTORY_ACTIONS = {
    "created": _l("created the scheme"),
    "edited": _l("edited the draft"),
    "photo_added": _l("added a photo"),
    "photo_removed": _l("removed a photo"),
    "submitted": _l("submitted for approval"),
    "published": _l("approved and published"),
    "returned": _l("returned for changes"),
}


# What a history entry's `changed` names ("objective:hi" is the Hindi objective).
FIELD_LABELS = {
    "code": _l("Short code"),
    "title": _l("Name of the scheme"),
    **SECTIONS,
    "level": _l("Level"),
    "year": _l("Year"),
    "status": _l("Status"),
    "service": _l("CSC service"),
    "groups": _l("Beneficiary groups"),
    "rules": _l("Eligibility rules"),
    "photos": _l("Photos"),
}
LANG_LABELS = {"en": _l("English"), "hi": _l("Hindi"), "mr": _l("Marathi")}


class SchemeHistory(BaseModel):
    """Who changed what and when. Append-only (triggers in 010_schemes)."""

    scheme = pw.ForeignKeyField(Scheme, backref="+", on_delete="RESTRICT")
    version = pw.ForeignKeyField(SchemeVersion, null=True, backref="+", on_delete="RESTRICT")
    action = pw.CharField(max_length=20)
    actor = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    at = pw.DateTimeField(default=clock.now)
    changed = pw.CharField(max_length=500, default="")  # field names, comma-separated
    remark = pw.CharField(max_length=500, default="")

    class Meta:
        table_name = "scheme_history"
        indexes = ((("scheme", "at"), False),)

    @property
    def action_label(self):
        return HISTORY_ACTIONS.get(self.action, self.action)

    @property
    def changed_labels(self) -> list[str]:
        labels = []
        for token in filter(None, self.changed.split(",")):
            name, _sep, lang = token.partition(":")
            label = str(FIELD_LABELS.get(name, name))
            labels.append(f"{label} ({LANG_LABELS[lang]})" if lang in LANG_LABELS else label)
        return labels


MODELS = (Scheme, SchemeVersion, SchemePhoto, SchemeHistory)
