"""GOV.UK Pay's documented flows against the payments service, as a service team would run them.

Each flow is the one GOV.UK Pay's documentation describes for its API: create a payment and
send the paying user to `next_url`, where they pay with a sandbox test card and come back to
`return_url`; then get the payment and its events, search, cancel, delay and capture, refund
(with and without `refund_amount_available`) and retry a create with an `Idempotency-Key`.
The hosted page is driven as a browser would: its form is read from the HTML, not assumed.

Environment: SERVICE_URL_PAY (the service at the root of its own port) and PAY_API_KEY.
Exits non-zero on the first check that fails, saying what was expected and what came.
"""

import html.parser
import json
import os
import sys
import time
import uuid

import requests

BASE = os.environ["SERVICE_URL_PAY"].rstrip("/")
KEY = os.environ["PAY_API_KEY"]
RETURN_URL = "https://licensing.example.gov.hk/payments/done"
# GOV.UK Pay's sandbox test cards.
VISA_SUCCESS = "4444333322221111"
MASTERCARD_DEBIT = "5105105105105100"
DECLINED = "4000000000000002"
RUN = uuid.uuid4().hex[:10]

session = requests.Session()
session.headers["Authorization"] = f"Bearer {KEY}"
checks = 0


class Failed(Exception):
    pass


def check(condition, message, got=None):
    global checks
    checks += 1
    if not condition:
        detail = "" if got is None else f"\n    got: {got if isinstance(got, str) else json.dumps(got, default=str)[:800]}"
        raise Failed(f"{message}{detail}")


def api(method, path, body=None, headers=None, key=None):
    extra = dict(headers or {})
    if key is not None:
        extra["Authorization"] = f"Bearer {key}"
    response = session.request(method, f"{BASE}{path}", json=body, headers=extra, allow_redirects=False, timeout=15)
    return response


def body_of(response):
    try:
        return response.json()
    except ValueError:
        return response.text


def expect_status(response, status, what):
    check(response.status_code == status, f"{what}: expected {status}, got {response.status_code}", body_of(response))
    return body_of(response)


def expect_error(response, status, code, what):
    body = expect_status(response, status, what)
    check(isinstance(body, dict) and body.get("code") == code, f"{what}: expected Pay's error {code}", body)
    check("description" in body, f"{what}: Pay's errors carry a description", body)
    return body


class CardForm(html.parser.HTMLParser):
    """The payment page's forms: their actions and the names of their inputs."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action"), "method": attributes.get("method"), "inputs": []})
        elif tag == "input" and self.forms and attributes.get("name"):
            self.forms[-1]["inputs"].append(attributes["name"])
            self.forms[-1].setdefault("values", {})[attributes["name"]] = attributes.get("value")


def create(reference, **extra):
    body = {
        "amount": extra.pop("amount", 14500),
        "reference": reference,
        "description": "Hawker licence renewal",
        "return_url": RETURN_URL,
        **extra,
    }
    response = api("POST", "/v1/payments", body)
    payment = expect_status(response, 201, f"create {reference}")
    return payment, response


def pay(payment, card, name="Chan Tai Man", prefilled=None):
    """Follows next_url as the paying user's browser does and submits the card form."""
    next_url = payment["_links"]["next_url"]["href"]
    page = requests.get(next_url, timeout=15)
    check(page.status_code == 200, "the payment page opens", page.status_code)
    check(page.headers.get("content-type", "").startswith("text/html"), "the payment page is HTML", page.headers.get("content-type"))
    parser = CardForm()
    parser.feed(page.text)
    forms = [f for f in parser.forms if "cardNo" in f["inputs"]]
    check(len(forms) == 1, "the payment page has one card form", parser.forms)
    form = forms[0]
    check(form["method"] == "post", "the card form posts", form)
    fields = {"cardNo": card, "expiryMonth": "12", "expiryYear": "2030", "cvc": "123", "cardholderName": name}
    check(set(fields) <= set(form["inputs"]), "the card form asks for number, expiry, security code and name", form["inputs"])
    if prefilled is not None:
        check(form["values"].get("cardholderName") == prefilled, "the page prefills the cardholder name", form["values"])
    return requests.post(form["action"], data=fields, allow_redirects=False, timeout=15)


def created_and_paid(reference, card=VISA_SUCCESS, **extra):
    payment, _ = create(reference, **extra)
    submitted = pay(payment, card)
    check(submitted.status_code == 303, f"{reference}: paying with {card} sends the user on (303)", submitted.status_code)
    check(submitted.headers.get("location") == RETURN_URL, f"{reference}: back to return_url", submitted.headers.get("location"))
    return payment


