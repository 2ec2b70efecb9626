"""Time the bulk recompute of open deadlines after a calendar change.

    python -m bench.bench_recalculo [--casos 100000]

Seeds a fresh SQLite database under bench/resultados/ with only open cases, adds a company
non-working day to every calendar, and times reclamos.plazos.recalculo.recalcular_vencimientos.
"""
import argparse
import datetime
import os
import tempfile
import time


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--casos', type=int, default=100_000)
    args = parser.parse_args(argv)
    carpeta = tempfile.mkdtemp(prefix='bench-recalculo-')
    os.environ['RECLAMOS_INSTANCE'] = carpeta
    os.environ.pop('DATABASE_URL', None)
    from bench import sembrar
    sembrar.main(['--casos', str(args.casos), '--solo-abiertos'])

    from admin_app import create_app
    app = create_app()
    with app.app_context():
        from catalogos.organizacion import Calendario, DiaEspecial
        from reclamos.plazos.recalculo import recalcular_vencimientos
        manana = datetime.date.today() + datetime.timedelta(days=1)
        for calendario in Calendario.select():
            DiaEspecial.get_or_create(calendario=calendario, fecha=manana,
                                      defaults={'tipo': 'no_laborable',
                                                'descripcion': 'Medición'})
        inicio = time.monotonic()
        leidos, movidos = recalcular_vencimientos()
        duracion = time.monotonic() - inicio
    print(f'Recalculados {leidos} casos abiertos ({movidos} plazos movidos) en '
          f'{duracion:.2f} s: {leidos / duracion:,.0f} casos/s.')


if __name__ == '__main__':
    main()
