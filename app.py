"""Zila: the district e-governance portal. The factory only: importing this
module builds nothing (the WSGI server takes `wsgi:app`; `flask --app app`
finds create_app)."""

from flask import Flask
from flask_compress import Compress
from jinja2 import StrictUndefined

from core import access, audit, auth, db, i18n, links, security  # noqa: F401 (audit: models)
from core.assets import assets
from core.config import pick_config, secret_key
from core.ids import IdConverter
from core.render import htmx

compress = Compress()


def create_app(config=None) -> Flask:
    app = Flask(__name__, static_folder="static", static_url_path="/static-src")
    app.config.from_object(pick_config())
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key()
    links.init_app(app)  # refuses to start without PUBLIC_URL in production
    if app.config["STRICT_TEMPLATES"]:
        app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # Every <int:...> of every route is an id (core/ids.py): within 64 bits.
    app.url_map.converters["int"] = IdConverter
    # The static folder is served only under content-hashed names (/a/...).
    access.public(app.view_functions["static"])

    db.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    security.init_app(app)
    access.init_app(app)
    htmx.init_app(app)
    compress.init_app(app)
    assets.init_app(app)
    register_blueprints(app)

    from core.cli import register_commands

    register_commands(app)
    return app


def register_blueprints(app: Flask) -> None:
    from blueprints import area_modules
    from core import report_views

    for area, views in area_modules("views"):
        app.register_blueprint(views.bp, url_prefix=area.url_prefix)
    # The kernel's pages: the status and the file of a report PDF made in huey.
    app.register_blueprint(report_views.bp, url_prefix="/report-jobs")
