"""Instants: naive UTC in the database, aware UTC for the rules (which refuse naive ones)."""
from datetime import datetime, timezone

UTC = timezone.utc


def ahora_utc():
    return datetime.now(UTC)


def aware(instante):
    """An aware UTC instant; a naive one is taken as UTC (what the database holds)."""
    if instante is None:
        return None
    if instante.tzinfo is None or instante.utcoffset() is None:
        return instante.replace(tzinfo=UTC)
    return instante.astimezone(UTC)


def a_bd(instante):
    """The naive UTC value a DateTimeField stores."""
    if instante is None:
        return None
    return aware(instante).replace(tzinfo=None)


def instante_de(valor):
    """Parse an ISO text or accept a datetime; returns aware UTC. ValueError when it is not."""
    if isinstance(valor, datetime):
        return aware(valor)
    if isinstance(valor, str) and valor.strip():
        return aware(datetime.fromisoformat(valor.strip().replace('Z', '+00:00')))
    raise ValueError(valor)
