"""Side by side with django-helpdesk 2.6.1 under the same client, on the same machine.

    python -m bench.comparar [--casos 100000] [--bd sqlite|postgresql] [--segundos 10]
                             [--repeticiones 3] [--resultados bench/RESULTS.md]

Installs the peer with its harness (../shared/peers/django-helpdesk, own venv under a temporary
folder), seeds N tickets there and N cases here (bench.sembrar), serves both with gunicorn (2
sync workers each, at the same time on loopback) and drives each comparable endpoint with wrk
(2 threads, 4 connections) and the peer's bench.lua: a warm-up, then rounds interleaved peer /
ours with the order flipped each round. Writes medians and ratios (peer / ours) to RESULTS.md.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from bench.comparar_nuestro import Nuestro
from bench.comparar_par import ARNES, Par
from bench.comparar_servir import RAIZ, base_postgres

# Row, peer requests (summed: the peer's list needs its shell and its JSON), ours, is create.
FILAS = [
    ('Lista del personal con sus filas', ('p_list', 'p_list_json'), 'r_queue', False),
    ('Página del caso', ('p_detail',), 'r_case', False),
    ('Seguimiento público', ('p_public',), 'r_public', False),
    ('Tablero', ('p_dashboard',), 'r_dashboard', False),
    ('Alta: formulario del agente (par: formulario público)', ('p_create',), 'r_form', True),
    ('Alta: formulario del portal (par: formulario público)', ('p_create',), 'r_portal', True),
]
GRUPOS = [('p_list', 'p_list_json', 'r_queue'), ('p_detail', 'r_case'),
          ('p_public', 'r_public'), ('p_dashboard', 'r_dashboard'),
          ('p_create', 'r_form', 'r_portal')]
MARCA = '<!-- comparar:{} -->'


def wrk(base, peticion, segundos, carpeta, nombre):
    """One wrk run; returns bench.lua's WRKJSON figures."""
    ruta, cookie, rutas, cuerpo, _ = peticion
    entorno = {**os.environ, 'WRK_METHOD': 'POST' if cuerpo else 'GET',
               'WRK_COOKIE': cookie or '', 'WRK_PATHS_FILE': str(rutas or ''),
               'WRK_BODY_FILE': str(cuerpo or '')}
    salida = subprocess.run(['wrk', '-t2', '-c4', f'-d{segundos}s', '--timeout', '120s',
                             '-s', str(ARNES / 'bench.lua'), base + ruta],
                            env=entorno, capture_output=True, text=True, check=True).stdout
    (carpeta / f'{nombre}.txt').open('a').write(salida)
    linea = next(x for x in salida.splitlines() if x.startswith('WRKJSON '))
    return json.loads(linea[len('WRKJSON '):])


def comprobar(base, peticion):
    """One request before measuring: a wrong status (login lost, token refused) stops here."""
    ruta, cookie, rutas, cuerpo, esperado = peticion
    if rutas:
        ruta = Path(rutas).read_text().split()[0]
    datos = Path(cuerpo).read_text().replace('__N__', 'comprobacion') if cuerpo else None
    r = requests.request('POST' if cuerpo else 'GET', base + ruta, data=datos,
                         headers={'Cookie': cookie or '',
                                  'Content-Type': 'application/x-www-form-urlencoded'},
                         allow_redirects=False, timeout=300)
    if r.status_code != esperado:
        raise RuntimeError(f'{base}{ruta[:80]}: HTTP {r.status_code}, se esperaba {esperado}')


def medir(lados, peticiones, segundos, repeticiones, calentamiento, carpeta, dashboard_x=3):
    """{name: [runs]}; each group warmed up, then rounds ABBA so drift hits both sides."""
    corridas = {n: [] for n in peticiones}
    for grupo in GRUPOS:
        duracion = segundos * (dashboard_x if 'p_dashboard' in grupo else 1)
        for n in grupo:
            wrk(lados[n], peticiones[n], calentamiento, carpeta, n + '.calentamiento')
        for ronda in range(repeticiones):
            for n in (grupo if ronda % 2 == 0 else reversed(grupo)):
                corridas[n].append(wrk(lados[n], peticiones[n], duracion, carpeta, n))
    return corridas


