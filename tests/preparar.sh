#!/usr/bin/env bash
# What the tests need on a fresh Debian machine: system packages (Debian's Chromium for the
# browser tests, no browser download; DejaVu fonts for the PDF reports) and the Python test
# dependencies; wrk and HAProxy for the benchmark tests run on request. Idempotent and quick
# when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PAQUETES=(chromium fonts-dejavu-core dovecot-imapd openssl wrk haproxy)
faltan=()
for paquete in "${PAQUETES[@]}"; do
  dpkg -s "$paquete" >/dev/null 2>&1 || faltan+=("$paquete")
done
if [ ${#faltan[@]} -gt 0 ]; then
  sudo=''
  [ "$(id -u)" -ne 0 ] && sudo='sudo'
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${faltan[@]}"
fi

python -m pip install -q -r requirements-dev.txt
