#!/usr/bin/env bash
# The published `ikibot` (dotnet publish -c Release -o DIR) run from another folder, as the README tells users to.
# Usage: bash .ci/published-smoke.sh [DIR]  (default: a temporary folder). Exit 0 when every check passes.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)/ikibot}"
dotnet publish src/Bot -c Release -o "$out" --nologo -v quiet >/dev/null || { echo "publish failed"; exit 1; }
work=$(mktemp -d)
cd "$work" || exit 1
fail=0
check() { # name, expected substring, command...
  local name=$1 expect=$2; shift 2
  local got; got=$("$@" 2>&1)
  if [[ "$got" == *"$expect"* ]]; then echo "ok   $name"; else echo "FAIL $name: expected \"$expect\", got: ${got:0:300}"; fail=1; fi
}
check "ask" "Tugas SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL" "$out/ikibot" ask "tugas kasi phi"
check "ask --json" '"intent":"tugas"' "$out/ikibot" ask --json "tugas kasi phi"
check "kb --json" '"jabatan"' "$out/ikibot" kb --json
check "report --dry-run" '"status":"ok"' "$out/ikibot" --db "$work/t.db" report --as BENDAHARA "SP2D dibuat 5" --dry-run --json
check "users add (abbreviation)" "KEPALA DINAS" "$out/ikibot" --db "$work/t.db" users add --channel console --id "$(id -un)" --jabatan kadis
check "bench outside the repository" '"questions":60' "$out/ikibot" bench --repeat 1 --json
check "Indonesian parse error" "Opsi --id wajib diisi" "$out/ikibot" users add --channel telegram
exit $fail