def mediana(corridas, clave):
    return statistics.median(c[clave] for c in corridas)


def exitos_por_s(corridas):
    """Created per second: 3xx answers (a created case or ticket redirects to it)."""
    return statistics.median(c['s3xx'] / c['duration_s'] for c in corridas)


def _num(valor, decimales=0):
    return f'{valor:,.{decimales}f}'


def tabla(corridas, rss):
    lineas = ['| operación | par mediana ms | par pet/s | nuestra mediana ms | nuestras pet/s '
              '| par / nuestro |', '| --- | ---: | ---: | ---: | ---: | ---: |']
    for titulo, del_par, nuestra, alta in FILAS:
        ms_par = sum(mediana(corridas[n], 'p50_ms') for n in del_par)
        ms_nuestro = mediana(corridas[nuestra], 'p50_ms')
        if alta:
            ps_par, ps_nuestro = exitos_por_s(corridas[del_par[0]]), exitos_por_s(corridas[nuestra])
        else:
            ps_par = min(mediana(corridas[n], 'rps') for n in del_par)
            ps_nuestro = mediana(corridas[nuestra], 'rps')
        lineas.append(f'| {titulo} | {_num(ms_par, 1)} | {_num(ps_par, 1)} | '
                      f'{_num(ms_nuestro, 1)} | {_num(ps_nuestro, 1)} | '
                      f'{ms_par / ms_nuestro:.1f}x |')
    lineas.append(f"| RSS máximo de un trabajador (MiB) | {_num(rss['par'])} | | "
                  f"{_num(rss['nuestro'])} | | {rss['par'] / rss['nuestro']:.1f}x |")
    return '\n'.join(lineas)


def maquina():
    modelo = next((x.split(':', 1)[1].strip() for x in Path('/proc/cpuinfo').read_text()
                   .splitlines() if x.startswith('model name')), platform.processor())
    return (f'{platform.node()}, {os.cpu_count()} núcleos ({modelo}), '
            f'Python {platform.python_version()}')


def seccion(args, cuerpo, notas):
    return '\n'.join([
        MARCA.format(args.bd),
        f"### {args.bd}, {f'{args.casos:,}'.replace(',', ' ')} casos en cada sistema",
        '',
        f"- Fecha: {time.strftime('%Y-%m-%d %H:%M %Z')}. Máquina: {maquina()}.",
        f'- Comando: `python -m bench.comparar --casos {args.casos} --bd {args.bd} --segundos '
        f'{args.segundos} --repeticiones {args.repeticiones}`; wrk 2 hilos, 4 conexiones, '
        'gunicorn 2 trabajadores cada uno; medianas de las corridas (el tablero corre 3 veces '
        'más). «par / nuestro» es la mediana del par dividida por la nuestra (más es mejor '
        'para nosotros); en las altas, pet/s son casos creados por segundo.',
        *notas, '', cuerpo, '', MARCA.format('/' + args.bd), ''])


def escribir(archivo, args, cuerpo, notas):
    """Replace this database's section (between its markers) or append it."""
    texto = archivo.read_text() if archivo.exists() else '# Resultados medidos\n'
    nueva = seccion(args, cuerpo, notas)
    inicio, fin = MARCA.format(args.bd), MARCA.format('/' + args.bd)
    if inicio in texto and fin in texto:
        a, b = texto.index(inicio), texto.index(fin) + len(fin) + 1
        texto = texto[:a] + nueva + texto[b:]
    else:
        titulo = '## Lado a lado con django-helpdesk 2.6.1 (bench.comparar)'
        if titulo not in texto:
            texto = texto.rstrip('\n') + f'\n\n{titulo}\n'
        texto = texto.rstrip('\n') + '\n\n' + nueva
    archivo.write_text(texto)


