"""The reasons an office gives when it asks for documents or rejects: a
fixed list, translated, that public tracking shows. The office's free-text
remark is for the CSC operator and the staff only: typed in a hurry it may
name people, documents or places that a stranger with the ID should not
read. Where no reason is posted, the general one of the action stands."""

from flask_babel import lazy_gettext as _l

DOCUMENT_REASONS = {
    "docs_other": _l("More documents are needed; the CSC has the details"),
    "docs_missing": _l("A required document is missing"),
    "docs_unreadable": _l("A document cannot be read; bring a clear copy"),
    "docs_mismatch": _l("A document does not match the details of the application"),
    "docs_original": _l("Show the original documents at the office"),
}
REJECT_REASONS = {
    "reject_other": _l("Rejected by the office; the CSC has the details"),
    "reject_eligibility": _l("Not eligible under the rules of the service"),
    "reject_documents": _l("The documents asked for were not given"),
    "reject_genuine": _l("The information or documents could not be verified"),
    "reject_duplicate": _l("The same applicant has applied for this already"),
}
# The first of each list is the general reason, the default.
BY_ACTION = {"ask_documents": DOCUMENT_REASONS, "reject": REJECT_REASONS}
LABELS = {**DOCUMENT_REASONS, **REJECT_REASONS}


def for_action(action: str, reason: str | None) -> str:
    """The reason code to store for an action: the one chosen, the general
    one when none was, "" for actions without reasons. ValueError for a code
    that is not on the action's list."""
    choices = BY_ACTION.get(action)
    if choices is None:
        return ""
    if not reason:
        return next(iter(choices))
    if reason not in choices:
        raise ValueError(reason)
    return reason


def label(reason: str | None):
    return LABELS.get(reason or "", "")


def choices(action: str) -> list:
    return list(BY_ACTION.get(action, {}).items())


def register_template_helpers(bp):
    bp.app_template_global("reason_choices")(choices)
    bp.app_template_global("reason_label")(label)
