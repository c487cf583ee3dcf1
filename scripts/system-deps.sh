#!/usr/bin/env bash
# Install the Debian packages the test suite needs, if they are missing: chromium for the
# browser test (Playwright drives /usr/bin/chromium; it never downloads a browser), pango for
# WeasyPrint (the report PDF) and poppler-utils (pdftotext, pdftoppm) for the report tests,
# postgresql-15 for the suite's second run, caddy for the reverse-proxy test
# (tests/test_browser_proxy.py) and libnss3-tools (certutil), with which that test makes a
# throwaway NSS database in which chromium trusts Caddy's test CA.
#
# `system-deps.sh runtime` checks only what the app itself needs (pango, a font), for `make run`.
set -euo pipefail
need=()
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep 'libpango-1\.0\.so\.0' >/dev/null || need+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep 'libpangoft2-1\.0\.so\.0' >/dev/null || need+=(libpangoft2-1.0-0)
if [ "${1:-all}" != runtime ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || command -v initdb >/dev/null 2>&1 \
    || need+=(postgresql-15)
  command -v caddy >/dev/null 2>&1 || need+=(caddy)
  command -v certutil >/dev/null 2>&1 || need+=(libnss3-tools)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install: ${need[*]} (e.g. sudo apt-get install ${need[*]})" >&2
  exit 1
fi
echo "Installing ${need[*]} ..."
export DEBIAN_FRONTEND=noninteractive
if [[ " ${need[*]} " == *" postgresql-15 "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  # The suite starts its own throwaway cluster: no system-wide cluster running as a service.
  mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
if [[ " ${need[*]} " == *" caddy "* ]] && [ -d /run/systemd/system ]; then
  # The test starts its own Caddy on free loopback ports: no system-wide one on port 80.
  # (A server that uses this Caddy turns it on again: docs/server.md.)
  systemctl disable --now caddy.service >/dev/null 2>&1 || true
  echo "caddy.service disabled: the test runs its own Caddy (systemctl enable --now caddy to serve)"
fi
