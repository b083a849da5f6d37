#!/usr/bin/env bash
# The README's test command: install the project with its test dependencies, then run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -e '.[test]'
python -m pytest
