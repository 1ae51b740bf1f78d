#!/usr/bin/env bash
# Set up EduGraph in ./.venv with Python 3.12 or newer.
#   ./setup.sh          the tool itself
#   ./setup.sh --dev    also the test tools: pytest, hypothesis, Neo4j's Cypher parser and Playwright (npm),
#                       and Neo4j Community from Maven Central into .neo4j/ (needs mvn and Java 21+; the tests
#                       start and stop their own server from it)
set -euo pipefail
cd "$(dirname "$0")"

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

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  PY="$(find_python)" || { echo "EduGraph needs Python 3.12 or newer (python3.12 on PATH, or pyenv)." >&2; exit 1; }
  rm -rf .venv
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install --quiet -e '.[test]'
  if ! command -v node >/dev/null 2>&1; then
    echo "the Cypher parser test needs Node.js and npm (Debian: apt-get install nodejs npm)" >&2; exit 1
  fi
  npm ci --no-audit --no-fund --silent
  if command -v mvn >/dev/null 2>&1; then
    .venv/bin/python devtools/neo4j_server.py install || { echo "Neo4j could not be installed from Maven Central" >&2; exit 1; }
  else
    echo "Maven (mvn) is not installed: the Neo4j tests will be skipped (Debian: apt-get install maven)" >&2
  fi
else
  .venv/bin/python -m pip install --quiet -e .
fi
echo "EduGraph is set up in .venv ($(.venv/bin/python --version))." >&2
