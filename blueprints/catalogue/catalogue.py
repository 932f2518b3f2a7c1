"""The administrator's text formats for a service's documents and extra fields,
parsed into the JSON kept on Service, and back; the user-charge split; rupees.

Documents, one a line:

    key | English | हिन्दी | मराठी | required|optional

Extra fields, one a line (the options part may be left off):

    key | type | English | हिन्दी | मराठी | required|optional | options

    type        options
    text        none (up to 200 characters, any script)
    devanagari  none (Devanagari letters, spaces and . , ( ) - only)
    number      min-max, e.g. 0-10000000; empty: any whole number from 0 up
    date        past (empty means past: today or earlier), future (today or
                later) or any
    select      value:English:हिन्दी:मराठी choices separated by ;
                (at least two; value is small letters, digits and _)
    yesno       none

Blank lines and lines starting with # are skipped but still counted, so that
"Line 3" is the third line of the box. Every problem is reported with its line
number and nothing is kept until the whole box is right."""

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from blueprints.catalogue.models import FIELD_TYPES

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CHOICE_VALUE_RE = re.compile(r"^[a-z0-9][a-z0-9_]{0,29}$")
# Hindi and Marathi text: Devanagari, digits, spaces and everyday punctuation;
# no Latin letters, so that an English label in the wrong column is caught.
DEVANAGARI_LABEL_RE = re.compile(r"^[\u0900-\u097F\u200c\u200d0-9\s.,()/'&:+%₹-]+$")
RANGE_RE = re.compile(r"^(-?\d{1,12})\s*-\s*(-?\d{1,12})$")
DATE_WHEN = ("past", "future", "any")
MAX_LINES = 20
MAX_LABEL = 120
# A number field with no range given accepts 0 up to this.
NUMBER_CEILING = 999_999_999_999
# Keys that would shadow an attribute of the details form (as would any
# attribute of FlaskForm, or validate_<name>, which WTForms calls as a check).
RESERVED_KEYS = frozenset(
    {"csrf_token", "data", "errors", "meta", "process", "validate", "populate_obj"}
    | {"form_errors", "hidden_tag", "is_submitted", "validate_on_submit", "form"}
)
MAX_FEE_PAISE = 1_00_000 * 100
_BABEL_LOCALE = {"en": "en_IN", "hi": "hi_IN", "mr": "mr_IN"}
_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


def is_devanagari_text(text: str) -> bool:
    return bool(DEVANAGARI_LABEL_RE.match(text)) and bool(text.strip())


def ascii_digits(text: str) -> str:
    """Devanagari digits (typed on a Marathi keyboard) as 0-9."""
    return text.translate(_DEVANAGARI_DIGITS)


# --- lines --------------------------------------------------------------------


