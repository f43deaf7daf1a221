"""Schemathesis hooks for the conformance run: local mode's credentials, chosen per operation.

Every operation's security requirement names the scheme it needs (and, as OpenAPI 3.1 allows for
any scheme, the role it needs); the auth provider answers it with the credential local mode made:
a citizen, staff (a CERT analyst), a department officer with its department's API key, a platform
administrator, Notify's per-request JWT made from the demo API key, Pay's API key.

Two things a client does that schemathesis cannot know from a document, done here for the cases it
means to be valid: a fresh Idempotency-Key for each request (a key used again for another request
is refused, as it should be), and an opaque value (a list cursor) made as its content keywords say.
"""

from __future__ import annotations

import base64
import json
import os
import re
import uuid

import jsonschema
import schemathesis
from notifications_python_client.authentication import create_jwt_token

# Credentials of one department's officer: the one the seeds made their demo data for.
OFFICER_DEPARTMENT = "DPO"

# Staff operations whose requirement alone does not say who calls them. Officers report incidents
# for their own department; an analyst must name one, which a schema cannot ask of one caller only.
STAFF_CALLER_BY_OPERATION = {"reportIncident": "officer", "getReview": "officer"}

# The records service's officer routes are called by the department's records manager, an officer
# with the role records-manager, who may call every one of them (the file plan, holds, histories).
RECORDS_PATH = "/records/"
# The eHR's staff routes are for a provider's practitioner: its seed prints one, who sees the patients who consented.
EHR_PATH = "/ehr/"


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run this through `npm run conformance`")
    return value


def notify_jwt() -> str:
    """A fresh token per request, as Notify's clients make one: iss the service id, iat now."""
    key = _env("NOTIFY_API_KEY")
    # Notify's key format is `{name}-{service id}-{secret}`, the last two UUIDs.
    return create_jwt_token(secret=key[-36:], client_id=key[-73:-37])


def staff_token(roles: list[str], operation_id: str | None, path: str = "") -> str:
    if "platform-admin" in roles:
        return _env("TOKEN_ADMIN")
    if path.startswith(EHR_PATH):
        return _env("EHR_PRACTITIONER_TOKEN")
    if "department-officer" in roles and path.startswith(RECORDS_PATH):
        return _env(f"RECORDS_MANAGER_TOKEN_{OFFICER_DEPARTMENT}")
    if "department-officer" in roles or STAFF_CALLER_BY_OPERATION.get(operation_id) == "officer":
        return _env(f"TOKEN_OFFICER_{OFFICER_DEPARTMENT}")
    return _env("TOKEN_ANALYST")


def credential(scheme: str, roles: list[str], operation_id: str | None, path: str = "") -> str:
    """The value of the header that carries the scheme's credential."""
    if scheme == "citizenToken":
        # An operation that requires an assurance level names it as `acr:<level>`; a citizen signed in at it calls.
        levels = [role.removeprefix("acr:") for role in roles if role.startswith("acr:")]
        name = f"TOKEN_CITIZEN_{levels[0].upper().replace('-', '_')}" if levels else "TOKEN_CITIZEN"
        return f"Bearer {_env(name)}"
    if scheme == "staffToken":
        return f"Bearer {staff_token(roles, operation_id, path)}"
    if scheme == "departmentApiKey":
        return _env(f"API_KEY_{OFFICER_DEPARTMENT}")
    if scheme == "notify-jwt":
        return f"Bearer {notify_jwt()}"
    if scheme == "pay-api-key":
        return f"Bearer {_env('PAY_API_KEY')}"
    raise RuntimeError(f"No local credential for the security scheme {scheme!r}: add it to {__file__}")


def header_of(definition: dict) -> str:
    """The header a security scheme reads, named as the document names it (schemathesis strips it by that name)."""
    if definition.get("type") == "http":
        return "Authorization"
    if definition.get("type") == "apiKey" and definition.get("in") == "header":
        return definition["name"]
    raise RuntimeError(f"Security scheme {definition} is not carried in a header")


# Not cached: Notify refuses a token issued more than 30 seconds ago, so each case gets its own.
@schemathesis.auth(refresh_interval=None, retry_on=[])
class LocalModeCredentials:
    def get(self, case, context):
        definition = context.operation.definition.raw
        requirements = definition.get("security") or []
        if not requirements:
            return None
        schemes = context.operation.schema.raw_schema.get("components", {}).get("securitySchemes", {})
        operation_id = definition.get("operationId")
        path = context.operation.path
        return {header_of(schemes[name]): credential(name, roles, operation_id, path) for name, roles in requirements[0].items()}

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), **data}


