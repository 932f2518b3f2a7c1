"""Views of assignments."""

from blueprints.assignments import bp  # noqa: F401
