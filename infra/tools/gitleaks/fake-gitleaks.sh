#!/bin/sh
# Stand-in for gitleaks v8 in tests: copies a fixed report to the --report-path it is given.
report_path=""
while [ $# -gt 0 ]; do
  case "$1" in
    --report-path|-r) shift; report_path="$1" ;;
    --report-path=*) report_path="${1#--report-path=}" ;;
  esac
  shift
done
echo "gitleaks-fake: scanning (test image, nothing is cloned)" >&2
if [ -z "$report_path" ]; then
  echo "gitleaks-fake: no --report-path given" >&2
  exit 2
fi
/bin/busybox cat /usr/share/gitleaks-fake/report.json > "$report_path" || exit 2
echo "gitleaks-fake: leaks found: 1" >&2
exit 1