def instance_of(schema: dict, seed: str):
    """A small value valid against a JSON schema of objects, strings, numbers and enums, built from `seed`."""
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {name: instance_of(property, seed) for name, property in schema.get("properties", {}).items()}
    if kind == "string":
        low, high = schema.get("minLength", 0), schema.get("maxLength", max(len(seed), 1))
        return (seed + "a" * low)[: max(low, min(len(seed), high))]
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return True
    raise RuntimeError(f"Cannot make a value of {schema}: extend instance_of in {__file__}")


def encoded(schema: dict, seed: str) -> str | None:
    """The value of a string whose content keywords say it is base64url JSON of a schema, or None."""
    if not (
        schema.get("contentEncoding") == "base64url"
        and schema.get("contentMediaType") == "application/json"
        and isinstance(schema.get("contentSchema"), dict)
    ):
        return None
    content = json.dumps(instance_of(schema["contentSchema"], seed), separators=(",", ":"))
    return base64.urlsafe_b64encode(content.encode()).decode().rstrip("=")


def _is_positive(case) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_positive


@schemathesis.hook
def map_case(context, case):
    if not _is_positive(case):
        return case
    for parameter in context.operation.definition.raw.get("parameters", []):
        name, where, schema = parameter["name"], parameter["in"], parameter.get("schema", {})
        container = case.query if where == "query" else case.headers if where == "header" else None
        if not isinstance(container, dict) or container.get(name) is None:
            continue
        value = encoded(schema, str(container[name]))
        if value is not None:
            container[name] = value
        elif name.lower() == "idempotency-key":
            fresh = str(uuid.uuid4())
            if re.search(schema.get("pattern", ""), fresh):
                container[name] = fresh
    return case


# --- Notify: what its document says in words, done for the requests schemathesis means to be valid ---
#
# A send names one of the service's templates of its own kind and gives a value for every
# placeholder of it; a preview names one of the service's templates and fills its placeholders;
# a reply-to address and a text message sender are the service's own. The templates are read from
# the service itself, as a department's client knows its own. Every other field stays as generated.

NOTIFY_TEMPLATE_BY_OPERATION = {"sendEmail": "NOTIFY_EMAIL_TEMPLATE_ID", "sendSms": "NOTIFY_SMS_TEMPLATE_ID"}
NOTIFY_OWN_SETTING_BY_FIELD = {"email_reply_to_id": "NOTIFY_EMAIL_REPLY_TO_ID", "sms_sender_id": "NOTIFY_SMS_SENDER_ID"}
_notify_placeholders: dict[str, list[str]] = {}


