"""Languages (English, Hindi, Marathi), Indian number grouping and IST dates."""

import datetime as dt
import unicodedata

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from flask import current_app, has_request_context, request
from flask_babel import Babel, get_locale

from core import clock

LANG_COOKIE = "lang"
LANGUAGE_NAMES = {"en": "English", "hi": "हिन्दी", "mr": "मराठी"}
# Babel locales that give Indian grouping (12,34,567) and Latin digits, which
# every phone keypad and every printed ID uses.
_BABEL_LOCALE = {"en": "en_IN", "hi": "hi_IN", "mr": "mr_IN"}

babel = Babel()


def message_locale() -> str:
    """The language of what goes out without a reader's choice: SMS and
    e-mail to officers, commands and huey tasks. The district's language
    (DEFAULT_LOCALE, from ZILA_DEFAULT_LOCALE), unless CLI_LOCALE names
    another one for this installation. Users have no language of their own:
    an officer reads the district's."""
    languages = current_app.config["LANGUAGES"]
    for name in ("CLI_LOCALE", "DEFAULT_LOCALE"):
        chosen = current_app.config.get(name)
        if chosen in languages:
            return chosen
    return "en"


def select_locale() -> str:
    if not has_request_context():
        return message_locale()
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config["DEFAULT_LOCALE"]


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else "en"


def indian_number(value) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=_BABEL_LOCALE[current_language()], numbering_system="latn")


def rupees(paise) -> str:
    """₹ from paise with Indian grouping; paise shown only when there are any."""
    if paise is None:
        return ""
    whole, part = divmod(int(paise), 100)
    return f"₹{indian_number(whole)}" + (f".{part:02d}" if part else "")


def ist_datetime(value) -> str:
    if not value:
        return ""
    return format_datetime(
        clock.to_ist(value), "d MMM y, HH:mm", locale=_BABEL_LOCALE[current_language()]
    )


def indian_date(value) -> str:
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = clock.to_ist(value).date()
    return format_date(value, "d MMM y", locale=_BABEL_LOCALE[current_language()])


def shown_order(name: str) -> tuple:
    """A sort key for a name as the page shows it: Devanagari by its letters
    in the order of the alphabet (Unicode keeps अ-औ, क-ह in that order),
    English without regard to capitals; joiners, which change only how the
    letters are drawn, are left out."""
    cleaned = unicodedata.normalize("NFC", name or "").replace("\u200c", "").replace("\u200d", "")
    return (cleaned.casefold(), name or "")


def sorted_as_shown(items, name=lambda item: item.name) -> list:
    """`items` in the order of the names shown in the page language
    (`name(item)`, the localised name by default)."""
    return sorted(items, key=lambda item: shown_order(name(item)))


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.filters["num"] = indian_number
    app.jinja_env.filters["ist"] = ist_datetime
    app.jinja_env.filters["date"] = indian_date
    app.jinja_env.filters["rupees"] = rupees

    @app.context_processor
    def _languages():
        return {"language_names": LANGUAGE_NAMES, "lang": current_language()}
