"""Password hashing with Argon2id (memory-hard), and password rules."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

_hashers: dict = {}

MIN_LENGTH = 10


def _hasher() -> PasswordHasher:
    # Tests use smaller (still memory-hard) parameters so the suite stays fast.
    memory = current_app.config.get("ARGON2_MEMORY_KIB", 65536)
    if memory not in _hashers:
        _hashers[memory] = PasswordHasher(memory_cost=memory)
    return _hashers[memory]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)


# A dummy hash to verify against when the username is unknown, so that the
# response time does not reveal which usernames exist.
def dummy_verify(password: str) -> None:
    verify_password(_dummy_hash(), password)


def _dummy_hash() -> str:
    memory = current_app.config.get("ARGON2_MEMORY_KIB", 65536)
    key = ("dummy", memory)
    if key not in _hashers:
        _hashers[key] = _hasher().hash("not-a-real-password")
    return _hashers[key]
