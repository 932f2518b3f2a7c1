"""Views of attendance."""

from blueprints.attendance import bp  # noqa: F401
