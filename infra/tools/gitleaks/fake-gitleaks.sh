#!/bin/sh
# Stand-in for gitleaks v8 in tests: copies a fixed report to the --report-path it is given.
report_path="" source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --report-path|-r) shift; report_path="$1" ;;
    --source|-s) shift; source="$1" ;;
    --report-path=*) report_path="${1#--report-path=}" ;;
  esac
  shift
done
if [ -n "$source" ]; then
  # behind scan-repo.sh (the clone-test image): say how much was cloned
  echo "gitleaks-fake: scanning $source ($(/bin/busybox du -sk "$source" | /bin/busybox cut -f1) KB)" >&2
else
  echo "gitleaks-fake: scanning (test image, nothing is cloned)" >&2
fi
if [ -z "$report_path" ]; then
  echo "gitleaks-fake: no --report-path given" >&2
  exit 2
fi
/bin/busybox cat /usr/share/gitleaks-fake/report.json > "$report_path" || exit 2
echo "gitleaks-fake: leaks found: 1" >&2
exit 1
