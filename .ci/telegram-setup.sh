#!/usr/bin/env bash
# Installs what the Telegram end-to-end tests need, before `dotnet test` (call it from .ci/run):
# Node.js and npm (Debian packages, only if missing) and telegram-test-api 4.2.1 from the lock file
# (tests/Bot.Telegram.Tests/emulator). The tests install it themselves too when it is missing, and fail with a clear
# message when node or npm is absent; doing it here keeps the download out of the tests' time.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "telegram-setup: installing nodejs and npm"
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 14 ]; then
  echo "telegram-setup: Node $major is too old for telegram-test-api (need 14+)" >&2
  exit 1
fi

cd tests/Bot.Telegram.Tests/emulator
if [ ! -f node_modules/telegram-test-api/package.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "telegram-setup: node $(node --version), telegram-test-api $(node -p 'require("telegram-test-api/package.json").version')"
