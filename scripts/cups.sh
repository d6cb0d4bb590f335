#!/usr/bin/env bash
# Makes the local print system ready for the printing tests: cupsd answering, and a cups-pdf
# queue named PDF that turns every job into a PDF file. Prints the folder those files land in.
# Safe to run again: it starts and creates only what is missing. Containers have no systemd,
# so cupsd is started directly, in a session of its own so it outlives this script.
set -euo pipefail

QUEUE=PDF
CONF=/etc/cups/cups-pdf.conf
# Where cups-pdf writes each user's files. A fixed place outside home folders, so the tests and
# the clerk's desk find output the same way whoever prints.
OUT_SETTING='/var/spool/cups-pdf/${USER}'

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# `lpstat -r` exits 0 either way; only its words tell.
scheduler_up() { LC_ALL=C lpstat -r 2>/dev/null | grep -q '^scheduler is running'; }

if ! scheduler_up; then
  as_root setsid /usr/sbin/cupsd -f </dev/null >/dev/null 2>&1 &
  for _ in $(seq 100); do
    scheduler_up && break
    sleep 0.1
  done
  scheduler_up || { echo "cups: cupsd did not start within 10 s" >&2; exit 1; }
fi

if ! grep -qxF "Out $OUT_SETTING" "$CONF"; then
  as_root sed -i "s|^Out .*|Out $OUT_SETTING|" "$CONF"
  grep -qxF "Out $OUT_SETTING" "$CONF" || echo "Out $OUT_SETTING" | as_root tee -a "$CONF" >/dev/null
fi

if ! LC_ALL=C lpstat -p "$QUEUE" >/dev/null 2>&1; then
  as_root lpadmin -p "$QUEUE" -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
  # Name the output files after the job title rather than the spool file.
  as_root lpadmin -p "$QUEUE" -o TitlePref=1
fi

echo "cups: queue $QUEUE ready; output in /var/spool/cups-pdf/$(id -un)"
