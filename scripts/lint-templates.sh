#!/usr/bin/env bash
# Independent checks of the synthesized templates: cfn-lint and checkov, installed from PyPI into
# a virtual environment (scripts/python-tools.sh) on first use. Run after `npx cdk synth`; give
# another cloud assembly as the argument (`npm run lint:templates -- cdk.out.hk-government`).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(bash scripts/python-tools.sh)
dir=${1:-cdk.out}
ls "$dir"/*.template.json >/dev/null 2>&1 || { echo "No templates in $dir: run npx cdk synth first." >&2; exit 1; }
count=$(ls "$dir"/*.template.json | wc -l)

echo "== cfn-lint over $count templates"
"$venv/bin/cfn-lint" --config-file .cfnlintrc.yaml -- "$dir"/*.template.json
echo "cfn-lint: $count templates, no errors or unignored warnings"

echo "== checkov over $dir"
"$venv/bin/checkov" --config-file .checkov.yaml -d "$dir" -o json > "$dir/checkov.json" || true
CHECKOV_REPORT="$dir/checkov.json" python3 - <<'PY'
import json, os, sys
data = json.load(open(os.environ['CHECKOV_REPORT']))
reports = data if isinstance(data, list) else [data]
summary = {k: sum(r['summary'][k] for r in reports) for k in ('passed', 'failed', 'skipped')}
print(f"checkov: {summary['passed']} passed, {summary['failed']} failed, {summary['skipped']} skipped (each skip acknowledged on its resource)")
for r in reports:
    for f in r['results']['failed_checks']:
        print(f"  FAILED {f['check_id']} {f['check_name']} on {f['resource']} in {f['file_path']}")
sys.exit(1 if summary['failed'] else 0)
PY
