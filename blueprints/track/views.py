"""Views of the track blueprint."""

from blueprints.track import bp  # noqa: F401