def notify_placeholders(template_id: str) -> list[str]:
    """The placeholder names of one of the demo service's templates, as GET /v2/template/{id} lists them."""
    if template_id not in _notify_placeholders:
        import urllib.request

        request = urllib.request.Request(
            f"{_env('LOCAL_URL')}/notify/v2/template/{template_id}", headers={"Authorization": f"Bearer {notify_jwt()}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            _notify_placeholders[template_id] = list(json.load(response)["personalisation"])
    return _notify_placeholders[template_id]


def _notify_placeholder_key(name: str) -> str:
    """Notify's match of placeholder names: case, white space (either engine's), hyphens and underscores aside."""
    return re.sub(r"[\s\ufeff_-]", "", name).lower()


def notify_personalised(generated, template_id: str) -> dict:
    """The generated personalisation with a value for each of the template's placeholders (last, so it wins)."""
    names = notify_placeholders(template_id)
    keys = {_notify_placeholder_key(name) for name in names}
    kept = {k: v for k, v in (generated or {}).items() if _notify_placeholder_key(k) not in keys}
    return {**kept, **{name: "yes" for name in names}}


# Just before the call, so that it holds for the values the stateful phase's links put in too.
@schemathesis.hook("before_call").apply_to(operation_id=["sendEmail", "sendSms", "previewTemplate"], path_regex=r"^/notify/")
def notify_before_call(context, case, kwargs):
    if not _is_positive(case) or not isinstance(case.body, dict):
        return
    operation_id = context.operation.definition.raw.get("operationId")
    if operation_id == "previewTemplate":
        # Either of the demo templates, as the generated id falls: an unknown one is only ever 404.
        generated = str((case.path_parameters or {}).get("id"))
        choice = sorted(NOTIFY_TEMPLATE_BY_OPERATION.values())[sum(map(ord, generated)) % 2]
        case.path_parameters = {**(case.path_parameters or {}), "id": _env(choice)}
        template_id = case.path_parameters["id"]
    else:
        template_id = _env(NOTIFY_TEMPLATE_BY_OPERATION[operation_id])
        case.body["template_id"] = template_id
        for field, setting in NOTIFY_OWN_SETTING_BY_FIELD.items():
            if case.body.get(field) is not None:
                case.body[field] = _env(setting)
    case.body["personalisation"] = notify_personalised(case.body.get("personalisation"), template_id)


NOTIFY_NO_LETTERS = [{"error": "BadRequestError", "message": "Service is not allowed to send letters"}]


@schemathesis.check
def notify_letter_refused_for_permission_only(ctx, response, case):
    """A letter valid against Notify's document is refused for the letter permission alone, never as invalid.

    No service here may send letters, and Notify answers a service without the permission 400 however
    valid the letter (_schemathesis.toml lets sendLetter's valid requests meet that 400): this holds
    such a 400 to exactly that answer, so a valid letter refused for anything else still fails.
    """
    operation = case.operation
    if operation.definition.raw.get("operationId") != "sendLetter" or not operation.path.startswith("/notify/"):
        return None
    if not _is_positive(case) or response.status_code != 400:
        return None
    try:
        errors = response.json().get("errors")
    except ValueError:
        errors = response.text
    if errors != NOTIFY_NO_LETTERS:
        raise AssertionError(f"A letter valid against the document was refused for another reason than the letter permission: {errors}")
    return None


# What the eHR's document cannot say: that the body's type and id are those of its address, and what
# If-Match and If-None-Exist hold (the ETag of a version, a search on identifier). Its valid requests
# may meet a 400 for these alone (_schemathesis.toml); each such 400 must be one of them.
EHR_MISMATCHES = ("The body is a ", "The body's id ", "If-Match must be ", "If-None-Exist must be ")


def _path_parameters_valid(case) -> bool:
    """Whether each path parameter of the case is valid against its schema in the document."""
    for parameter in case.operation.definition.raw.get("parameters", []):
        if parameter.get("in") != "path":
            continue
        value = (case.path_parameters or {}).get(parameter["name"])
        try:
            jsonschema.validate(value, parameter.get("schema", {}))
        except jsonschema.ValidationError:
            return False
    return True


@schemathesis.check
def ehr_bad_request_for_a_mismatch_only(ctx, response, case):
    """A FHIR request valid against the eHR's document is refused 400 only for what the document cannot express."""
    if not case.operation.path.startswith(EHR_PATH) or not _is_positive(case) or response.status_code != 400:
        return None
    if not _path_parameters_valid(case):
        # A stateful step filled the address from another answer (a Bundle's `type`, say): not a valid request.
        return None
    try:
        issues = response.json().get("issue") or [{}]
    except ValueError:
        raise AssertionError(f"The eHR answered 400 without an OperationOutcome: {response.text[:200]}") from None
    diagnostics = str(issues[0].get("diagnostics", ""))
    if not diagnostics.startswith(EHR_MISMATCHES):
        raise AssertionError(f"A request valid against the eHR's document was refused 400 for another reason: {diagnostics}")
    return None


# --- Pay: what its document says in words, done for the requests schemathesis means to be valid ---

# Pay's sandbox test card that is always authorised, and a payment page's fields for it.
PAY_SUCCESS_CARD = {"cardNo": "4444333322221111", "expiryMonth": "12", "expiryYear": "2099", "cvc": "123", "cardholderName": "Chan Tai Man"}


def pay_api(method: str, path: str, body: dict | None = None):
    import requests

    return requests.request(
        method,
        f"{_env('LOCAL_URL')}/pay{path}",
        json=body,
        headers={"Authorization": f"Bearer {_env('PAY_API_KEY')}"},
        timeout=15,
    )


def pay_paid_payment(amount: int) -> str:
    """A payment of `amount` taken through its payment page with the sandbox's success card, as a payer would."""
    import requests

    created = pay_api("POST", "/v1/payments", {"amount": amount, "reference": "ST-REFUND", "description": "refundable", "return_url": "https://example.gov.hk/done"})
    created.raise_for_status()
    payment = created.json()
    paid = requests.post(payment["_links"]["next_url"]["href"], data=PAY_SUCCESS_CARD, allow_redirects=False, timeout=15)
    if paid.status_code != 303:
        raise RuntimeError(f"The sandbox did not take the test payment: {paid.status_code}")
    return payment["payment_id"]


@schemathesis.hook("before_call").apply_to(operation_id="createRefund", path_regex=r"^/pay/")
def pay_refund_of_a_paid_payment(context, case, kwargs):
    """A refund is of a payment that succeeded (its description says so): a valid request refunds one, of what it has."""
    requested = case.body.get("amount") if isinstance(case.body, dict) else None
    if not _is_positive(case) or not isinstance(requested, (int, float)) or not float(requested).is_integer():
        return
    amount = min(max(int(requested), 1), 10_000_000)
    payment_id = pay_paid_payment(amount)
    case.path_parameters = {**(case.path_parameters or {}), "paymentId": payment_id}
    body = {**case.body, "amount": amount}
    if "refund_amount_available" in body:
        body["refund_amount_available"] = amount
    case.body = body


# --- Open data ---
#
# The historical archive's listings say in their descriptions what their schema cannot: end is the
# same day as start or later, and the period spans at most 366 days, both counted (a longer one is
# a 400 naming the limit). For the requests schemathesis means to be valid, end is moved into the
# period that start opens; every other parameter stays as generated.

import datetime

OPEN_DATA_PERIOD_DAYS = 366
OPEN_DATA_PERIOD_OPERATIONS = ["listArchivedFiles", "listArchivedFileVersions"]
# The Gregorian calendar repeats every 400 years (146,097 days): a day of the years 0000 to 0399 is
# counted as the same day a cycle later, less the cycle, as Python's dates have no year 0000.
_OPEN_DATA_CYCLE_YEARS, _OPEN_DATA_CYCLE_DAYS = 400, 146_097


def open_data_day_number(text) -> int | None:
    """A YYYYMMDD calendar day as a count of days (0001-01-01 is 1, 0000-12-31 is 0), or None if it is not one."""
    match = re.fullmatch(r"([0-9]{4})([0-9]{2})([0-9]{2})", str(text))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    cycles = 1 if year < _OPEN_DATA_CYCLE_YEARS else 0
    try:
        return datetime.date(year + cycles * _OPEN_DATA_CYCLE_YEARS, month, day).toordinal() - cycles * _OPEN_DATA_CYCLE_DAYS
    except ValueError:
        return None


def open_data_day_text(number: int) -> str:
    """The YYYYMMDD of a count of days open_data_day_number gives."""
    cycles = 1 if number < _OPEN_DATA_CYCLE_DAYS else 0
    moved = datetime.date.fromordinal(number + cycles * _OPEN_DATA_CYCLE_DAYS)
    return f"{moved.year - cycles * _OPEN_DATA_CYCLE_YEARS:04d}{moved.month:02d}{moved.day:02d}"


# The last day a YYYYMMDD writes.
_OPEN_DATA_LAST_DAY = datetime.date(9999, 12, 31).toordinal()


def open_data_period_end(start: str, end: str) -> str:
    """end if start to end is a period the archive answers for, else a day of the period start opens."""
    first, last = open_data_day_number(start), open_data_day_number(end)
    if first is None:
        return end
    if last is not None and 0 <= last - first < OPEN_DATA_PERIOD_DAYS:
        return end
    # A day of the period, as the generated end falls, never past the last day a YYYYMMDD writes.
    offset = min(sum(map(ord, str(end))) % OPEN_DATA_PERIOD_DAYS, _OPEN_DATA_LAST_DAY - first)
    return open_data_day_text(first + offset)


# Just before the call, so that it holds for values the stateful phase's links put in too.
@schemathesis.hook("before_call").apply_to(operation_id=OPEN_DATA_PERIOD_OPERATIONS, path_regex=r"^/open-data/")
def open_data_before_call(context, case, kwargs):
    if not _is_positive(case) or not isinstance(case.query, dict):
        return
    start, end = case.query.get("start"), case.query.get("end")
    if isinstance(start, str) and isinstance(end, str):
        case.query["end"] = open_data_period_end(start, end)


# --- Identity: a card number's check digit, which its document states in words ---

def hk_check_digit(prefix: str, digits: str) -> str:
    """The check digit of a Hong Kong identity card number (weights 9 to 2, a lone letter led by a space worth 36)."""
    chars = ([" "] if len(prefix) == 1 else []) + list(prefix) + list(digits)
    value = lambda c: 36 if c == " " else (ord(c) - 55 if c.isalpha() else int(c))
    remainder = (11 - sum(value(c) * (9 - i) for i, c in enumerate(chars)) % 11) % 11
    return "A" if remainder == 10 else str(remainder)


@schemathesis.hook("before_call").apply_to(operation_id=["checkCardStatus", "registerCard"], path_regex=r"^/identity/")
def identity_card_check_digit(context, case, kwargs):
    """A valid request names a card number whose check digit is right: the generated one is given its digit."""
    if not _is_positive(case) or not isinstance(case.body, dict) or not isinstance(case.body.get("cardNumber"), str):
        return
    import re

    match = re.fullmatch(r"(\s*)([A-Za-z]{1,2})([0-9]{6})(\(?)[0-9Aa](\)?)(\s*)", case.body["cardNumber"])
    if match:
        lead, prefix, digits, open_, close, trail = match.groups()
        check = hk_check_digit(prefix.upper(), digits)
        case.body = {**case.body, "cardNumber": f"{lead}{prefix}{digits}{open_}{check}{close}{trail}"}

