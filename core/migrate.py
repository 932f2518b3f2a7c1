"""Versioned schema migrations (peewee-migrate). `flask --app app init-db`
brings any older database up to date without losing rows."""

from pathlib import Path

from peewee_migrate import Router

from core.db import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def router() -> Router:
    return Router(db.obj, migrate_dir=MIGRATIONS, ignore=["basemodel"])


def migrate(upto: str | None = None) -> list[str]:
    """Apply pending migrations (all, or up to and including `upto`)."""
    return router().run(upto)


def all_models():
    """The kernel's own tables, then every area's MODELS (blueprints.AREAS)."""
    from blueprints import area_modules
    from core.audit import AuditEvent
    from core.notify import GatewayAlert, Notification
    from core.periodic import TaskRun
    from core.report_jobs import ReportJob
    from core.workdays import Holiday

    models = [AuditEvent, Notification, GatewayAlert, TaskRun, Holiday, ReportJob]
    for _area, module in area_modules("models"):
        models.extend(getattr(module, "MODELS", ()))
    return models
