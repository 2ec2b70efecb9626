"""Time the escalation sweep over a large database.

    python -m bench.bench_alertas [--casos 1000000] [--vencidos 2000]

Seeds a fresh SQLite database under a temporary folder (or uses DATABASE_URL, seeding it when
it has fewer cases) with bench.sembrar, schedules every open term one hour ahead (what the
sweep leaves behind once it has looked at them), and times reclamos.alertas.barrido.barrer:

1. nothing due: the sweep reads the schedule index and finds nothing (target < 2 s);
2. ``--vencidos`` terms due at once (a first look after an upgrade or a long stop): terms/s.
"""
import argparse
import datetime
import os
import tempfile
import time


def _medir(funcion, veces=3):
    mejor, resultado = None, None
    for _ in range(veces):
        inicio = time.perf_counter()
        resultado = funcion()
        duracion = time.perf_counter() - inicio
        mejor = duracion if mejor is None else min(mejor, duracion)
    return mejor, resultado


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--casos', type=int, default=1_000_000)
    parser.add_argument('--vencidos', type=int, default=2000)
    args = parser.parse_args(argv)
    if not os.environ.get('DATABASE_URL'):
        os.environ['RECLAMOS_INSTANCE'] = tempfile.mkdtemp(prefix='bench-alertas-')
    from bench import sembrar
    sembrar.main(['--casos', str(args.casos)])

    from admin_app import create_app
    from bd import db, es_postgres
    from reclamos.alertas.barrido import barrer
    from reclamos.caso.modelo import Reclamo
    from reclamos.plazos.modelo import TerminoCaso
    from reclamos.tiempo import a_bd, ahora_utc
    from reglas.transiciones import ABIERTOS

    app = create_app()
    with app.app_context(), db.connection_context():
        ahora = ahora_utc()
        abiertos = TerminoCaso.cumplido_en.is_null() & (TerminoCaso.cancelado == False)  # noqa: E712
        with db.atomic():
            programados = (TerminoCaso.update(alerta_en=a_bd(ahora + datetime.timedelta(hours=1)))
                           .where(abiertos).execute())
        db.execute_sql('ANALYZE' if es_postgres() else 'PRAGMA optimize')
        casos = Reclamo.select().count()
        casos_abiertos = Reclamo.select().where(Reclamo.estado.in_(ABIERTOS)).count()
        print(f'{casos} casos, {casos_abiertos} abiertos, {programados} plazos en curso '
              f'({"PostgreSQL" if es_postgres() else "SQLite"}).')

        segundos, resumen = _medir(lambda: barrer(ahora))
        print(f'Barrido sin nada debido: {segundos * 1000:.1f} ms (mejor de 3); {resumen}.')

        ids = [i for (i,) in TerminoCaso.select(TerminoCaso.id).where(abiertos)
               .order_by(TerminoCaso.id).limit(args.vencidos).tuples()]
        with db.atomic():
            TerminoCaso.update(alerta_en=TerminoCaso.inicio).where(
                TerminoCaso.id.in_(ids)).execute()
        segundos, resumen = _medir(lambda: barrer(ahora), veces=1)
        print(f'Barrido con {len(ids)} plazos por mirar: {segundos:.2f} s, '
              f'{resumen["terminos"] / segundos:,.0f} plazos/s; {resumen}.')


if __name__ == '__main__':
    main()
