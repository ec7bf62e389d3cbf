#!/usr/bin/env bash
# The gitleaks v8 report the stand-in writes, one file for both images that carry it: REPORT, the fixture
# (fixtures/gitleaks/gitleaks-v8-simple.json) unless GITLEAKS_FAKE_REPORT names another. Sourced after rootfs.sh.
REPORT="${GITLEAKS_FAKE_REPORT:-$HERE/../../../fixtures/gitleaks/gitleaks-v8-simple.json}"
[[ -f "$REPORT" ]] || { log "gitleaks report fixture not found (set GITLEAKS_FAKE_REPORT)"; exit 1; }
