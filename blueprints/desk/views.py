"""Views of the desk blueprint."""

from blueprints.desk import bp  # noqa: F401
