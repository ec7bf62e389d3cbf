#!/bin/sh
# Entrypoint of the production gitleaks image (reconcraft.toolrunner.images.gitleaks).
# The tool-runner never clones on its host: this script clones the repository INSIDE the sandbox
# (read-only root, no capabilities, non-root) and runs gitleaks on the clone. The clone goes to
# /workspace, a size-limited tmpfs the runner mounts for it (reconcraft.toolrunner.gitleaks-workspace):
# a repository larger than that fails with "No space left on device" (exit 3) and never fills the
# host. Without /workspace (an older runner) it falls back to /tmp.
#   scan-repo.sh --repo-url https://host/path --branch NAME --report-path /dev/stdout
# Only https is allowed (git's protocol allow-list, checked here too): no file:, ssh, git:// or
# local paths; the runner already refuses URLs with credentials. Exit: 0 no leaks, 1 leaks,
# 2 bad arguments, 3 clone failed, other: gitleaks failed.
set -eu
repo_url="" branch="main" report_path="/dev/stdout"
while [ $# -gt 0 ]; do
  case "$1" in
    --repo-url) shift; repo_url="$1" ;;
    --branch) shift; branch="$1" ;;
    --report-path) shift; report_path="$1" ;;
    *) echo "scan-repo: unknown argument" >&2; exit 2 ;;
  esac
  shift
done
case "$repo_url" in
  https://*@*) echo "scan-repo: credentials in the URL are refused" >&2; exit 2 ;;
  https://*) ;;
  *) echo "scan-repo: only https repository URLs are allowed" >&2; exit 2 ;;
esac
case "$branch" in
  -*|*..*|"") echo "scan-repo: invalid branch name" >&2; exit 2 ;;
esac
workspace=/workspace
[ -d "$workspace" ] && [ -w "$workspace" ] || workspace=/tmp
export HOME=/tmp GIT_TERMINAL_PROMPT=0 GIT_CONFIG_NOSYSTEM=1
echo "scan-repo: cloning (branch $branch)" >&2
git -c protocol.allow=never -c protocol.https.allow=always -c credential.helper= \
  clone --quiet --single-branch --branch "$branch" --no-tags -- "$repo_url" "$workspace/repo" >&2 || exit 3
exec gitleaks detect --source "$workspace/repo" --report-format json --report-path "$report_path" --no-banner --exit-code 1
