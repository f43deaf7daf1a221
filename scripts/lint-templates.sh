#!/usr/bin/env bash
# Independent checks of the synthesized templates: cfn-lint and checkov, installed from PyPI into
# a virtual environment (scripts/python-tools.sh) on first use. Run after `npx cdk synth`.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(bash scripts/python-tools.sh)
ls cdk.out/*.template.json >/dev/null 2>&1 || { echo "No templates in cdk.out: run npx cdk synth first." >&2; exit 1; }
count=$(ls cdk.out/*.template.json | wc -l)

echo "== cfn-lint over $count templates"
"$venv/bin/cfn-lint" --config-file .cfnlintrc.yaml
echo "cfn-lint: $count templates, no errors or unignored warnings"

echo "== checkov over cdk.out"
"$venv/bin/checkov" --config-file .checkov.yaml -d cdk.out -o json > cdk.out/checkov.json || true
python3 - <<'PY'
import json, sys
data = json.load(open('cdk.out/checkov.json'))
reports = data if isinstance(data, list) else [data]
summary = {k: sum(r['summary'][k] for r in reports) for k in ('passed', 'failed', 'skipped')}
print(f"checkov: {summary['passed']} passed, {summary['failed']} failed, {summary['skipped']} skipped (each skip acknowledged on its resource)")
for r in reports:
    for f in r['results']['failed_checks']:
        print(f"  FAILED {f['check_id']} {f['check_name']} on {f['resource']} in {f['file_path']}")
sys.exit(1 if summary['failed'] else 0)
PY
