"""Views of the reports blueprint."""

from blueprints.reports import bp  # noqa: F401