def flow_create_and_pay():
    reference = f"FLOW-{RUN}-PAY"
    payment, response = create(
        reference,
        email="payer@example.com",
        metadata={"ledger_code": "AB100", "internal": 200},
        prefilled_cardholder_details={"cardholder_name": "Chan Tai Man"},
    )
    links = payment["_links"]
    check(response.headers.get("location") == links["self"]["href"], "201 names the payment in Location", dict(response.headers))
    check(links["self"]["href"] == f"{BASE}/v1/payments/{payment['payment_id']}", "self is the payment's address", links)
    check(links["next_url"]["method"] == "GET" and links["next_url"]["href"].startswith(BASE), "next_url is a GET on the service", links)
    check(links["next_url_post"]["params"].get("chargeTokenId"), "next_url_post carries the charge token", links)
    check(payment["state"] == {"status": "created", "finished": False}, "a new payment is created, unfinished", payment["state"])
    check(payment["metadata"] == {"ledger_code": "AB100", "internal": 200}, "metadata comes back as sent", payment.get("metadata"))
    check(payment["amount"] == 14500 and payment["reference"] == reference, "amount and reference as sent", payment)
    check(payment["refund_summary"]["status"] == "pending", "nothing to refund before payment", payment["refund_summary"])

    submitted = pay(payment, VISA_SUCCESS, prefilled="Chan Tai Man")
    check(submitted.status_code == 303 and submitted.headers.get("location") == RETURN_URL, "paid: back to return_url", submitted.status_code)

    paid = expect_status(api("GET", f"/v1/payments/{payment['payment_id']}"), 200, "get the paid payment")
    check(paid["state"] == {"status": "success", "finished": True}, "the payment succeeded", paid["state"])
    card = paid.get("card_details") or {}
    expected_card = {
        "last_digits_card_number": "1111",
        "first_digits_card_number": "444433",
        "cardholder_name": "Chan Tai Man",
        "expiry_date": "12/30",
        "card_brand": "Visa",
        "card_type": "credit",
    }
    for field, value in expected_card.items():
        check(card.get(field) == value, f"card_details.{field} is {value!r}", card)
    check("billing_address" in card, "card_details has billing_address (null when not asked for)", card)
    check(VISA_SUCCESS not in json.dumps(paid), "the card number is nowhere in the payment", paid)
    check("next_url" not in paid["_links"] and "cancel" not in paid["_links"], "a paid payment has no next_url or cancel", paid["_links"])
    check(paid["refund_summary"] == {"status": "available", "amount_available": 14500, "amount_submitted": 0}, "all of it is refundable", paid)
    check(paid["settlement_summary"].get("captured_date"), "the capture date is known", paid["settlement_summary"])

    events = expect_status(api("GET", f"/v1/payments/{payment['payment_id']}/events"), 200, "events")
    statuses = [e["state"]["status"] for e in events["events"]]
    check(statuses == ["created", "started", "submitted", "success"], "events: created, started, submitted, success", statuses)
    check(all(e["payment_id"] == payment["payment_id"] for e in events["events"]), "every event names the payment", events)
    return payment["payment_id"]


def flow_declined():
    payment, _ = create(f"FLOW-{RUN}-DECLINED")
    page = pay(payment, DECLINED)
    check(page.status_code == 200 and "declined" in page.text, "a declined card is told so on the page", page.status_code)
    got = expect_status(api("GET", f"/v1/payments/{payment['payment_id']}"), 200, "get the declined payment")
    check(got["state"].get("status") == "failed" and got["state"].get("code") == "P0010", "declined: failed with P0010", got["state"])
    check(got["refund_summary"]["status"] == "unavailable", "a failed payment cannot be refunded", got["refund_summary"])


