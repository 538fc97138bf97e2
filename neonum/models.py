from django.db import models


class CacheEntry(models.Model):
    """The table of Django's database cache (CACHES), declared as a model so that `migrate`
    creates it: `createcachetable` would be one more step to forget on a new machine."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "neonum_cache"

    def __str__(self):
        return self.cache_key


class RateLimitHit(models.Model):
    """One counted action (a suggestion, a failed login…) under a key, until `expires`."""

    key = models.CharField(max_length=255)
    at = models.DateTimeField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "expires"], name="ratelimit_key_expires")]

    def __str__(self):
        return self.key
