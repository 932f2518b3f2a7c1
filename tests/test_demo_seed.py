"""`make run` seeds the whole demo district through `flask seed-demo`; this
runs that command end to end on the suite's backend (SQLite, then PostgreSQL),
so a backend-specific statement in any area's demo fails here first."""

from core.cli import DEMO_AREAS


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
