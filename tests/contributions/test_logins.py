import statistics
import time

import pytest

from contributions.services import logins
from tests.contributions.conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = "Trop de tentatives de connexion échouées"
WRONG = "L’adresse e-mail ou le mot de passe sont incorrects"
STRANGER, OWNER_ELSEWHERE = "198.51.100.66", "203.0.113.20"


def login(client, password, ip, email="proprio@example.org"):
    client.logout()
    return client.post("/fr/compte/login/", {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_a_strangers_wrong_passwords_never_lock_the_owner_out(client, people):
    answers = [login(client, f"essai {i}", STRANGER).content.decode() for i in range(20)]
    assert sum(WRONG in a for a in answers) == logins.FREE
    assert sum(TOO_MANY in a for a in answers) == 20 - logins.FREE
    # The stranger is throttled even with the right password, until the back-off is over…
    assert TOO_MANY in login(client, PASSWORD, STRANGER).content.decode()
    # …while the owner, from their own address, logs in at once.
    assert login(client, PASSWORD, OWNER_ELSEWHERE).status_code == 302


def test_one_address_trying_many_accounts_is_limited(client, people):
    for i in range(logins.PER_ADDRESS):
        assert WRONG in login(client, "x", STRANGER, f"n{i}@example.org").content.decode()
    assert TOO_MANY in login(client, "x", STRANGER, "autre@example.org").content.decode()
    assert login(client, PASSWORD, OWNER_ELSEWHERE, "autre@example.org").status_code == 302


def test_a_successful_login_forgets_the_owners_own_typos(client, people):
    for i in range(logins.FREE - 1):
        assert WRONG in login(client, f"faute {i}", OWNER_ELSEWHERE).content.decode()
    assert login(client, PASSWORD, OWNER_ELSEWHERE).status_code == 302
    for i in range(logins.FREE):
        assert WRONG in login(client, f"faute {i}", OWNER_ELSEWHERE).content.decode()


def signup_time(client, email):
    data = {"email": email, "password1": PASSWORD + "!", "password2": PASSWORD + "!"}
    client.logout()
    start = time.perf_counter()
    response = client.post("/fr/compte/signup/", data)
    elapsed = time.perf_counter() - start
    assert response.status_code == 302
    return elapsed


def test_signing_up_with_a_known_address_takes_as_long_as_with_a_new_one(client, people, settings):
    # The production hasher: the difference to hide is the cost of hashing a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    # Interleaved, so that a busy moment of the machine slows both kinds alike.
    pairs = [
        (signup_time(client, "proprio@example.org"), signup_time(client, f"n{i}@example.org"))
        for i in range(7)
    ]
    known, new = (statistics.median(times) for times in zip(*pairs, strict=True))
    # Without the equalising hash, the known address answered about ten times faster.
    assert 1 / 3 < known / new < 3, (known, new)
