#!/usr/bin/env bash
# Set up EduGraph in ./.venv with Python 3.12 or newer.
#   ./setup.sh          the tool itself (a regular install of this checkout into .venv)
#   ./setup.sh --dev    also everything the tests need: the system packages (Debian: chromium, fonts-noto-cjk,
#                       maven, nodejs, npm — installed when this runs as root or with passwordless sudo, else the
#                       one command to install them is printed and setup stops), an editable install with the
#                       test tools, Neo4j's Cypher parser and Playwright from npm, and Neo4j Community 2026.x and
#                       5.26 LTS from Maven Central into .neo4j/ (the tests start and stop their own servers)
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)
dev=""
[ "${1:-}" = "--dev" ] && dev=1

find_python() {
  for cand in python3.13 python3.12 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$cand"; return 0
    fi
  done
  # pyenv installs that are not on PATH (pyenv shims refuse versions that are not selected)
  if command -v pyenv >/dev/null 2>&1; then
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -rV); do
      p="$(pyenv root)/versions/$v/bin/python"
      [ -x "$p" ] && { echo "$p"; return 0; }
    done
  fi
  return 1
}

system_packages() {
  # what the test suite needs from the system, by Debian package name
  local need=()
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
  fc-list :lang=ko 2>/dev/null | grep -q . || need+=(fonts-noto-cjk fontconfig)
  command -v mvn >/dev/null 2>&1 || need+=(maven)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v npm >/dev/null 2>&1 || need+=(npm)
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "The tests need system packages that are not installed: ${need[*]}." >&2
      echo "Install them, then run ./setup.sh --dev again:" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need: ${need[*]} (Debian package names); install them with this system's package manager," >&2
    echo "then run ./setup.sh --dev again." >&2
    exit 1
  fi
  echo "installing system packages for the tests: ${need[*]}" >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

[ -n "$dev" ] && system_packages

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  PY="$(find_python)" || { echo "EduGraph needs Python 3.12 or newer (python3.12 on PATH, or pyenv)." >&2; exit 1; }
  rm -rf .venv
  "$PY" -m venv .venv
fi
echo "installing EduGraph and its dependencies into $(pwd)/.venv ($(.venv/bin/python --version)) …" >&2
# pip's own output stays quiet; a failure still shows pip's error
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ -n "$dev" ]; then
  # editable, with the test tools: the tests read this checkout's code
  # (setuptools always says "Editable installation … be careful with folders …" for this layout: information,
  # not a problem, so its UserWarnings are not shown here; tests/test_packaging.py keeps the real build quiet)
  PYTHONWARNINGS=ignore::UserWarning .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
  npm ci --no-audit --no-fund --silent
  .venv/bin/python devtools/neo4j_server.py install --all \
    || { echo "Neo4j could not be installed from Maven Central (devtools/neo4j_server.py install --all)" >&2; exit 1; }
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check .
fi
echo "EduGraph is set up in .venv in $(( $(date +%s) - started )) s: run .venv/bin/edugraph --help" >&2
