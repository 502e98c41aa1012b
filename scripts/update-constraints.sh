#!/usr/bin/env bash
# Re-resolve the pinned versions in constraints.txt: every package the project, its build
# backend and its test suite install (scripts/setup.sh installs exactly these versions).
#
#   scripts/update-constraints.sh        then run `make test`, and commit constraints.txt
#
# Run it after changing the dependencies in pyproject.toml, or to take newer releases on
# purpose; review `git diff constraints.txt` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m venv "$tmp/venv"
pip=("$tmp/venv/bin/python" -m pip -q --disable-pip-version-check)
"${pip[@]}" install --upgrade pip
# The build backend (pyproject's build-system) is pinned too, for the editable install.
"${pip[@]}" install hatchling -e ".[dev]"
{
  echo "# Pinned versions of everything scripts/setup.sh installs (runtime, build backend, tests)."
  echo "# Regenerate with scripts/update-constraints.sh; see docs/development.md."
  "$tmp/venv/bin/python" -m pip freeze --all --exclude-editable | grep -v '^setuptools==' | LC_ALL=C sort -f
} > constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) packages pinned"
