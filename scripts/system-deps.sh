#!/usr/bin/env bash
# Install the Debian packages the test suite needs, if they are missing: chromium for the
# browser test (Playwright drives /usr/bin/chromium; it never downloads a browser), pango for
# WeasyPrint (the report PDF) and poppler-utils (pdftotext, pdftoppm) for the report tests.
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