def _lines(text: str):
    """(line number, parts) for each line that is not blank or a comment."""
    for number, line in enumerate((text or "").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield number, [part.strip() for part in stripped.split("|")]


def _check_key(n, key, seen, errors) -> bool:
    if not KEY_RE.match(key):
        errors.append(
            _(
                "Line %(n)d: the key '%(key)s' must start with a small English letter and use "
                "only small letters, digits and _ (at most 40).",
                n=n,
                key=key,
            )
        )
        return False
    if key in RESERVED_KEYS or key.startswith("validate_") or hasattr(FlaskForm, key):
        errors.append(_("Line %(n)d: the key '%(key)s' is reserved; choose another.", n=n, key=key))
        return False
    if key in seen:
        errors.append(_("Line %(n)d: the key '%(key)s' is used twice.", n=n, key=key))
        return False
    seen.add(key)
    return True


def _check_labels(n, en, hi, mr, errors) -> bool:
    ok = True
    for text, language in ((en, "en"), (hi, "hi"), (mr, "mr")):
        if not text:
            errors.append(_missing_label(n, language))
            ok = False
        elif len(text) > MAX_LABEL:
            errors.append(
                _("Line %(n)d: a label is longer than %(max)d characters.", n=n, max=MAX_LABEL)
            )
            ok = False
        elif language != "en" and not is_devanagari_text(text):
            errors.append(_not_devanagari(n, language))
            ok = False
    return ok


def _missing_label(n, language):
    if language == "en":
        return _("Line %(n)d: the English label is missing.", n=n)
    if language == "hi":
        return _("Line %(n)d: the Hindi label is missing.", n=n)
    return _("Line %(n)d: the Marathi label is missing.", n=n)


def _not_devanagari(n, language):
    if language == "hi":
        return _("Line %(n)d: write the Hindi label in Devanagari.", n=n)
    return _("Line %(n)d: write the Marathi label in Devanagari.", n=n)


def _required_flag(n, word, errors):
    word = word.lower()
    if word in ("required", "optional"):
        return word == "required"
    errors.append(_("Line %(n)d: write required or optional, not '%(word)s'.", n=n, word=word))
    return None


def _too_many(text, errors) -> bool:
    if sum(1 for _line in _lines(text)) > MAX_LINES:
        errors.append(_("Write at most %(max)d lines.", max=MAX_LINES))
        return True
    return False


def parse_documents(text: str) -> tuple[list[dict], list[str]]:
    """The documents box as stored dicts, and line-numbered errors."""
    items: list[dict] = []
    errors: list[str] = []
    if _too_many(text, errors):
        return [], errors
    seen: set[str] = set()
    for n, parts in _lines(text):
        if len(parts) != 5:
            errors.append(
                _(
                    "Line %(n)d: write 5 parts separated by |, found %(count)d.",
                    n=n,
                    count=len(parts),
                )
            )
            continue
        key, en, hi, mr, flag = parts
        ok = _check_key(n, key, seen, errors)
        ok = _check_labels(n, en, hi, mr, errors) and ok
        required = _required_flag(n, flag, errors)
        if ok and required is not None:
            items.append({"key": key, "en": en, "hi": hi, "mr": mr, "required": required})
    return items, errors


def parse_fields(text: str) -> tuple[list[dict], list[str]]:
    """The extra-fields box as stored dicts, and line-numbered errors."""
    items: list[dict] = []
    errors: list[str] = []
    if _too_many(text, errors):
        return [], errors
    seen: set[str] = set()
    for n, parts in _lines(text):
        if len(parts) not in (6, 7):
            errors.append(
                _(
                    "Line %(n)d: write 6 or 7 parts separated by |, found %(count)d.",
                    n=n,
                    count=len(parts),
                )
            )
            continue
        key, kind, en, hi, mr, flag = parts[:6]
        options = parts[6] if len(parts) == 7 else ""
        ok = _check_key(n, key, seen, errors)
        kind = kind.lower()
        if kind not in FIELD_TYPES:
            errors.append(
                _(
                    "Line %(n)d: unknown type '%(type)s'; use one of %(types)s.",
                    n=n,
                    type=kind,
                    types=", ".join(FIELD_TYPES),
                )
            )
            ok = False
        ok = _check_labels(n, en, hi, mr, errors) and ok
        required = _required_flag(n, flag, errors)
        extra = _options(n, kind, options, errors) if kind in FIELD_TYPES else None
        if ok and required is not None and extra is not None:
            item = {"key": key, "type": kind, "en": en, "hi": hi, "mr": mr, "required": required}
            item.update(extra)
            items.append(item)
    return items, errors


def _options(n, kind, options, errors) -> dict | None:
    """The type-specific part of a field definition, or None after an error."""
    if kind == "number":
        if not options:
            return {"min": 0, "max": NUMBER_CEILING}
        match = RANGE_RE.match(ascii_digits(options))
        if not match:
            errors.append(
                _(
                    "Line %(n)d: write the range of a number as min-max, like 0-100000.",
                    n=n,
                )
            )
            return None
        low, high = int(match.group(1)), int(match.group(2))
        if low > high:
            errors.append(_("Line %(n)d: the smallest number is above the largest.", n=n))
            return None
        return {"min": low, "max": high}
    if kind == "date":
        when = options.lower() or "past"
        if when not in DATE_WHEN:
            errors.append(
                _("Line %(n)d: a date takes past, future or any, not '%(word)s'.", n=n, word=when)
            )
            return None
        return {"when": when}
    if kind == "select":
        return _choices(n, options, errors)
    if options:
        errors.append(_("Line %(n)d: type '%(type)s' takes no options.", n=n, type=kind))
        return None
    return {}


def _choices(n, options, errors) -> dict | None:
    choices = []
    values: set[str] = set()
    for raw in (c.strip() for c in options.split(";")):
        if not raw:
            continue
        parts = [p.strip() for p in raw.split(":")]
        if len(parts) != 4:
            errors.append(
                _(
                    "Line %(n)d: write the choice '%(choice)s' as value:English:Hindi:Marathi.",
                    n=n,
                    choice=raw,
                )
            )
            return None
        value, en, hi, mr = parts
        if not CHOICE_VALUE_RE.match(value):
            errors.append(
                _(
                    "Line %(n)d: the choice value '%(value)s' must use only small English "
                    "letters, digits and _.",
                    n=n,
                    value=value,
                )
            )
            return None
        if value in values:
            errors.append(
                _("Line %(n)d: the choice value '%(value)s' is used twice.", n=n, value=value)
            )
            return None
        if not _check_labels(n, en, hi, mr, errors):
            return None
        values.add(value)
        choices.append({"value": value, "en": en, "hi": hi, "mr": mr})
    if len(choices) < 2:
        errors.append(_("Line %(n)d: a select needs at least two choices.", n=n))
        return None
    return {"choices": choices}


def format_documents(items: list[dict]) -> str:
    """Stored documents back as the lines an administrator edits."""
    return "\n".join(
        " | ".join(
            [d["key"], d["en"], d["hi"], d["mr"], "required" if d["required"] else "optional"]
        )
        for d in items
    )


def format_fields(items: list[dict]) -> str:
    lines = []
    for f in items:
        parts = [f["key"], f["type"], f["en"], f["hi"], f["mr"]]
        parts.append("required" if f["required"] else "optional")
        options = _format_options(f)
        if options:
            parts.append(options)
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def _format_options(f: dict) -> str:
    if f["type"] == "number":
        if f.get("min", 0) == 0 and f.get("max", NUMBER_CEILING) == NUMBER_CEILING:
            return ""
        return f"{f['min']}-{f['max']}"
    if f["type"] == "date":
        return "" if f.get("when", "past") == "past" else f["when"]
    if f["type"] == "select":
        return "; ".join(f"{c['value']}:{c['en']}:{c['hi']}:{c['mr']}" for c in f["choices"])
    return ""


def definition_errors(documents: list[dict], fields: list[dict]) -> list[str]:
    """Errors in stored definitions (seeded or imported), found by writing
    them out as lines and reading them back."""
    parsed_docs, errors = parse_documents(format_documents(documents))
    parsed_fields, field_errors = parse_fields(format_fields(fields))
    errors += field_errors
    if not errors and (parsed_docs != documents or parsed_fields != fields):
        errors.append("definitions do not survive a round trip through the text format")
    return errors


# --- money and the split ------------------------------------------------------


def parse_rupees(text: str) -> int:
    """'30' or '30.50' (commas and ₹ allowed) as paise. Raises ValueError with
    a message for the user."""
    cleaned = ascii_digits(text or "").replace(",", "").replace("₹", "").strip()
    if cleaned.startswith("-") and cleaned[1:].strip():
        raise ValueError(_("The amount cannot be negative."))
    if not re.fullmatch(r"\d{1,9}(\.\d{1,2})?", cleaned):
        raise ValueError(_("Enter an amount in rupees, like 30 or 30.50."))
    try:
        paise = int(Decimal(cleaned) * 100)
    except InvalidOperation as err:  # pragma: no cover (the pattern rules it out)
        raise ValueError(_("Enter an amount in rupees, like 30 or 30.50.")) from err
    if paise > MAX_FEE_PAISE:
        raise ValueError(_("The amount cannot be more than ₹1,00,000."))
    return paise


def paise_as_input(paise: int | None) -> str:
    """Paise as an administrator types rupees: 3000 -> '30', 3050 -> '30.50'."""
    if paise is None:
        return ""
    rupees_part, rest = divmod(paise, 100)
    return str(rupees_part) if rest == 0 else f"{rupees_part}.{rest:02d}"


def rupees(paise: int | None, lang: str | None = None) -> str:
    """Paise for reading: ₹1,00,000 or ₹33.60 (Indian grouping; decimals only
    when there are paise)."""
    if paise is None:
        return ""
    if lang is None:
        from core.i18n import current_language

        lang = current_language()
    locale = _BABEL_LOCALE.get(lang, "en_IN")
    whole = paise % 100 == 0
    amount = Decimal(paise) / 100
    pattern = "#,##,##0" if whole else "#,##,##0.00"
    return "₹" + format_decimal(amount, format=pattern, locale=locale, numbering_system="latn")


def split_error(csc, gp, society) -> str | None:
    """A message when the three shares of the user charge do not make 100."""
    if None in (csc, gp, society):
        return None
    total = csc + gp + society
    if total != 100:
        return _("The three shares add up to %(total)d; they must add up to 100.", total=total)
    return None
