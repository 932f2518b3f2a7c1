"""`make run` seeds the whole demo district through `flask seed-demo`; this
runs that command end to end on the suite's backend (SQLite, then PostgreSQL),
so a backend-specific statement in any area's demo fails here first."""

from blueprints import area_modules

# Every area with a demo.py counts itself in the summary; the masters' and
# the accounts' seeds count their tables (district, tehsil, ..., user) instead.
DEMO_AREAS = tuple(
    area.name for area, _ in area_modules("demo") if area.name not in ("masters", "accounts")
)


def test_seed_demo_loads_every_area_once(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output[-3000:]
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("seeded in "), summary
    for area in DEMO_AREAS:
        assert f"{area} " in summary, (area, summary)
    counts = dict(part.rsplit(" ", 1) for part in summary.split(": ", 1)[1].split(", "))
    assert all(int(n) > 0 for n in counts.values()), counts
    logins = runner.invoke(args=["demo-logins"]).output
    for username in ("collector", "vle.bidkin", "establishment", "head.ps.paithan", "clerk.zpsw"):
        assert f"{username} " in logins or f"{username}\t" in logins, (username, logins)
    assert "TOTP secret" in logins
    # A second run finds the district and refuses; --if-empty is a no-op.
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 1
    assert runner.invoke(args=["seed-demo", "--if-empty"]).exit_code == 0


def test_demo_logins_lists_no_one_outside_the_demo_district(app, place):
    """A real district's users are never password-checked nor listed."""
    from blueprints.accounts.models import User
    from blueprints.masters.demo_data import DEMO_PASSWORD
    from blueprints.masters.models import District
    from core.passwords import hash_password
    from tests.factories import make_user

    with app.app_context():
        District.update(code="JAL").execute()  # another district, not the demo
        user = make_user("district_manager", place, username="real.collector")
        # Even a user whose password happens to be the demo one stays unlisted.
        User.update(password_hash=hash_password(DEMO_PASSWORD)).where(User.id == user.id).execute()
    output = app.test_cli_runner().invoke(args=["demo-logins"]).output
    assert "real.collector" not in output
    assert "not the demo district" in output
