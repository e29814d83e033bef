#!/usr/bin/env bash
# Redraw docs/html-report.png: the HTML report of the seeds (`factcheck check seeds/ --format html`)
# as headless Chromium shows it in a window 1280 pixels wide, the top HEIGHT pixels (1600 by default).
# Needs factcheck installed (pip install -e .) and Chromium: Debian's `chromium`, or set CHROMIUM to
# the binary. Usage: scripts/html-report-screenshot.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ]; then
    echo "no Chromium found: install Debian's chromium or set CHROMIUM" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$here"
# Exit code 1 means findings at or above --fail-on: the report was written.
status=0
factcheck check seeds/ --format html --output "$work/report.html" || status=$?
if [ "$status" -gt 1 ]; then
    echo "factcheck check seeds/ failed with exit code $status" >&2
    exit "$status"
fi
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --window-size="1280,${HEIGHT:-1600}" \
    --screenshot="$here/docs/html-report.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/html-report.png"
