# shellcheck shell=bash
# Makes sure the OS's Chromium is installed for the console's browser tests (decision 135); sourced by test.sh.
# The browser comes from the OS packages, never from a browser download (which this network refuses).
chromium_ensure() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium not found; installing the OS package for the console's browser tests..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
      || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || { echo "Could not install chromium." >&2; return 1; }
  else
    echo "Chromium (/usr/bin/chromium) is missing; the console's browser tests need it. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
    return 1
  fi
}
