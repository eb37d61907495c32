#!/usr/bin/env bash
# Make Debian's Chromium available at /usr/bin/chromium for the browser tests (test/browser/).
#
#   bash .ci/chromium.sh
#
# - Idempotent: does nothing when /usr/bin/chromium (or $GITGRANT_CHROMIUM) is already there.
# - Installs the Debian package `chromium` with apt-get otherwise (root, or sudo without a password).
#   Playwright's own browser download is never used: the tests drive the system Chromium through
#   playwright-core with an explicit executablePath.
# - Prints the browser's version on success.
set -euo pipefail

CHROMIUM="${GITGRANT_CHROMIUM:-/usr/bin/chromium}"

log() { printf 'chromium.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

if [[ ! -x "$CHROMIUM" ]]; then
  command -v apt-get >/dev/null 2>&1 || die "$CHROMIUM is missing and apt-get is not available: install Chromium and set GITGRANT_CHROMIUM"
  if [[ "$(id -u)" == "0" ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "$CHROMIUM is missing and this is not root: install the Debian package 'chromium'"
  fi
  log "installing Chromium from the Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  [[ -x "$CHROMIUM" ]] || die "the chromium package was installed but $CHROMIUM is still missing"
fi

"$CHROMIUM" --version >&2 || die "$CHROMIUM does not run"
log "ready: $CHROMIUM"
