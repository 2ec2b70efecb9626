"""Access of people and programs to the case domain: API tokens issued and revoked (``tokens``),
one service shared by the JSON API and the command line."""
