#!/usr/bin/env bash
# Installs what the Teams end-to-end tests need, before `dotnet test` (call it from .ci/run): Node.js and npm (Debian
# packages, only if missing) and Microsoft 365 Agents Playground 0.2.28 + ws from the lock file
# (tests/Bot.Teams.Tests/playground). The tests start it only through playground/playground.js (127.0.0.1 only, empty
# telemetry key, no non-loopback connection); they install it themselves too when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "teams-setup: installing nodejs and npm"
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "teams-setup: Node $major is too old for the Agents Playground (need 18+)" >&2
  exit 1
fi

cd tests/Bot.Teams.Tests/playground
if [ ! -f node_modules/@microsoft/m365agentsplayground/package.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "teams-setup: node $(node --version), m365agentsplayground $(node -p 'require("@microsoft/m365agentsplayground/package.json").version')"
