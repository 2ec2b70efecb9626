"""Which cases a staff member may see (the queues apply the same rule in SQL)."""

VEN_TODO = frozenset({'admin', 'gerente'})


def puede_ver(roles, usuario_id, usuario_area_id, caso_area_id, caso_usuario_id,
              caso_registrado_por_id=None) -> bool:
    """admin and gerente see every case; a supervisor without an area too; everyone else sees
    the cases of their area, the ones assigned to them and the ones they registered."""
    roles = set(roles or ())
    if roles & VEN_TODO or ('supervisor' in roles and usuario_area_id is None):
        return True
    if not roles & {'supervisor', 'agente'}:
        return False
    return (usuario_id is not None and usuario_id in (caso_usuario_id, caso_registrado_por_id)
            or usuario_area_id is not None and usuario_area_id == caso_area_id)
