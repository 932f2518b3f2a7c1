"""`flask --app app import-employees FILE [--posts] [--dry-run]`: the same
check and all-or-nothing write as the web import, with a progress bar."""

import click
from flask_babel import force_locale

from blueprints.employees import bp
from core.i18n import message_locale


@bp.cli.command("import-employees")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--posts", is_flag=True, help="The file holds sanctioned posts, not employees.")
@click.option("--dry-run", is_flag=True, help="Only report what would change.")
def import_employees(path, posts, dry_run):
    """Import employees (or sanctioned posts) from a CSV or XLSX file."""

    from blueprints.employees import importer
    from core.db import db

    kind = "posts" if posts else "employees"
    with open(path, "rb") as handle:
        data = handle.read()
    with (
        force_locale(message_locale()),
        db.connection_context(),
        click.progressbar(length=1, label="checking rows") as bar,
    ):
        done = [0]

        def progress(i, total):
            bar.length = total
            bar.update(i - done[0])
            done[0] = i

        try:
            if dry_run:
                plan = importer.check(kind, data, progress)
            else:
                plan = importer.apply(kind, data, None, progress)
        except importer.Refused as refused:
            raise click.ClickException(importer.say(refused.args[0])) from None
        except importer.NotAllowed as refused:
            plan = refused.args[0]
            _print_report(plan)
            raise click.ClickException(
                f"{plan.refused} rows refused: nothing was imported (all or nothing)"
            ) from None
    _print_report(plan)
    verb = "would be" if dry_run else "were"
    click.echo(
        f"{plan.total} rows: {plan.count('created')} {verb} created, {plan.count('changed')} "
        f"changed, {plan.count('unchanged')} unchanged, {plan.refused} refused"
    )


def _print_report(plan):
    from blueprints.employees.importer import say

    for no, outcome, code, messages in plan.report(limit=200):
        click.echo(f"row {no} {code}: {outcome}: " + "; ".join(say(m) for m in messages))