def correr(args, carpeta, url_par, url_nuestro):
    par, nuestro = Par(carpeta, url_par), Nuestro(carpeta, url_nuestro)
    par.instalar()
    par.sembrar(args.casos)
    nuestro.sembrar(args.casos)
    salida = carpeta / 'corridas'
    shutil.rmtree(salida, ignore_errors=True)
    salida.mkdir()
    try:
        servidores = {'par': par.servir(), 'nuestro': nuestro.servir()}
        peticiones = {**par.peticiones(salida), **nuestro.peticiones(salida)}
        lados = {n: servidores['par' if n.startswith('p_') else 'nuestro'].base
                 for n in peticiones}
        for n, peticion in peticiones.items():
            comprobar(lados[n], peticion)
        antes = (par.contar(), nuestro.contar(), os.getloadavg()[0])
        corridas = medir(lados, peticiones, args.segundos, args.repeticiones,
                         args.calentamiento, salida)
        rss = {k: s.rss_max_mib() for k, s in servidores.items()}
    finally:
        for lado in (par, nuestro):
            if lado.servidor:
                lado.servidor.parar()
    despues = (par.contar(), nuestro.contar(), os.getloadavg()[0])
    notas = [f'- Carga media de la máquina (1 min): {antes[2]:.2f} al empezar, '
             f'{despues[2]:.2f} al terminar.',
             f'- Altas verificadas en las bases: par {despues[0] - antes[0]}, nuestras '
             f'{despues[1] - antes[1]} filas nuevas.']
    errores = {n: sum(c['s5xx'] + c['err_status'] for c in v) for n, v in corridas.items()}
    return corridas, rss, notas, errores


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--casos', type=int, default=100_000)
    parser.add_argument('--bd', choices=('sqlite', 'postgresql'), default='sqlite')
    parser.add_argument('--pg', default='postgresql://postgres@127.0.0.1:5432/postgres',
                        help='Servidor PostgreSQL donde crear (y borrar) las dos bases.')
    parser.add_argument('--segundos', type=int, default=10)
    parser.add_argument('--repeticiones', type=int, default=3)
    parser.add_argument('--calentamiento', type=int, default=3)
    parser.add_argument('--resultados', default=str(RAIZ / 'bench' / 'RESULTS.md'))
    parser.add_argument('--carpeta', help='Usar (y conservar) esta carpeta en vez de una '
                        'temporal: una segunda corrida reutiliza la instalación del par.')
    args = parser.parse_args(argv)
    if not shutil.which('wrk'):
        raise SystemExit('Falta wrk: apt-get install wrk')
    carpeta = Path(args.carpeta or tempfile.mkdtemp(prefix='bench-comparar-'))
    carpeta.mkdir(parents=True, exist_ok=True)
    try:
        if args.bd == 'postgresql':
            with base_postgres(args.pg, 'comparar_par') as url_par, \
                    base_postgres(args.pg, 'comparar_nuestro') as url_nuestro:
                resultado = correr(args, carpeta, url_par, url_nuestro)
        else:
            (carpeta / 'nuestro.db').unlink(missing_ok=True)
            resultado = correr(args, carpeta, None, f"sqlite:///{carpeta / 'nuestro.db'}")
    finally:
        if not args.carpeta:
            shutil.rmtree(carpeta, ignore_errors=True)
    corridas, rss, notas, errores = resultado
    if any(errores.values()):
        notas.append(f'- Respuestas 5xx o inesperadas: {errores}.')
    cuerpo = tabla(corridas, rss)
    escribir(Path(args.resultados), args, cuerpo, notas)
    print(cuerpo)
    return {'tabla': cuerpo, 'errores': errores, 'corridas': corridas, 'rss': rss}


if __name__ == '__main__':
    main()