def flow_search():
    reference = f"FLOW-{RUN}-SEARCH"
    visa = created_and_paid(reference, VISA_SUCCESS)
    mastercard = created_and_paid(reference, MASTERCARD_DEBIT)
    unpaid, _ = create(reference)

    def ids(query):
        found = expect_status(api("GET", f"/v1/payments?reference={reference}&{query}"), 200, f"search {query}")
        return [p["payment_id"] for p in found["results"]]

    everything = expect_status(api("GET", f"/v1/payments?reference={reference.lower()}"), 200, "search by reference")
    check(everything["total"] == 3 and everything["count"] == 3, "reference matches whatever its case", everything)
    newest_first = [p["payment_id"] for p in everything["results"]]
    check(newest_first == [unpaid["payment_id"], mastercard["payment_id"], visa["payment_id"]], "newest first", newest_first)
    check(ids("card_brand=visa") == [visa["payment_id"]], "card_brand=visa", ids("card_brand=visa"))
    check(ids("card_brand=master-card") == [mastercard["payment_id"]], "card_brand=master-card (Pay's id)", ids("card_brand=master-card"))
    check(ids("last_digits_card_number=1111") == [visa["payment_id"]], "last_digits_card_number", ids("last_digits_card_number=1111"))
    check(ids("first_digits_card_number=510510") == [mastercard["payment_id"]], "first_digits_card_number", None)
    check(ids("cardholder_name=tai%20man") == [mastercard["payment_id"], visa["payment_id"]], "cardholder_name", None)
    check(ids("state=created") == [unpaid["payment_id"]], "state=created", ids("state=created"))
    check(ids("state=") == newest_first, "a parameter sent empty is not sent", ids("state="))

    first = expect_status(api("GET", f"/v1/payments?reference={reference}&display_size=2"), 200, "first page of 2")
    check(first["count"] == 2 and first["page"] == 1 and first["total"] == 3, "a page of 2 out of 3", first)
    check("next_page" in first["_links"] and "prev_page" not in first["_links"], "page 1 links to the next page only", first["_links"])
    following = requests.get(first["_links"]["next_page"]["href"], headers=session.headers, timeout=15)
    second = expect_status(following, 200, "next_page")
    check([p["payment_id"] for p in second["results"]] == [visa["payment_id"]], "page 2 holds the oldest", second)
    check("prev_page" in second["_links"] and "next_page" not in second["_links"], "the last page links back only", second["_links"])
    expect_error(api("GET", f"/v1/payments?reference={reference}&display_size=2&page=3"), 404, "P0402", "a page past the end")

    bad = expect_error(
        api("GET", "/v1/payments?first_digits_card_number=4444&last_digits_card_number=11a1&display_size=501"),
        422,
        "P0401",
        "bad search parameters",
    )
    named = "display_size, first_digits_card_number, last_digits_card_number"
    check(named in bad["description"], f"every bad parameter is named: {named}", bad)


def flow_cancel():
    payment, _ = create(f"FLOW-{RUN}-CANCEL")
    check(payment["_links"].get("cancel", {}).get("method") == "POST", "a payment in progress links to cancel", payment["_links"])
    expect_status(api("POST", f"/v1/payments/{payment['payment_id']}/cancel"), 204, "cancel")
    got = expect_status(api("GET", f"/v1/payments/{payment['payment_id']}"), 200, "get the cancelled payment")
    check(got["state"] == {"status": "cancelled", "finished": True, "code": "P0040", "message": "Payment was cancelled by the service"},
          "cancelled by the service: P0040", got["state"])
    expect_error(api("POST", f"/v1/payments/{payment['payment_id']}/cancel"), 409, "P0502", "cancel twice")
    expect_error(api("POST", "/v1/payments/abcdefghijklmnopqrstuv0123/cancel"), 404, "P0500", "cancel an unknown payment")


def flow_delayed_capture():
    payment = created_and_paid(f"FLOW-{RUN}-DELAYED", delayed_capture=True)
    held = expect_status(api("GET", f"/v1/payments/{payment['payment_id']}"), 200, "get the held payment")
    check(held["delayed_capture"] is True and held["state"]["status"] == "capturable", "delayed: capturable, unfinished", held["state"])
    check(held["_links"].get("capture", {}).get("method") == "POST", "a capturable payment links to capture", held["_links"])
    expect_status(api("POST", f"/v1/payments/{payment['payment_id']}/capture"), 204, "capture")
    taken = expect_status(api("GET", f"/v1/payments/{payment['payment_id']}"), 200, "get the captured payment")
    check(taken["state"]["status"] == "success", "captured: success", taken["state"])
    expect_error(api("POST", f"/v1/payments/{payment['payment_id']}/capture"), 409, "P1003", "capture twice")


