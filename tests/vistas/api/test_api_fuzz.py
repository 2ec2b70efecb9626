"""Fuzzing the JSON API from its own OpenAPI document (schemathesis, Python API).

Every operation of /api/v1/openapi.json gets a bounded number of generated requests, with an
administrator's token (the widest view), against the WSGI app on the test database. A 500, an
undocumented status code or content type, or a body that does not match the documented schema
fails the test. RECLAMOS_FUZZ_EJEMPLOS raises the number of examples for a longer run.
"""
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (content_type_conformance, not_a_server_error,
                                 response_headers_conformance, response_schema_conformance,
                                 status_code_conformance)

from tests.apoyo.api import pedir_token
from tests.apoyo.casos import crear_caso

pytest_plugins = ('tests.apoyo.fixtures_api',)

EJEMPLOS = int(os.environ.get('RECLAMOS_FUZZ_EJEMPLOS', '15'))
CHEQUEOS = [not_a_server_error, status_code_conformance, content_type_conformance,
            response_headers_conformance, response_schema_conformance]


@pytest.fixture
def esquema_api(app, gente):
    app.config['SERVER_NAME'] = None
    crear_caso(gente.admin, motivo='SIN_SERVICIO')
    return schemathesis.openapi.from_wsgi('/api/v1/openapi.json', app)


@pytest.fixture
def token_admin(client, gente):
    return pedir_token(client, gente.admin.email)


esquema = schemathesis.pytest.from_fixture('esquema_api')


@esquema.parametrize()
@settings(max_examples=EJEMPLOS, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_resiste_entradas_generadas(case, token_admin):
    # Identity encoding: schemathesis's WSGI transport offers gzip but does not decode it
    # (compression itself: tests/vistas/test_comprimido.py).
    case.headers = {**(case.headers or {}), 'Accept-Encoding': 'identity'}
    if case.path != '/token':
        case.headers['Authentication-Token'] = token_admin
    case.call_and_validate(checks=CHEQUEOS)
