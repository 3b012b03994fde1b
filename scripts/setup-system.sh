#!/usr/bin/env bash
# Installs the system packages the tests and the PDF check need, only when they are missing:
# LibreOffice (DOCX → PDF; Calc to open and save workbooks in the Excel import test), Liberation fonts (metric-compatible with Times New Roman),
# poppler-utils (pdftotext/pdfinfo/pdftoppm) and Chromium (browser tests). Debian only.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -q LiberationSerif || need+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: missing ${need[*]}; install them with apt-get (needs root on Debian)." >&2
  exit 1
fi
echo "setup-system: installing ${need[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
