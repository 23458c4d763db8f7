#!/usr/bin/env bash
# make demo: start both emulators (one WEDOS secondary lagging 2 s behind each publish), `pulumi up`
# the example stacks with a local file backend, print the records the emulated DNS now holds,
# preview again (expecting no changes), ask every nameserver with `verify`, read a zone back with
# the export command, stop.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.tools/demo"
PATH="$(bash "$root/scripts/toolchain.sh" | tail -n1)"  # not `export PATH=$(…)`: that hides a failure
export PATH

rm -rf "$work" && mkdir -p "$work/state"
tgz="$work/$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n1)"

node "$root/dist/emulator/cli.js" --state "$work/emulator-state.json" --dns-delay ns.wedos.com=2000 > "$work/emulator.json" 2> "$work/emulator.log" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; wait $emulator 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -s "$work/emulator.json" ]] && break; sleep 0.1; done
endpoints="$(cat "$work/emulator.json")"
json() { node -e "const o=JSON.parse(process.argv[1]);console.log(process.argv[2].split('.').reduce((a,k)=>a[k],o))" "$endpoints" "$1"; }
# The emulated nameservers of one API as host:port,… (what wedos:nameservers and verify take).
servers() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]].nameservers.map((n)=>n.address).join(','))" "$endpoints" "$1"; }
echo "Emulators: $endpoints"

export PULUMI_HOME="$work/pulumi-home" PULUMI_BACKEND_URL="file://$work/state" PULUMI_CONFIG_PASSPHRASE=demo
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_SKIP_CONFIRMATIONS=true
export PULUMI_DNSPOD_WEDOS_STATE_DIR="$work/provider-state"

run_example() {
  local example=$1; shift
  local dir="$work/$example"
  echo; echo "=== $example ==="
  cp -r "$root/examples/$example" "$dir"
  (cd "$dir" && node -e '
    const fs=require("fs"); const p=JSON.parse(fs.readFileSync("package.json"));
    p.dependencies["pulumi-dnspod-wedos"]="file:"+process.argv[1]; fs.writeFileSync("package.json", JSON.stringify(p,null,2));' "$tgz"
    npm install --no-audit --no-fund --loglevel=error >/dev/null
    pulumi stack init demo --non-interactive >/dev/null
    while [[ $# -gt 0 ]]; do pulumi config set $1 "$2" --non-interactive; shift 2; done
    pulumi up --yes --skip-preview --non-interactive
    echo; echo "Records now in the emulated $example:"
    pulumi stack output records --json --non-interactive | node -e 'for (const l of JSON.parse(require("fs").readFileSync(0,"utf8"))) console.log("  " + l)'
    echo; echo "Second preview (must show no changes):"
    pulumi preview --expect-no-changes --non-interactive)
}

wedos=(wedos:endpoint "$(json wedos.endpoint)" wedos:username emulator@example.com "--secret wedos:wapiPassword" emulator-password)
dnspod=(dnspod:endpoint "$(json dnspod.endpoint)" "--secret dnspod:loginToken" "10000,emulator-token")
run_example wedos-zone "${wedos[@]}"
run_example dnspod-zone "${dnspod[@]}"
# zone-file waits until served (waitUntilServed): the emulated nameservers are the ones to ask.
run_example zone-file "${wedos[@]}" "${dnspod[@]}" wedos:nameservers "$(servers wedos)" dnspod:nameservers "$(servers dnspod)"

echo; echo "Every nameserver asked with \`pulumi-dnspod-wedos verify wedos zonefile-example.cz\` (the CI step after \`pulumi up\`):"
(cd "$work/zone-file" && WEDOS_ENDPOINT="$(json wedos.endpoint)" WEDOS_USERNAME=emulator@example.com WEDOS_WAPI_PASSWORD=emulator-password \
  WEDOS_NAMESERVERS="$(servers wedos)" npx --no-install pulumi-dnspod-wedos verify wedos zonefile-example.cz | sed 's/^/  /')

echo; echo "The WEDOS zone read back with \`pulumi-dnspod-wedos export wedos zonefile-example.cz\`:"
(cd "$work/zone-file" && WEDOS_ENDPOINT="$(json wedos.endpoint)" WEDOS_USERNAME=emulator@example.com WEDOS_WAPI_PASSWORD=emulator-password \
  npx --no-install pulumi-dnspod-wedos export wedos zonefile-example.cz | sed 's/^/  /')
echo; echo "Demo done: state in $work/state, emulator state in $work/emulator-state.json."
