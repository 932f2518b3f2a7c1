"""Commands: flask --app app init-db | seed-demo | create-user | reset-2fa"""

import getpass
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


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when a district exists.")
@with_appcontext
def seed_demo(if_empty):
    """Load the demo district: every area's demo.py, in the order of AREAS."""
    from blueprints import area_modules
    from blueprints.masters.demo import is_empty

    with db.connection_context():
        if not is_empty():
            click.echo("the database already holds a district; nothing seeded")
            if not if_empty:
                raise SystemExit(1)
            return
        started = time.monotonic()
        counts = {}
        for area, demo in area_modules("demo"):
            seeded = demo.seed_demo(echo=click.echo)
            if isinstance(seeded, dict):
                counts.update(seeded)
            else:
                counts[area.name] = seeded
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    click.echo(f"seeded in {time.monotonic() - started:.1f}s: {summary}")


@click.command("demo-logins")
@with_appcontext
def demo_logins():
    """Print the demo usernames and what each can do."""
    from blueprints.accounts.demo import demo_logins as rows
    from blueprints.masters.demo_data import DEMO_PASSWORD

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
