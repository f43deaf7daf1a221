"""schemathesis against the OpenAPI document of every enabled service, as local mode serves it.

Every check, valid and invalid data, the links the documents declare, each operation called with
the credential its security requirement names (_schemathesis_hooks.py), within a bounded run
(_schemathesis.toml: a fixed seed, examples per operation, stateful steps). Prints a summary per
service and exits non-zero if schemathesis found anything in any of them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
CONFIG = HERE / "_schemathesis.toml"
HOOKS = HERE / "_schemathesis_hooks.py"
# A service's run is bounded by its examples and steps; this only stops one that hangs.
SERVICE_TIMEOUT_SECONDS = 240


def env_name(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "_", name.upper())


def enabled_services(local_url: str) -> list[dict]:
    """The platform catalogue's services, each checked against the services local mode started."""
    with urllib.request.urlopen(f"{local_url}/platform/services", timeout=30) as response:
        catalogue = json.load(response)["services"]
    started = {key.removeprefix("SERVICE_URL_") for key in os.environ if key.startswith("SERVICE_URL_")}
    listed = {env_name(service["name"]) for service in catalogue}
    if not started:
        sys.exit("No SERVICE_URL_<NAME> is set: run this through `npm run conformance`.")
    if started != listed:
        sys.exit(f"The catalogue lists {sorted(listed)} but local mode started {sorted(started)}.")
    return catalogue


def run(service: dict, local_url: str, reports: Path) -> dict:
    report = reports / f"{service['name']}.json"
    log = reports / f"{service['name']}.log"
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(CONFIG),
        "run",
        f"{local_url}{service['openApi']}",
        # The document's paths carry the base path and its server is `/`: its base is the shared root.
        "--url",
        local_url,
        "--checks",
        "all",
        "--no-color",
        "--report",
        "json",
        "--report-json-path",
        str(report),
    ]
    started = time.monotonic()
    with open(log, "w") as out:
        try:
            exit_code = subprocess.run(
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                # schemathesis and Hypothesis keep state in the working folder: a temporary one keeps it out of the project.
                cwd=reports,
                env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)},
                timeout=SERVICE_TIMEOUT_SECONDS,
            ).returncode
        except subprocess.TimeoutExpired:
            out.write(f"\nschemathesis did not finish within {SERVICE_TIMEOUT_SECONDS} s\n")
            exit_code = -1
    seconds = time.monotonic() - started
    result = json.loads(report.read_text()) if report.exists() else {}
    return {"service": service, "exit": exit_code, "seconds": seconds, "result": result, "log": log.read_text()}


def problems(outcome: dict) -> list[str]:
    """Why a service's run does not pass; none when it does."""
    result = outcome["result"]
    if not result:
        return [f"schemathesis wrote no report (exit {outcome['exit']})"]
    found = [f"{f['code']} {f['title']} ({f['count']}): {', '.join(f['operations'])}" for f in result.get("failures", [])]
    found += [f"error: {json.dumps(e)[:300]}" for e in result.get("errors", [])]
    operations = result.get("operations", {})
    if not operations.get("total") or operations.get("tested") != operations.get("total"):
        found.append(f"tested {operations.get('tested', 0)} of {operations.get('total', 0)} operations")
    # Operations answering only 401/403 were never reached: the run's credentials are wrong, not the API right.
    for operation in result.get("warnings", {}).get("missing_auth", []):
        found.append(f"{operation} answered only 401/403 with the credentials of the run")
    if outcome["exit"] != 0 and not found:
        found.append(f"schemathesis exited {outcome['exit']}")
    return found


def summary(outcome: dict) -> str:
    result = outcome["result"]
    operations = result.get("operations", {})
    cases = result.get("test_cases", {})
    failures = result.get("failures", [])
    errors = result.get("errors", [])
    found = problems(outcome)
    verdict = "FAIL" if found else "PASS"
    line = (
        f"schemathesis {outcome['service']['name']:<10} {verdict}  operations {operations.get('tested', 0)}/"
        f"{operations.get('total', 0)}  cases {cases.get('generated', 0)}  failures {len(failures)}"
        f"  errors {len(errors)}  {outcome['seconds']:.1f} s"
    )
    for problem in found:
        line += f"\n  {problem}"
    return line


def main() -> int:
    local_url = os.environ.get("LOCAL_URL")
    if not local_url:
        sys.exit("LOCAL_URL is not set: run this through `npm run conformance`.")
    services = enabled_services(local_url)
    # SCHEMATHESIS_SERVICES=notify,pay checks only those (to work on one); CI checks every service.
    only = [name for name in os.environ.get("SCHEMATHESIS_SERVICES", "").split(",") if name]
    if only:
        services = [service for service in services if service["name"] in only]
        if len(services) != len(only):
            sys.exit(f"SCHEMATHESIS_SERVICES names a service the catalogue does not list: {only}")
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="schemathesis-") as folder:
        for service in services:
            print(f"-- schemathesis {service['name']} ({local_url}{service['openApi']})", flush=True)
            outcome = run(service, local_url, Path(folder))
            outcomes.append(outcome)
            if problems(outcome):
                # What schemathesis says about each failure: the request, the answer, how to reproduce it.
                print(outcome["log"], flush=True)
    print()
    for outcome in outcomes:
        print(summary(outcome))
    failed = [o["service"]["name"] for o in outcomes if problems(o)]
    if failed:
        print(f"schemathesis found failures in: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
