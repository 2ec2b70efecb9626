"""The single error type of the rules package."""


class ReglaInvalida(ValueError):
    """A rule, calendar or term was given an invalid value; the message (Spanish) names it.

    It subclasses ValueError so callers that already catch ValueError keep working.
    """
