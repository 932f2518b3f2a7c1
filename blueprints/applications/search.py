"""What a search box over applications matches, the one rule for the CSC's
own list and the office's queue: an application ID (as tracking reads it),
a mobile number or part of one, or part of the applicant's name in either
script (English or Devanagari), and part of an ID."""

import re
import unicodedata

from blueprints.applications.ids import BadId, parse_id
from blueprints.applications.models import Application
from blueprints.catalogue.catalogue import ascii_digits

# Longer than any name or ID: the rest of a pasted paragraph is ignored.
MAX_LENGTH = 60


def cleaned(text) -> str:
    """What was typed, as it is matched and shown back in the box."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.split())[:MAX_LENGTH]


def matching(text):
    """A condition on Application for what was typed, or None when nothing
    was. The caller's own scope (the CSC's, the office's) still applies."""
    text = cleaned(text)
    if not text:
        return None
    try:
        return Application.app_id == parse_id(text)
    except BadId:
        pass
    digits = re.sub(r"[\s-]", "", ascii_digits(text))
    if digits.isascii() and digits.isdigit():
        if len(digits) == 10:
            return Application.mobile == digits
        return Application.mobile.contains(digits) | Application.app_id.contains(digits)
    return (
        Application.applicant_name_en.contains(text)
        | Application.applicant_name_local.contains(text)
        | Application.app_id.contains(text.upper().replace(" ", ""))
    )
