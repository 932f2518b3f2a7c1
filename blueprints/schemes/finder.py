"""The eligibility finder: a citizen's few answers against each scheme's
structured rules, with the reasons for every match in the page's language.

Rules (SchemeVersion.rules / Scheme.rules, all optional):
  min_age, max_age (years), genders, categories, occupations (lists of keys;
  empty = anyone), income_max (annual rupees), area ("rural" / "urban"),
  disability (true: only persons with a disability of 40 % and above).
Both age bounds are inclusive: min_age 65 takes a person of 65, max_age 64
one of 64 ("below 65"). An unanswered question never excludes a scheme: the
match says what to check instead. A scheme with no rules at all is open to
every resident."""

from dataclasses import dataclass, field

from flask_babel import gettext as _

from blueprints.schemes.models import AREAS, CATEGORIES, GENDERS, OCCUPATIONS
from core.i18n import indian_number

RULE_KEYS = (
    "min_age",
    "max_age",
    "genders",
    "categories",
    "occupations",
    "income_max",
    "area",
    "disability",
)


@dataclass
class Answers:
    age: int | None = None
    gender: str = ""
    category: str = ""
    occupation: str = ""
    income: int | None = None  # annual, rupees
    area: str = ""
    disability: str = ""  # "yes" (40 % and above), "no", or "" (not answered)

    @property
    def empty(self) -> bool:
        return (
            self.age is None
            and self.income is None
            and not any((self.gender, self.category, self.occupation, self.area, self.disability))
        )


@dataclass
class Match:
    scheme: object
    reasons: list[str] = field(default_factory=list)  # why it fits
    to_check: list[str] = field(default_factory=list)  # rules the answers left open


def _labels(keys, names) -> str:
    return ", ".join(str(names.get(k, k)) for k in keys)


def _rupees(amount: int) -> str:
    return f"₹{indian_number(amount)}"


def check(rules: dict, a: Answers) -> Match | None:
    """A Match with its reasons, or None when an answer rules the scheme out."""
    m = Match(scheme=None)
    lo, hi = rules.get("min_age"), rules.get("max_age")
    if lo is not None or hi is not None:
        if lo is not None and hi is not None:
            need = _("aged %(lo)s to %(hi)s", lo=lo, hi=hi)
        elif lo is not None:
            need = _("aged %(lo)s or more", lo=lo)
        else:
            need = _("aged up to %(hi)s", hi=hi)
        if a.age is None:
            m.to_check.append(_("For people %(need)s.", need=need))
        elif (lo is not None and a.age < lo) or (hi is not None and a.age > hi):
            return None
        else:
            m.reasons.append(
                _("Your age %(age)s: the scheme is for people %(need)s.", age=a.age, need=need)
            )
    for key, answer, names, fits, unknown in (
        ("genders", a.gender, GENDERS, _("The scheme is for: %(who)s."), _("Only for: %(who)s.")),
        (
            "categories",
            a.category,
            CATEGORIES,
            _("Your category is eligible: %(who)s."),
            _("Only for the categories: %(who)s."),
        ),
        (
            "occupations",
            a.occupation,
            OCCUPATIONS,
            _("Your occupation is eligible: %(who)s."),
            _("Only for: %(who)s."),
        ),
    ):
        wanted = rules.get(key) or []
        if not wanted:
            continue
        if not answer:
            m.to_check.append(unknown % {"who": _labels(wanted, names)})
        elif answer not in wanted:
            return None
        else:
            m.reasons.append(fits % {"who": _labels([answer], names)})
    ceiling = rules.get("income_max")
    if ceiling is not None:
        if a.income is None:
            m.to_check.append(_("Annual family income up to %(max)s.", max=_rupees(ceiling)))
        elif a.income > ceiling:
            return None
        else:
            m.reasons.append(
                _(
                    "Your annual income %(income)s is within the limit of %(max)s.",
                    income=_rupees(a.income),
                    max=_rupees(ceiling),
                )
            )
    area = rules.get("area")
    if area:
        if not a.area:
            m.to_check.append(_("Only in: %(area)s.", area=AREAS.get(area, area)))
        elif a.area != area:
            return None
        else:
            m.reasons.append(_("Available where you live: %(area)s.", area=AREAS.get(area, area)))
    if rules.get("disability"):
        if not a.disability:
            m.to_check.append(_("Only for persons with a disability of 40% and above."))
        elif a.disability != "yes":
            return None
        else:
            m.reasons.append(
                _(
                    "You have a disability: the scheme is for persons with a disability "
                    "of 40% and above."
                )
            )
    if not m.reasons and not m.to_check:
        m.reasons.append(_("Open to every resident of the district."))
    return m


def find(schemes, answers: Answers) -> list[Match]:
    """Schemes that may fit, those matching on more answers first."""
    found = []
    for scheme in schemes:
        m = check(scheme.rules, answers)
        if m is not None:
            m.scheme = scheme
            found.append(m)
    found.sort(key=lambda m: (-len(m.reasons), len(m.to_check)))
    return found
