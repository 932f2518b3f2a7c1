"""Users, their roles and jurisdictions, their second factor, and the posts
they hold by charge (the charge book: blueprints.employees.charges)."""

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.masters.models import Block, Csc, GramPanchayat, Office, Tehsil
from core import clock
from core.db import BaseModel

ROLES = {
    "csc_operator": _l("CSC operator"),
    "gp_staff": _l("Gram panchayat staff"),
    "office_user": _l("Office user"),
    "office_head": _l("Office head"),
    "block_officer": _l("Block / tehsil officer"),
    "district_manager": _l("District manager"),
    "admin": _l("Administrator"),
    # Keeps the employee register of the whole district (blueprints/employees).
    "establishment": _l("Establishment / HR"),
}
# Roles that may not sign in on a password alone.
# Establishment users see employees' personal data: a second factor too.
TOTP_REQUIRED = frozenset({"district_manager", "admin", "office_head", "establishment"})
# The one binding each role must have; district-wide roles need none.
ROLE_BINDING = {
    "csc_operator": ("csc",),
    "gp_staff": ("gram_panchayat",),
    "office_user": ("office",),
    "office_head": ("office",),
    "block_officer": ("block", "tehsil"),
    "district_manager": (),
    "admin": (),
    "establishment": ("office",),
}


class User(BaseModel):
    username = pw.CharField(max_length=40, unique=True)
    full_name = pw.CharField(max_length=120)
    full_name_local = pw.CharField(max_length=120, default="")
    role = pw.CharField(max_length=20, choices=list(ROLES.items()), index=True)
    password_hash = pw.CharField(max_length=200)
    mobile = pw.CharField(max_length=10, default="")
    email = pw.CharField(max_length=120, default="")

    csc = pw.ForeignKeyField(Csc, null=True, backref="users", on_delete="RESTRICT")
    gram_panchayat = pw.ForeignKeyField(
        GramPanchayat, null=True, backref="users", on_delete="RESTRICT"
    )
    office = pw.ForeignKeyField(Office, null=True, backref="users", on_delete="RESTRICT")
    block = pw.ForeignKeyField(Block, null=True, backref="users", on_delete="RESTRICT")
    tehsil = pw.ForeignKeyField(Tehsil, null=True, backref="users", on_delete="RESTRICT")

    is_active_account = pw.BooleanField(default=True)
    # Bumped on password change, 2FA reset and deactivation: old sessions die.
    session_version = pw.IntegerField(default=1)
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    last_login_at = pw.DateTimeField(null=True)

    totp_secret = pw.CharField(max_length=64, null=True)
    # The last accepted TOTP time step, so that a code cannot be replayed.
    totp_last_step = pw.BigIntegerField(default=0)

    created_at = pw.DateTimeField(default=clock.now)

    # Flask-Login's interface
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.is_active_account

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def role_label(self):
        return ROLES.get(self.role, self.role)

    @property
    def totp_enabled(self) -> bool:
        return bool(self.totp_secret)

    @property
    def totp_required(self) -> bool:
        return self.role in TOTP_REQUIRED

    @property
    def display_name(self) -> str:
        from flask_babel import get_locale

        locale = get_locale()
        if locale is not None and locale.language != "en" and self.full_name_local:
            return self.full_name_local
        return self.full_name


class RecoveryCode(BaseModel):
    """One-time codes for a lost phone; only their SHA-256 is kept."""

    user = pw.ForeignKeyField(User, backref="recovery_codes", on_delete="CASCADE")
    code_hash = pw.CharField(max_length=64, index=True)
    used_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "recovery_code"


# A post is told, not a person: whoever holds its charge on the day.
# post -> what it is attached to ("office", "block", "tehsil" or None).
POSTS = {
    "desk": _l("Desk"),
    "office_head": _l("Office head"),
    "bdo": _l("Block development officer (BDO)"),
    "sdm": _l("SDM / tehsildar"),
    "district_manager": _l("District manager"),
}
POST_PLACE = {
    "desk": "office",
    "office_head": "office",
    "bdo": "block",
    "sdm": "tehsil",
    "district_manager": None,
}
# The more senior post wins when one person holds two for the same office.
POST_RANK = {post: rank for rank, post in enumerate(POSTS)}

CHARGE_REASONS = {
    "regular": _l("Regular charge"),
    "additional": _l("Additional charge"),
    "leave": _l("Leave substitute"),
}
# What the charge page may enter: what the employee register cannot say.
NEW_CHARGE_REASONS = ("additional", "leave")


class ChargeAssignment(BaseModel):
    """Who holds a post from one date to another (both inclusive; no end:
    until further orders). Ended by setting to_date, never deleted, so the
    history of who held what stays."""

    post = pw.CharField(max_length=20, choices=list(POSTS.items()))
    office = pw.ForeignKeyField(Office, null=True, on_delete="RESTRICT")
    block = pw.ForeignKeyField(Block, null=True, on_delete="RESTRICT")
    tehsil = pw.ForeignKeyField(Tehsil, null=True, on_delete="RESTRICT")
    user = pw.ForeignKeyField(User, backref="charges", on_delete="RESTRICT")
    reason = pw.CharField(max_length=12, default="regular", choices=list(CHARGE_REASONS.items()))
    # A leave substitute stands in for this person; none: for every holder.
    instead_of = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    from_date = pw.DateField()
    to_date = pw.DateField(null=True)
    note = pw.CharField(max_length=200, default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "charge_assignment"
        indexes = ((("post", "from_date"), False),)

    @property
    def post_label(self):
        return POSTS.get(self.post, self.post)

    @property
    def reason_label(self):
        return CHARGE_REASONS.get(self.reason, self.reason)

    @property
    def place_id(self):
        kind = POST_PLACE.get(self.post)
        return getattr(self, f"{kind}_id") if kind else None


class UserSession(BaseModel):
    """A signed-in browser. The cookie carries a random token; only its
    SHA-256 is kept, so a copy of the table opens no session. Ending the row
    ends the session for every copy of the cookie."""

    user = pw.ForeignKeyField(User, backref="sessions", on_delete="CASCADE")
    token_hash = pw.CharField(max_length=64, unique=True)
    created_at = pw.DateTimeField(default=clock.now)
    last_seen_at = pw.DateTimeField(default=clock.now)
    user_agent = pw.CharField(max_length=200, default="")
    address = pw.CharField(max_length=45, default="")
    ended_at = pw.DateTimeField(null=True)
    # logout, idle, password, 2fa, everywhere, admin, other, deactivated
    end_reason = pw.CharField(max_length=12, default="")

    class Meta:
        table_name = "user_session"
        indexes = [(("user", "ended_at"), False)]


class LoginThrottle(BaseModel):
    """Wrong passwords and codes for one account from one client address
    (or "*" for the account-wide brake): a guesser slows down only itself."""

    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    address = pw.CharField(max_length=45)
    failures = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)

    class Meta:
        table_name = "login_throttle"
        indexes = [(("user", "address"), True)]


MODELS = (User, RecoveryCode, ChargeAssignment, UserSession, LoginThrottle)
