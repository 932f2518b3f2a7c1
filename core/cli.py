"""Commands: flask --app app init-db | seed-demo | create-user | reset-2fa"""

import getpass
import importlib
import importlib.util
import time

import click
from flask.cli import with_appcontext

from core.db import db


def register_commands(app):
    for command in (init_db, seed_demo, create_user, reset_2fa, demo_logins):
        app.cli.add_command(command)


@click.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the database schema."""
    from core.migrate import migrate

    with db.connection_context():
        done = migrate()
    click.echo(f"migrations applied: {', '.join(done) if done else 'none (up to date)'}")


# Areas with a blueprints/<area>/demo.py whose seed_demo(echo) -> count loads
# their part of the demo district.
DEMO_AREAS = ("schemes", "mis", "employees", "assignments", "attendance", "directory", "vc")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when a district exists.")
@with_appcontext
def seed_demo(if_empty):
    """Load the demo district: places, offices, CSCs and users of every role."""
    from blueprints.applications.demo import seed_applications
    from blueprints.cscs.demo import seed_registry
    from blueprints.inspections.demo import seed_inspections
    from blueprints.masters.seed import is_empty
    from blueprints.masters.seed import seed_demo as run
    from blueprints.services.demo_services import seed_services

    with db.connection_context():
        if not is_empty():
            click.echo("the database already holds a district; nothing seeded")
            if not if_empty:
                raise SystemExit(1)
            return
        started = time.monotonic()
        counts = run(echo=click.echo)
        counts["service"] = seed_services(echo=click.echo)
        counts["application"] = seed_applications(echo=click.echo)
        counts["csc_registry"] = seed_registry(echo=click.echo)
        counts["inspection"] = seed_inspections(echo=click.echo)
        for area in DEMO_AREAS:  # in this order: later areas use earlier ones
            if importlib.util.find_spec(f"blueprints.{area}.demo") is not None:
                demo = importlib.import_module(f"blueprints.{area}.demo")
                counts[area] = demo.seed_demo(echo=click.echo)
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    click.echo(f"seeded in {time.monotonic() - started:.1f}s: {summary}")


@click.command("demo-logins")
@with_appcontext
def demo_logins():
    """Print the demo usernames and what each can do."""
    from blueprints.masters.demo_data import DEMO_PASSWORD
    from blueprints.masters.seed import demo_logins as rows

    logins = rows()
    if not logins:
        click.echo("No demo users here (this is not the demo district).")
        return
    click.echo(f"Demo password for every user: {DEMO_PASSWORD}")
    for username, role, note in logins:
        click.echo(f"  {username:<22} {role:<18} {note}")


@click.command("create-user")
@click.argument("username")
@click.option("--role", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--at", "binding_code", default="", help="Code of the CSC/GP/office/block/tehsil")
@click.option("--mobile", default="")
@with_appcontext
def create_user(username, role, full_name, binding_code, mobile):
    """Create a user; the password is asked for (or read from ZILA_PASSWORD)."""
    import os

    from blueprints.accounts.models import ROLES
    from blueprints.accounts.services import UserError
    from blueprints.accounts.services import create_user as make
    from core.passwords import MIN_LENGTH

    if role not in ROLES:
        raise click.BadParameter(f"choose one of {', '.join(ROLES)}", param_hint="--role")
    password = os.environ.get("ZILA_PASSWORD") or getpass.getpass("Password: ")
    if len(password) < MIN_LENGTH:
        raise click.ClickException(f"the password needs at least {MIN_LENGTH} characters")
    with db.connection_context():
        try:
            user = make(
                None,
                username=username,
                full_name=full_name,
                role=role,
                password=password,
                binding_code=binding_code,
                mobile=mobile,
            )
        except UserError as err:
            raise click.ClickException(str(err)) from err
    click.echo(f"created {user.username} ({user.role})")


@click.command("reset-2fa")
@click.argument("username")
@click.option("--reason", required=True)
@with_appcontext
def reset_2fa(username, reason):
    """Clear a user's TOTP and recovery codes (recorded in the history)."""
    from blueprints.accounts.models import User
    from blueprints.accounts.services import reset_second_factor

    with db.connection_context():
        user = User.get_or_none(User.username == username.lower())
        if user is None:
            raise click.ClickException(f"no user {username}")
        reset_second_factor(user, None, f"command line: {reason}")
    click.echo(f"two-step sign-in reset for {username}; they set it up at the next sign-in")
