#!/usr/bin/env bash
# The README's test command: install the project with its test dependencies (pip), then run
# pytest (the fast tests in parallel, then the slow ones). The browser tests drive Debian's Chromium (Playwright never downloads a browser);
# when Chromium is missing and we are root, this script says so and installs it with
# apt-get (chromium, fonts-wqy-microhei: ~230 packages, ~350 MB) before running them.
# DUTYGRAPH_BROWSER_TESTS=0 skips the browser tests and installs nothing from apt.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -e '.[test]'
if [ "${DUTYGRAPH_BROWSER_TESTS:-1}" = 0 ]; then
    echo "tests/run.sh: DUTYGRAPH_BROWSER_TESTS=0: browser tests skipped, nothing installed" >&2
elif [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "tests/run.sh: installing chromium and fonts-wqy-microhei with apt-get for the" \
             "browser tests (~350 MB; DUTYGRAPH_BROWSER_TESTS=0 skips them)" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
    else
        echo "tests/run.sh: no /usr/bin/chromium and not root: the browser tests will skip" >&2
    fi
fi
# Two steps, both always run; the script fails if either does. The tests not marked slow
# run in parallel, one process per core (pytest-xdist; the browser tests stay in one
# process, one Chromium); then the slow ones (`@pytest.mark.slow`: the 50 MB plan, the
# wheel build, a few whole reports), also spread over the cores.
# Bytecode caches on: with PYTHONDONTWRITEBYTECODE set, each pytest process rewrites and
# compiles every test module again (about 3 s of the 5 s a collection takes).
unset PYTHONDONTWRITEBYTECODE
status=0
python -m pytest -m "not slow" -n auto --dist loadgroup || status=$?
python -m pytest -m slow -n auto --dist loadgroup || status=$?
exit "$status"
