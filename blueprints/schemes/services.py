"""Scheme information: the published schemes, the list's filters and search,
the eligibility finder, and the draft → submitted → published workflow."""

from blueprints.schemes.models import Scheme


def published_schemes():
    """Schemes with a published version (what the public and the MIS see)."""
    return Scheme.select().where(Scheme.is_published == True)  # noqa: E712
