"""Our corrected copy of flask-admin's Spanish catalog, winning over the shipped one.

flask-admin lists ``Admin(translations_path=...)`` BEFORE its own folder and flask-babel
merges catalogs in that order, each overriding the previous: the shipped "Salvar" would win
over our "Guardar". ``preferir()`` swaps the class of flask-admin's one domain object for a
subclass that lists our folder last (a subclass, not a patch of flask-admin's code).
"""
from pathlib import Path

CARPETA = str(Path(__file__).resolve().parent)


def preferir():
    from flask_admin import babel

    if not hasattr(babel, 'CustomDomain') or getattr(babel.domain, 'nuestro_al_final', False):
        return

    class Dominio(babel.CustomDomain):
        nuestro_al_final = True

        @property
        def translation_directories(self):
            carpetas = [c for c in super().translation_directories if c != CARPETA]
            return carpetas + [CARPETA]

    babel.domain.__class__ = Dominio
    babel.domain.cache.clear()
