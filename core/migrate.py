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
    from blueprints.accounts.models import RecoveryCode, User
    from blueprints.alerts.models import ALERT_MODELS
    from blueprints.applications.models import APPLICATION_MODELS
    from blueprints.assignments.models import ASSIGNMENTS_MODELS
    from blueprints.attendance.models import ATTENDANCE_MODELS
    from blueprints.cscs.models import CSC_MODELS
    from blueprints.directory.models import DIRECTORY_MODELS
    from blueprints.employees.models import EMPLOYEES_MODELS
    from blueprints.inspections.models import INSPECTION_MODELS
    from blueprints.masters.models import MASTER_MODELS
    from blueprints.mis.models import MIS_MODELS
    from blueprints.schemes.models import SCHEMES_MODELS
    from blueprints.services.models import Service
    from blueprints.vc.models import VC_MODELS
    from core.audit import AuditEvent
    from core.notify import GatewayAlert, Notification

    return [
        *MASTER_MODELS,
        User,
        RecoveryCode,
        AuditEvent,
        Notification,
        GatewayAlert,
        Service,
        *APPLICATION_MODELS,
        *CSC_MODELS,
        *ALERT_MODELS,
        *INSPECTION_MODELS,
        *SCHEMES_MODELS,
        *MIS_MODELS,
        *EMPLOYEES_MODELS,
        *ASSIGNMENTS_MODELS,
        *ATTENDANCE_MODELS,
        *DIRECTORY_MODELS,
        *VC_MODELS,
    ]
