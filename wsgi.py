"""The WSGI entry point: `gunicorn wsgi:app`. Importing app.py builds
nothing; this module builds the one application the server runs."""

from app import create_app

app = create_app()
