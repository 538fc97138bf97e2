class ContributionError(Exception):
    """An operation refused by a business rule; its message is meant for the user."""
