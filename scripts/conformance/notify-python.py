"""GOV.UK Notify's official Python client (notifications-python-client) against the platform's Notify.

Used exactly as a department would use it: NotificationsAPIClient(api_key, base_url=<Notify's root>).
The client joins its paths to the root of base_url, so it is given the root of Notify's own host
(SERVICE_URL_NOTIFY). Every call's answer is checked; the first that is not as Notify answers ends the
run with a message saying what was expected and what came.
"""

import io
import logging
import os
import re
import sys
import time
import uuid

from notifications_python_client import NotificationsAPIClient
from notifications_python_client.errors import HTTPError

BASE_URL = os.environ["SERVICE_URL_NOTIFY"].rstrip("/")
API_KEY = os.environ["NOTIFY_API_KEY"]
EMAIL_TEMPLATE_ID = os.environ["NOTIFY_EMAIL_TEMPLATE_ID"]
SMS_TEMPLATE_ID = os.environ["NOTIFY_SMS_TEMPLATE_ID"]
TEAM_EMAIL = os.environ["NOTIFY_TEAM_EMAIL"]
REPLY_TO_ID = os.environ["NOTIFY_EMAIL_REPLY_TO_ID"]
SMS_SENDER_ID = os.environ["NOTIFY_SMS_SENDER_ID"]

