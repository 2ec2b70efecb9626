"""A list read the first time a page uses it."""


class Perezosa:
    """The rows of ``leer()``, read on first use: the case page draws a form (and needs its
    choices: motives, areas, users...) only for the actions this user may do now."""

    def __init__(self, leer):
        self._leer = leer
        self._filas = None

    def _cargadas(self):
        if self._filas is None:
            self._filas = list(self._leer())
        return self._filas

    def __iter__(self):
        return iter(self._cargadas())

    def __len__(self):
        return len(self._cargadas())

    def __bool__(self):
        return bool(self._cargadas())

    def __getitem__(self, indice):
        return self._cargadas()[indice]