def flow_refunds(payment_id):
    path = f"/v1/payments/{payment_id}/refunds"
    with_amount = expect_status(api("POST", path, {"amount": 2000, "refund_amount_available": 14500}), 202, "refund with refund_amount_available")
    check(with_amount["amount"] == 2000 and with_amount["status"] in ("submitted", "success"), "the refund as asked", with_amount)
    check(with_amount["_links"]["payment"]["href"] == f"{BASE}/v1/payments/{payment_id}", "the refund links to its payment", with_amount)
    without = expect_status(api("POST", path, {"amount": 500}), 202, "refund without refund_amount_available")
    expect_error(api("POST", path, {"amount": 100, "refund_amount_available": 14500}), 412, "P0604", "a stale refund_amount_available")
    summary = expect_status(api("GET", f"/v1/payments/{payment_id}"), 200, "the refunded payment")["refund_summary"]
    check(summary == {"status": "available", "amount_available": 12000, "amount_submitted": 2500}, "refund_summary counts both", summary)
    expect_error(api("POST", path, {"amount": 12001}), 422, "P0602", "a refund of more than is available")
    listed = expect_status(api("GET", path), 200, "list refunds")
    check(sorted(r["refund_id"] for r in listed["_embedded"]["refunds"]) == sorted([with_amount["refund_id"], without["refund_id"]]),
          "both refunds are listed", listed)
    one = expect_status(api("GET", f"{path}/{without['refund_id']}"), 200, "get a refund")
    check(one["amount"] == 500, "the refund read back", one)
    expect_error(api("POST", "/v1/payments/abcdefghijklmnopqrstuv0123/refunds", {"amount": "all"}), 404, "P0600",
                 "refund an unknown payment, whatever the body")
    expect_error(api("POST", path, {}), 400, "P0601", "a refund without an amount")


def flow_idempotency():
    key = f"flow-{RUN}-order-77"
    body = {"amount": 3000, "reference": f"FLOW-{RUN}-IDEM", "description": "Permit", "return_url": RETURN_URL}
    first = api("POST", "/v1/payments", body, headers={"Idempotency-Key": key})
    original = expect_status(first, 201, "create with an Idempotency-Key")
    again = api("POST", "/v1/payments", body, headers={"Idempotency-Key": key})
    replay = expect_status(again, 200, "the same key and body again")
    check(replay["payment_id"] == original["payment_id"], "the retry answers with the original payment", replay)
    check("location" not in {k.lower() for k in again.headers}, "a replay has no Location", dict(again.headers))
    other = api("POST", "/v1/payments", {**body, "amount": 3001}, headers={"Idempotency-Key": key})
    refused = expect_error(other, 409, "P0191", "the same key with another body")
    check(refused.get("header") == "Idempotency-Key", "the refusal names the header", refused)
    expect_error(api("POST", "/v1/payments", body, headers={"Idempotency-Key": "order_77"}), 422, "P0102", "a key Pay refuses")


def flow_errors():
    unauthorised = api("GET", "/v1/payments", key="api_test_" + "a" * 40)
    check(unauthorised.status_code == 401, "an unknown key is 401", unauthorised.status_code)
    check(body_of(unauthorised) == {"code": 401, "message": "Credentials are required to access this resource."}, "Pay's 401 body",
          body_of(unauthorised))
    expect_error(api("GET", "/v1/payments/abcdefghijklmnopqrstuv0123"), 404, "P0200", "get an unknown payment")
    missing = expect_error(api("POST", "/v1/payments", {"amount": 100, "description": "x", "return_url": RETURN_URL}), 400, "P0101",
                           "a payment without a reference")
    check(missing.get("field") == "reference", "the missing attribute is named", missing)
    wrong_type = expect_error(api("POST", "/v1/payments", {"amount": "lots", "reference": "r", "description": "d", "return_url": RETURN_URL}),
                              400, "P0102", "an amount that is not a number")
    check(wrong_type.get("field") == "amount", "the invalid attribute is named", wrong_type)
    metadata = {"constructor": "ledger", "toString": "x", "valueOf": 1e300}
    payment, _ = create(f"FLOW-{RUN}-META", metadata=metadata)
    check(payment["metadata"] == metadata, "metadata keys naming object members store and read back", payment)
    too_many = {f"key{i}": i for i in range(16)}
    expect_error(api("POST", "/v1/payments", {"amount": 1, "reference": "r", "description": "d", "return_url": RETURN_URL, "metadata": too_many}),
                 422, "P0102", "more than 15 metadata pairs")


def main():
    started = time.monotonic()
    flows = [
        ("create, pay through next_url, get, events", flow_create_and_pay),
        ("declined card", flow_declined),
        ("search, card filters, paging", flow_search),
        ("cancel", flow_cancel),
        ("delayed capture", flow_delayed_capture),
        ("idempotency", flow_idempotency),
        ("errors", flow_errors),
    ]
    paid = None
    try:
        for name, flow in flows:
            result = flow()
            if flow is flow_create_and_pay:
                paid = result
            print(f"pay-flows: {name}: ok")
        flow_refunds(paid)
        print("pay-flows: refunds: ok")
    except (Failed, requests.RequestException) as failure:
        print(f"pay-flows: FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"pay-flows: {checks} checks passed in {time.monotonic() - started:.1f} s against {BASE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