# Notify's page size: a list of more than this many notifications takes more than one page.
PAGE_SIZE = 250
EMAIL_PERSONALISATION = {"name": "Chan", "licence_type": "hawker", "expiry_date": "1 May 2026", "has_fee_waiver": "yes"}
SMS_PERSONALISATION = {"office": "Wan Chai", "date": "3 May", "reference_number": "A1"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

checks = 0


def fail(message):
    print(f"FAIL {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, what, got=None):
    global checks
    if not condition:
        fail(what + ("" if got is None else f"; got {got!r}"))
    checks += 1


def expect_equal(actual, expected, what):
    expect(actual == expected, f"{what}: expected {expected!r}", actual)


def expect_error(call, status, errors, what):
    """The client raises HTTPError with Notify's status and its list of errors as the message."""
    try:
        call()
    except HTTPError as error:
        expect_equal(error.status_code, status, f"{what}: status")
        expect_equal(error.message, errors, f"{what}: errors")
        return
    fail(f"{what}: expected HTTPError {status}, the call succeeded")


def step(name):
    print(f"-- {name}", flush=True)


# The client logs every refused call as a warning; the refusals asked for below are checked instead.
logging.getLogger("notifications_python_client").setLevel(logging.ERROR)

started = time.monotonic()
client = NotificationsAPIClient(API_KEY, base_url=BASE_URL)
run = uuid.uuid4().hex[:12]

step("send_email_notification with personalisation, reference and email_reply_to_id")
reference = f"python-{run}"
email = client.send_email_notification(
    email_address=TEAM_EMAIL,
    template_id=EMAIL_TEMPLATE_ID,
    personalisation=EMAIL_PERSONALISATION,
    reference=reference,
    email_reply_to_id=REPLY_TO_ID,
)
expect(UUID.match(email["id"]), "the e-mail's id is a UUID", email["id"])
expect_equal(email["reference"], reference, "the e-mail's reference")
expect_equal(email["content"]["subject"], "Your hawker licence is due for renewal", "the e-mail's subject, personalised")
expect("You do not need to pay a renewal fee this year." in email["content"]["body"], "the e-mail's body, personalised", email["content"])
expect_equal(email["uri"], f"{BASE_URL}/v2/notifications/{email['id']}", "the e-mail's uri, under the client's base URL")
expect_equal(
    email["template"],
    {"id": EMAIL_TEMPLATE_ID, "version": 1, "uri": f"{BASE_URL}/v2/template/{EMAIL_TEMPLATE_ID}/version/1"},
    "the e-mail's template",
)

step("send_sms_notification, with an sms_sender_id")
sms = client.send_sms_notification(
    phone_number="+852 9123 4567",
    template_id=SMS_TEMPLATE_ID,
    personalisation=SMS_PERSONALISATION,
    reference=reference,
    sms_sender_id=SMS_SENDER_ID,
)
expect_equal(
    sms["content"],
    {"body": "Your appointment at Wan Chai is confirmed for 3 May. Reference A1.", "from_number": "DPO"},
    "the text message's content",
)
expect_equal(sms["uri"], f"{BASE_URL}/v2/notifications/{sms['id']}", "the text message's uri")

step("get_notification_by_id")
got = client.get_notification_by_id(email["id"])
for field, value in {"id": email["id"], "reference": reference, "type": "email", "email_address": TEAM_EMAIL, "phone_number": None}.items():
    expect_equal(got[field], value, f"the e-mail read back: {field}")
# Local mode's recording provider reports every message delivered at once.
expect_equal(got["status"], "delivered", "the e-mail's status")
expect_equal(client.get_notification_by_id(sms["id"])["phone_number"], "+852 9123 4567", "the text message read back: phone_number")

step("get_all_notifications with filters")
both = client.get_all_notifications(reference=reference)
expect_equal([n["id"] for n in both["notifications"]], [sms["id"], email["id"]], "the run's notifications, newest first")
expect_equal(
    both["links"],
    {
        "current": f"{BASE_URL}/v2/notifications?reference={reference}",
        "next": f"{BASE_URL}/v2/notifications?older_than={email['id']}&reference={reference}",
    },
    "the page's links, next given as Notify gives it whenever a page has notifications",
)
emails = client.get_all_notifications(template_type="email", status="delivered", reference=reference)
expect_equal([n["id"] for n in emails["notifications"]], [email["id"]], "template_type=email, status=delivered")
texts = client.get_all_notifications(template_type="sms", reference=reference, include_jobs=True)
expect_equal([n["id"] for n in texts["notifications"]], [sms["id"]], "template_type=sms with include_jobs")
failed = client.get_all_notifications(status="failed", reference=reference)
expect_equal(failed["notifications"], [], "status=failed: none failed")
older = client.get_all_notifications(reference=reference, older_than=sms["id"])
expect_equal([n["id"] for n in older["notifications"]], [email["id"]], "older_than the text message")

step(f"get_all_notifications_iterator over more than one page ({PAGE_SIZE + 5} text messages)")
# A reference that is itself a UUID: the iterator takes the first UUID in each next link for older_than.
batch = str(uuid.uuid4())
sent = [
    client.send_sms_notification(phone_number="91234567", template_id=SMS_TEMPLATE_ID, personalisation=SMS_PERSONALISATION, reference=batch)["id"]
    for _ in range(PAGE_SIZE + 5)
]
first = client.get_all_notifications(reference=batch)
expect_equal(len(first["notifications"]), PAGE_SIZE, "a full first page")
expect("older_than=" in first["links"].get("next", ""), "the first page links to the next", first["links"])
iterated = [n["id"] for n in client.get_all_notifications_iterator(reference=batch)]
expect_equal(len(iterated), len(sent), "the iterator's count")
expect_equal(sorted(iterated), sorted(sent), "the iterator yields every notification once")
expect_equal(iterated[0], sent[-1], "the iterator starts with the newest")

step("get_template, get_template_version, get_all_templates, post_template_preview")
template = client.get_template(EMAIL_TEMPLATE_ID)
expect_equal((template["id"], template["type"], template["version"]), (EMAIL_TEMPLATE_ID, "email", 1), "the e-mail template")
expect_equal(
    sorted(template["personalisation"]),
    sorted(EMAIL_PERSONALISATION),
    "the e-mail template's placeholders",
)
version = client.get_template_version(SMS_TEMPLATE_ID, 1)
expect_equal(
    version["body"],
    "Your appointment at ((office)) is confirmed for ((date)). Reference ((reference_number)).",
    "version 1 of the text message template",
)
all_templates = [t["id"] for t in client.get_all_templates()["templates"]]
expect(EMAIL_TEMPLATE_ID in all_templates and SMS_TEMPLATE_ID in all_templates, "get_all_templates lists both", all_templates)
sms_templates = client.get_all_templates(template_type="sms")["templates"]
expect(all(t["type"] == "sms" for t in sms_templates) and SMS_TEMPLATE_ID in [t["id"] for t in sms_templates], "type=sms", sms_templates)
preview = client.post_template_preview(EMAIL_TEMPLATE_ID, EMAIL_PERSONALISATION)
expect_equal(preview["subject"], "Your hawker licence is due for renewal", "the preview's subject")
expect("<p" in (preview["html"] or ""), "the preview's html", preview["html"])

step("get_received_texts and its iterator")
expect_equal(
    client.get_received_texts(),
    {"received_text_messages": [], "links": {"current": f"{BASE_URL}/v2/received-text-messages"}},
    "received text messages: none, in Notify's shape",
)
expect_equal(list(client.get_received_texts_iterator()), [], "the received texts iterator")

step("errors: HTTPError with Notify's status and errors")
expect_error(
    lambda: client.send_email_notification(email_address=TEAM_EMAIL, template_id="not-a-template", personalisation=EMAIL_PERSONALISATION),
    400,
    [{"error": "ValidationError", "message": "template_id is not a valid UUID"}],
    "a malformed template id",
)
expect_error(
    lambda: client.send_email_notification(email_address=TEAM_EMAIL, template_id=str(uuid.uuid4()), personalisation=EMAIL_PERSONALISATION),
    400,
    [{"error": "BadRequestError", "message": "Template not found"}],
    "an unknown template id",
)
expect_error(
    lambda: client.send_sms_notification(phone_number="91234567", template_id=EMAIL_TEMPLATE_ID, personalisation=EMAIL_PERSONALISATION),
    400,
    [{"error": "BadRequestError", "message": "email template is not suitable for sms notification"}],
    "an e-mail template for a text message",
)
expect_error(
    lambda: client.get_template("not-a-template"),
    400,
    [{"error": "ValidationError", "message": "id is not a valid UUID"}],
    "get_template with a malformed id",
)
expect_error(
    lambda: client.get_template(str(uuid.uuid4())),
    404,
    [{"error": "NoResultFound", "message": "No result found"}],
    "get_template with an unknown id",
)
expect_error(
    lambda: client.get_notification_by_id("1234-badly-formatted-id-7890"),
    400,
    [{"error": "ValidationError", "message": "notification_id is not a valid UUID"}],
    "get_notification_by_id with a malformed id",
)
expect_error(
    lambda: client.send_email_notification(email_address=TEAM_EMAIL, template_id=EMAIL_TEMPLATE_ID, personalisation={"name": "Chan"}),
    400,
    [{"error": "BadRequestError", "message": "Missing personalisation: licence_type, expiry_date, has_fee_waiver"}],
    "missing personalisation",
)
wrong_secret = NotificationsAPIClient(API_KEY[:-36] + str(uuid.uuid4()), base_url=BASE_URL)
expect_error(
    lambda: wrong_secret.get_all_templates(),
    403,
    [{"error": "AuthError", "message": "Invalid token: API key not found"}],
    "a key whose secret is wrong",
)
unknown_service = NotificationsAPIClient(f"key-{uuid.uuid4()}-{uuid.uuid4()}", base_url=BASE_URL)
expect_error(
    lambda: unknown_service.get_notification_by_id(email["id"]),
    403,
    [{"error": "AuthError", "message": "Invalid token: service not found"}],
    "a key of no service",
)

step("letters: Notify's answer to a service without the letter permission")
no_letters = [{"error": "BadRequestError", "message": "Service is not allowed to send letters"}]
expect_error(
    lambda: client.send_letter_notification(
        template_id=EMAIL_TEMPLATE_ID, personalisation={"address_line_1": "Flat 1", "address_line_2": "Central", "address_line_3": "Hong Kong"}
    ),
    400,
    no_letters,
    "send_letter_notification",
)
expect_error(
    lambda: client.send_precompiled_letter_notification(reference=f"letter-{run}", pdf_file=io.BytesIO(b"%PDF-1.7\n%%EOF\n")),
    400,
    no_letters,
    "send_precompiled_letter_notification",
)

print(f"notify-python: {checks} checks passed in {time.monotonic() - started:.1f} s against {BASE_URL}")
