"""Views of mis."""

from blueprints.mis import bp  # noqa: F401
