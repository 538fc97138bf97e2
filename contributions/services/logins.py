"""Throttling of failed logins that no stranger can turn against an account's owner.

Failures are counted per client address (a plain limit: one address cannot try many
accounts) and per account *and* client address, with a back-off: after FREE failures the next
try waits BASE seconds, doubling with each further failure, at most CAP. Nothing is counted per
account alone, so wrong passwords sent from one address never lock the owner out from another.
A successful login forgets its own attempt and that account's failures from that address."""

import hashlib

from neonum import ratelimit

PER_ADDRESS = 10  # failures per address and WINDOW_ADDRESS, whatever the accounts
WINDOW_ADDRESS = 60
FREE = 5
BASE = 5
CAP = 15 * 60
WINDOW = 60 * 60  # a failure is forgotten after an hour


def _account_key(ip, login):
    digest = hashlib.sha256(f"{ip}\n{login.strip().lower()}".encode()).hexdigest()
    return f"login-failed:account:{digest}"


def before(ip, login):
    """Counts an attempt before the password is checked (so that parallel tries are counted
    too). Returns a token for `succeeded`, or None when the attempt must be refused."""
    address_hit = ratelimit.consume(f"login-failed:ip:{ip}", PER_ADDRESS, WINDOW_ADDRESS)
    if address_hit is None:
        return None
    if ratelimit.attempt(_account_key(ip, login), free=FREE, window=WINDOW, base=BASE, cap=CAP):
        ratelimit.undo(address_hit)
        return None
    return address_hit


def succeeded(ip, login, token):
    ratelimit.undo(token)
    ratelimit.clear(_account_key(ip, login))
