"""What both formats share: date-times as the declaration keeps them (ISO, UTC)."""

from datetime import UTC

SUMMARY_LENGTH = 280


def moment(value):
    return value.astimezone(UTC).isoformat()
