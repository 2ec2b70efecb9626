"""The words of a case's text worth searching for: what feeds the full-text index queries."""
import re
import unicodedata

# Spanish words too common to tell two cases apart (and a few of every complaint).
VACIAS = frozenset('''
a al algo algun alguna algunas alguno algunos ante antes aqui asi aun aunque bien cada casi
como con contra cual cuando de del desde donde dos el ella ellas ello ellos en entre era es esa
esas ese eso esos esta estaba estan estas este esto estos fue fueron ha hace hacia han has hasta
hay la las le les lo los mas me mi mis mucho muy nada ni no nos nuestra nuestro o os otra otro
para pero poco por porque que quien se sea segun ser si sin sobre solo su sus tambien tan tanto
te tengo tiene tienen todo todos tu tus un una unas uno unos usted ya yo dia dias hoy ayer favor
buenas buenos dias gracias senor senora
'''.split())
_PALABRA = re.compile(r'[^\W_]+', re.UNICODE)


def plano(texto):
    texto = unicodedata.normalize('NFKD', texto or '')
    return ''.join(c for c in texto if not unicodedata.combining(c)).casefold()


def terminos_busqueda(texto, maximo=16):
    """Distinct words of 3+ letters that are not stop words, longest first (a cheap proxy
    for the rarest), at most ``maximo``; only letters and digits, safe in any query syntax."""
    vistos = []
    for palabra in _PALABRA.findall(plano(texto)):
        if len(palabra) >= 3 and palabra not in VACIAS and not palabra.isdigit() \
                and palabra not in vistos:
            vistos.append(palabra)
    return sorted(vistos, key=lambda p: (-len(p), vistos.index(p)))[:maximo]
