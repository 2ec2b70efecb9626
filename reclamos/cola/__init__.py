"""The queue: which open cases a staff member works next, for the agent screens and the API.

It owns the filters (``filtros``), the visibility branches in SQL (``alcance``, from
reglas.visibilidad), the keyset paging and the sort, next due first (``paginas``), and the
traffic light of each row (``semaforo``, reglas.sla with each term's own threshold).
"""
from reclamos.cola.alcance import alcance, ramas
from reclamos.cola.filtros import Filtros
from reclamos.cola.paginas import POR_PAGINA, pagina_cola
from reclamos.cola.semaforo import SUSPENDIDO, semaforos

__all__ = ['Filtros', 'POR_PAGINA', 'SUSPENDIDO', 'alcance', 'pagina_cola', 'ramas',
           'semaforos']
