"""Zila: the district e-governance portal. `flask --app app run`."""

from flask import Flask
from flask_compress import Compress
from jinja2 import StrictUndefined

from core import access, audit, auth, db, i18n, security  # noqa: F401 (audit: models)
from core.assets import assets
from core.config import pick_config, secret_key
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
    if app.config["STRICT_TEMPLATES"]:
        app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
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
    from blueprints.accounts.views import bp as accounts
    from blueprints.admin.views import bp as admin
    from blueprints.alerts.views import bp as alerts
    from blueprints.applications.views import bp as applications
    from blueprints.assignments.views import bp as assignments
    from blueprints.attendance.views import bp as attendance
    from blueprints.cscs.views import bp as cscs
    from blueprints.desk.views import bp as desk
    from blueprints.directory.views import bp as directory
    from blueprints.employees.views import bp as employees
    from blueprints.home.views import bp as home
    from blueprints.inspections.views import bp as inspections
    from blueprints.masters.views import bp as masters
    from blueprints.mis.views import bp as mis
    from blueprints.pendency.views import bp as pendency
    from blueprints.reports.views import bp as reports
    from blueprints.schemes.views import bp as schemes
    from blueprints.services.views import bp as services
    from blueprints.track.views import bp as track
    from blueprints.vc.views import bp as vc

    app.register_blueprint(home)
    app.register_blueprint(accounts)
    app.register_blueprint(masters, url_prefix="/masters")
    app.register_blueprint(admin, url_prefix="/admin")
    app.register_blueprint(services, url_prefix="/services")
    app.register_blueprint(applications, url_prefix="/applications")
    app.register_blueprint(desk, url_prefix="/desk")
    app.register_blueprint(track)
    app.register_blueprint(reports, url_prefix="/reports")
    app.register_blueprint(cscs, url_prefix="/cscs")
    app.register_blueprint(pendency, url_prefix="/pendency")
    app.register_blueprint(alerts, url_prefix="/alerts")
    app.register_blueprint(inspections, url_prefix="/inspections")
    app.register_blueprint(schemes, url_prefix="/schemes")
    app.register_blueprint(mis, url_prefix="/mis")
    app.register_blueprint(employees, url_prefix="/employees")
    app.register_blueprint(assignments, url_prefix="/assignments")
    app.register_blueprint(attendance, url_prefix="/attendance")
    app.register_blueprint(directory, url_prefix="/directory")
    app.register_blueprint(vc, url_prefix="/vc")


app = create_app()
