"""The case domain: case, customer, activity, action log, document, and their services."""


def modelos():
    """Tables of the case domain, parents first (none yet)."""
    return []
