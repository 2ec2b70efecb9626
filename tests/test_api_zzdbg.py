from tests.test_api_casos import *  # noqa
def test_dbg(api_como, gente):
    api = api_como(gente.registrador)
    recibido = hace(1)
    numeros = [registrar(api, recibido_en=recibido)['numero'] for _ in range(4)]
    agente = api_como(gente.agente)
    for numero in numeros[:2]:
        print(transicion(agente, {'numero': numero}, 'tomar').status_code)
        r = transicion(agente, {'numero': numero}, 'suspender', motivo='Esperando')
        print(r.status_code, r.get_json()['vence_en'], r.get_json()['estado'])
    for c in agente.get('/casos?vista=todos').get_json()['casos']:
        print(c['numero'], c['vence_en'], c['estado'])
