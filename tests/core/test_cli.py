"""The flask commands an administrator runs on the server."""

import pytest

from blueprints.accounts.models import RecoveryCode, User
from blueprints.accounts.services import issue_recovery_codes
from core.audit import AuditEvent
from core.passwords import verify_password
from tests.factories import make_user
from tests.fixtures import english  # noqa: F401 (autouse)
from tests.helpers import Browser

# Messages of commands are in the district's language (core.i18n.message_locale);
# these tests read them in English.

PASSWORD = "server-side-password"


@pytest.fixture
def cli(app, place):
    runner = app.test_cli_runner()

    def run(*args, password=PASSWORD):
        return runner.invoke(args=list(args), env={"ZILA_PASSWORD": password})

    return run


def create(cli, username, role, code, **kw):
    args = ("create-user", username, "--role", role, "--name", "Sunita Pawar", "--at", code)
    return cli(*args, **kw)


def test_create_user_bound_by_code(app, cli):
    result = create(cli, "Sunita.P", "csc_operator", "csc1")
    assert result.exit_code == 0, result.output
    assert "created sunita.p (csc_operator)" in result.output
    with app.app_context():
        user = User.get(User.username == "sunita.p")
        assert user.csc.code == "CSC1"
        assert verify_password(user.password_hash, PASSWORD)
        assert AuditEvent.get(AuditEvent.action == "account.created").object_id == str(user.id)


def test_created_user_signs_in_with_that_password(app, cli):
    assert create(cli, "sunita.p", "csc_operator", "CSC1").exit_code == 0
    with app.app_context():
        user = User.get(User.username == "sunita.p")
    assert Browser(app.test_client()).login(user, password=PASSWORD).location == "/"


def test_create_user_with_a_bad_role_fails(app, cli):
    result = create(cli, "someone", "collector", "")
    assert result.exit_code != 0
    assert "choose one of" in result.output
    with app.app_context():
        assert not User.select().where(User.username == "someone").exists()


def test_create_user_with_a_short_password_fails(app, cli):
    result = create(cli, "someone", "admin", "", password="short")
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output
    with app.app_context():
        assert User.select().count() == 0


def test_create_user_with_an_unknown_place_code_says_so(app, cli):
    result = create(cli, "someone", "csc_operator", "NOPE9")
    assert result.exit_code == 1, result.output
    assert "No place with the code NOPE9" in result.output
    with app.app_context():
        assert not User.select().where(User.username == "someone").exists()


def test_create_user_with_a_taken_username_says_so(app, cli):
    assert create(cli, "sunita.p", "admin", "").exit_code == 0
    result = create(cli, "sunita.p", "admin", "")
    assert result.exit_code == 1, result.output
    assert "is taken" in result.output


def test_reset_2fa_clears_the_secret_and_is_recorded(app, cli, place):
    with app.app_context():
        user = make_user("district_manager", place)
        issue_recovery_codes(user)
    result = cli("reset-2fa", "District-Manager-0", "--reason", "lost phone")
    assert result.exit_code == 0, result.output
    assert "reset for" in result.output
    with app.app_context():
        fresh = User.get_by_id(user.id)
        assert fresh.totp_secret is None
        assert fresh.session_version == user.session_version + 1
        assert RecoveryCode.select().where(RecoveryCode.user == user.id).count() == 0
        event = AuditEvent.get(AuditEvent.action == "2fa.reset")
    assert event.object_id == str(user.id)
    assert event.actor_id is None
    assert "lost phone" in event.details["reason"]


def test_reset_2fa_of_an_unknown_user_fails(cli):
    result = cli("reset-2fa", "nobody", "--reason", "lost phone")
    assert result.exit_code == 1
    assert "no user nobody" in result.output


def test_init_db_on_a_migrated_database_is_up_to_date(cli):
    result = cli("init-db")
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
