# Sourced by .ci/run: install Debian's headless Chromium and chromedriver, and the Selenium Python driver, for
# the browser test (tests/views/test_web.py). Never fails CI: if anything here fails, the browser tests skip
# with a message saying what is missing. Sourced, so it must `return`, never `exit`.

_nl_browser_setup() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "setup-browser: chromium and chromedriver already installed"
  elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup-browser: installing chromium and chromium-driver with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 || echo "setup-browser: apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver \
      >/dev/null 2>&1 || { echo "setup-browser: apt-get install chromium failed; browser tests will skip"; return 0; }
  else
    echo "setup-browser: not root or no apt-get; browser tests will skip"
    return 0
  fi
  # The Python driver goes into the project's virtualenv (the Makefile creates it the same way).
  local py="${PYTHON:-python3}"
  [ -x .venv/bin/python ] || "$py" -m venv .venv || { echo "setup-browser: cannot create .venv"; return 0; }
  if ! .venv/bin/python -c "import selenium" >/dev/null 2>&1; then
    .venv/bin/python -m pip install --quiet "selenium>=4.51,<4.52" \
      || echo "setup-browser: pip install selenium failed; browser tests will skip"
  fi
  return 0
}

_nl_browser_setup || echo "setup-browser: failed; browser tests will skip"
unset -f _nl_browser_setup
