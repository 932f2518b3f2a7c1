"""Views of the services blueprint."""

from blueprints.services import bp  # noqa: F401
