#!/usr/bin/env bash
# The project's test command (README, .ci/run): installs what the tests need, then runs
# formatting, lint and the whole test suite. Missing tools are installed, never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
need() { command -v "$1" >/dev/null 2>&1; }

# poppler (pdftotext, pdffonts, pdfinfo, pdftoppm) for the PDF tests,
# LibreOffice for the DOCX fidelity test.
if ! need pdftotext || ! need pdffonts || ! need soffice; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    poppler-utils libreoffice-writer-nogui >/dev/null
fi
# openxml-audit validates every DOCX we write against the OOXML schemas.
if ! python3 -c 'import openxml_audit' 2>/dev/null; then
  python3 -m pip install -q openxml-audit
fi

cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets
