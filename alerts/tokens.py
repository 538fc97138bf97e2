"""The unsubscribe links of the alert e-mails: signed (django.core.signing, a salt of
their own), naming the person and the subscriptions, without expiry: a mail read months
later must still unsubscribe in one click."""

from django.core import signing

SALT = "alerts.unsubscribe"


def make(user_id, subscription_ids):
    return signing.dumps({"u": user_id, "s": sorted(subscription_ids)}, salt=SALT, compress=True)


def read(token):
    """(user id, [subscription ids]), or None when the token was not signed by us."""
    try:
        data = signing.loads(token, salt=SALT)
        user, ids = int(data["u"]), [int(pk) for pk in data["s"]]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return user, ids
