"""CKAN's own client against the open data portal: ckanapi's RemoteCKAN and its command line.

Run by `npm run conformance -- ckan`, which starts local mode and passes its addresses and
credentials. Reads go to the portal's root, as a user would give it to ckanapi; writes go to the
publishers' site with an officer's staff token as ckanapi's `apikey` (`Bearer <token>`, sent as
Authorization) and the department's API key on the session. Every check fails loudly, naming
what differed; the script exits 0 only if all pass.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

import requests
from ckanapi import NotAuthorized, NotFound, RemoteCKAN, SearchError, SearchQueryError, ValidationError

STARTED = time.monotonic()
SITE = (os.environ.get("SERVICE_URL_OPEN_DATA") or os.environ["LOCAL_URL"] + "/open-data").rstrip("/")
SHARED_SITE = os.environ["LOCAL_URL"].rstrip("/") + "/open-data"
OFFICER_TOKEN = os.environ["TOKEN_OFFICER_TD"]
DEPARTMENT_KEY = os.environ["API_KEY_TD"]
# Datasets made by this run get names of their own, so a run never meets the last one's.
RUN = format(int(time.time() * 1000) % 10**10, "x")

checks = 0


def check(condition, message, *details):
    """Fails the run, saying what was expected and what came, unless the condition holds."""
    global checks
    checks += 1
    if not condition:
        shown = "".join(f"\n    {json.dumps(d, ensure_ascii=False, default=str)[:600]}" for d in details)
        raise AssertionError(f"{message}{shown}")


def raises(kind, call, message):
    """The error ckanapi raised for a call, which must be of the given kind."""
    try:
        result = call()
    except kind as error:
        return error
    except Exception as error:  # noqa: BLE001 - another kind is the failure being reported
        raise AssertionError(f"{message}: expected {kind.__name__}, got {type(error).__name__}: {error}") from error
    raise AssertionError(f"{message}: expected {kind.__name__}, got a result: {json.dumps(result, default=str)[:300]}")


public = RemoteCKAN(SITE)
public_by_get = RemoteCKAN(SHARED_SITE, get_only=True)
session = requests.Session()
session.headers["x-api-key"] = DEPARTMENT_KEY
publisher = RemoteCKAN(SITE + "/publisher", apikey="Bearer " + OFFICER_TOKEN, session=session)


def read_actions():
    check(public.action.site_read() is True, "site_read answers true")
    status = public.action.status_show()
    check(status.get("ckan_version", "").startswith("2.10"), "status_show names the CKAN version answered like", status)

    names = public.action.package_list()
    check(len(names) >= 10 and names == sorted(names), "package_list: the published names, sorted", names)
    check(public.action.package_list(limit=3, offset=2) == names[2:5], "package_list pages with limit and offset")
    check(public_by_get.action.package_list() == names, "package_list by GET on the shared port answers the same")

    search = public.action.package_search(
        q="traffic", fq="res_format:CSV", rows=3, start=0, sort="name asc", **{"facet.field": ["organization", "tags"]}
    )
    check(search["count"] >= len(search["results"]) > 0, "package_search finds datasets for q and fq", search.get("count"))
    got = [pkg["name"] for pkg in search["results"]]
    check(got == sorted(got), "package_search sorts by name", got)
    check(set(search["search_facets"]) == {"organization", "tags"}, "package_search counts the facets asked for", search["search_facets"])
    for item in search["search_facets"]["organization"]["items"]:
        check({"name", "display_name", "count"} <= set(item), "a facet item has name, display_name and count", item)
    everything = public.action.package_search(rows=1000)
    check(everything["count"] == len(names), "package_search without q counts exactly the published datasets", everything["count"], len(names))
    first, second = (public.action.package_search(rows=4, start=start, sort="name asc")["results"] for start in (0, 4))
    check(
        [p["name"] for p in first + second] == names[:8],
        "package_search pages with rows and start, in sort order",
        [p["name"] for p in first + second],
    )
    filtered = public.action.package_search(fq="organization:hk-hko", rows=1000)
    check(
        filtered["count"] > 0 and all(p["organization"]["name"] == "hk-hko" for p in filtered["results"]),
        "package_search's fq keeps one organization's datasets",
    )
    raises(SearchQueryError, lambda: public.action.package_search(sort="name"), "a sort without direction is a Search Query Error")
    raises(SearchError, lambda: public.action.package_search(sort="downloads desc"), "a sort on an unknown field is a Search Error")
    raises(ValidationError, lambda: public.action.package_search(rows=5000), "rows over 1000 is a Validation Error")

    dataset = public.action.package_show(id="hk-hko-daily-total-rainfall")
    check(dataset["name"] == "hk-hko-daily-total-rainfall" and dataset["resources"], "package_show by name, with resources", dataset)
    check(public.action.package_show(id=dataset["id"])["name"] == dataset["name"], "package_show by id")
    raises(NotFound, lambda: public.action.package_show(id="no-such-dataset"), "an unknown dataset is Not Found")
    resource = public.action.resource_show(id=dataset["resources"][0]["id"])
    check(resource["package_id"] == dataset["id"] and resource["url"], "resource_show answers the resource of its dataset", resource)

    orgs = public.action.organization_list()
    check({"hk-td", "hk-hko", "hk-epd"} <= set(orgs), "organization_list names the departments", orgs)
    detailed = public.action.organization_list(all_fields=True)
    check(sum(org["package_count"] for org in detailed) == len(names), "organization_list counts every published dataset once", detailed)
    org = public.action.organization_show(id="hk-td", include_datasets=True)
    check(org["name"] == "hk-td" and org["packages"], "organization_show with its datasets", org.get("name"))
    check(all(pkg["organization"]["name"] == "hk-td" for pkg in org["packages"]), "organization_show lists only its own datasets")
    groups = public.action.group_list()
    check("transport" in groups, "group_list names the categories", groups)
    group = public.action.group_show(id="transport")
    check(group["name"] == "transport" and group["package_count"] > 0, "group_show counts its datasets", group)
    in_group = public.action.group_package_show(id="transport", limit=100)
    check(len(in_group) == group["package_count"], "group_package_show lists the group's datasets", len(in_group), group["package_count"])

    tags = public.action.tag_list()
    check("weather" in tags and tags == sorted(tags), "tag_list names the tags, sorted", tags)
    tag = public.action.tag_show(id="weather", include_datasets=True)
    check(tag["name"] == "weather" and tag["packages"], "tag_show with its datasets", tag.get("name"))
    check(all("weather" in [t["name"] for t in pkg["tags"]] for pkg in tag["packages"]), "tag_show lists datasets with the tag")
    raises(NotFound, lambda: public.action.tag_show(id="no-such-tag"), "an unknown tag is Not Found")
    found = public.action.tag_search(query="weath")
    check(found["count"] >= 1 and "weather" in [t["name"] for t in found["results"]], "tag_search finds tags by part of a name", found)
    check("weather" in public.action.tag_autocomplete(query="weath"), "tag_autocomplete names tags by part of a name")

    licenses = public.action.license_list()
    check(licenses and all({"id", "title", "url"} <= set(lic) for lic in licenses), "license_list gives each licence's id, title, url", licenses)
    check(dataset["license_id"] in [lic["id"] for lic in licenses], "a dataset's licence is one license_list gives")

    recent = public.action.current_package_list_with_resources(limit=5)
    modified = [pkg["metadata_modified"] for pkg in recent]
    check(len(recent) == 5 and modified == sorted(modified, reverse=True), "current_package_list_with_resources: newest first", modified)
    check(all("resources" in pkg for pkg in recent), "current_package_list_with_resources includes resources")
    matches = public.action.package_autocomplete(q="rainfall")
    check(any(m["name"] == "hk-hko-daily-total-rainfall" for m in matches), "package_autocomplete matches names and titles", matches)
    check(all({"name", "title", "match_field", "match_displayed"} <= set(m) for m in matches), "package_autocomplete's fields", matches)
    formats = public.action.format_autocomplete(q="cs")
    check("csv" in formats, "format_autocomplete names formats, lower case", formats)
    check(any(o["name"] == "hk-hko" for o in public.action.organization_autocomplete(q="observ")), "organization_autocomplete")
    check(any(g["name"] == "transport" for g in public.action.group_autocomplete(q="trans")), "group_autocomplete")
    by_format = public.action.resource_search(query="format:CSV", limit=5)
    check(by_format["count"] > 0 and all(r["format"].upper() == "CSV" for r in by_format["results"]), "resource_search by field", by_format)
    raises(ValidationError, lambda: public.action.resource_search(query="colour:red"), "resource_search on an unknown field")
    check(public.action.organization_list_for_user() == [], "organization_list_for_user: an anonymous caller may publish nowhere")
    help_text = public.action.help_show(name="package_search")
    check(isinstance(help_text, str) and "package_search" in help_text, "help_show documents an action", help_text)

    raises(
        NotAuthorized,
        lambda: public.action.package_create(name=f"hk-td-anon-{RUN}", owner_org="hk-td"),
        "publishing on the public site is not authorized",
    )
    return names


def write_actions():
    name = f"hk-td-conformance-{RUN}"
    created = publisher.action.package_create(
        name=name,
        owner_org="hk-td",
        notes="Made by the CKAN client's conformance run.",
        tags=[{"name": "conformance"}],
        resources=[{"name": "First", "url": "https://example.gov.hk/first.csv", "format": "CSV"}],
    )
    check(created["name"] == name and created["title"] == name, "package_create without a title titles it by its name", created)
    check(name in public.action.package_list(), "a new public dataset is listed")

    patched = publisher.action.package_patch(id=name, title="Conformance run", notes="Patched.")
    check((patched["title"], patched["notes"], len(patched["resources"])) == ("Conformance run", "Patched.", 1), "package_patch", patched)

    revised = publisher.action.package_revise(
        match={"id": created["id"], "metadata_modified": patched["metadata_modified"]},
        update__resources__extend=[{"name": "Second", "url": "https://example.gov.hk/second.json", "format": "JSON"}],
        update__resources__0={"description": "The first file"},
        update__notes="Revised.",
    )["package"]
    check([r["name"] for r in revised["resources"]] == ["First", "Second"], "package_revise adds a resource with __extend", revised)
    check(revised["resources"][0]["description"] == "The first file", "package_revise updates a resource by position", revised)
    check(revised["notes"] == "Revised.", "package_revise updates a field by flattened key", revised)
    stale = raises(
        ValidationError,
        lambda: publisher.action.package_revise(match={"id": created["id"], "metadata_modified": patched["metadata_modified"]}, update={}),
        "package_revise refuses a dataset changed since it was read",
    )
    check("match" in stale.error_dict, "the refusal names the unmatched field", stale.error_dict)
    second_id = revised["resources"][1]["id"]
    filtered = publisher.action.package_revise(
        match={"id": created["id"]},
        filter=[f"-resources__{second_id[:8]}"],
        update={"version": "2"},
        include=["+package__resources", "+package__version", "-package__*"],
    )["package"]
    check(set(filtered) == {"resources", "version"}, "package_revise leaves out what include's globs remove", list(filtered))
    check([r["name"] for r in filtered["resources"]] == ["First"], "package_revise's filter removes a resource by id", filtered)
    second = publisher.action.resource_create(package_id=name, name="Second again", url="https://example.gov.hk/second.json")

    resource = publisher.action.resource_patch(id=second["id"], description="Patched resource", format="JSON")
    check((resource["description"], resource["format"], resource["name"]) == ("Patched resource", "JSON", "Second again"), "resource_patch", resource)
    check(publisher.action.resource_delete(id=second["id"]) is None, "resource_delete answers nothing")
    raises(NotFound, lambda: public.action.resource_show(id=second["id"]), "a deleted resource is Not Found")
    check(len(public.action.package_show(id=name)["resources"]) == 1, "resource_delete removes the resource from its dataset")

    mine = publisher.action.organization_list_for_user(permission="create_dataset")
    check([org["name"] for org in mine] == ["hk-td"], "organization_list_for_user: an officer publishes for its department", mine)

    hidden = {}
    for kind, extra in (("private", {"private": True}), ("draft", {"state": "draft"})):
        hidden[kind] = publisher.action.package_create(name=f"hk-td-{kind}-{RUN}", title=f"Not public ({kind})", owner_org="hk-td", **extra)
        raises(NotFound, lambda n=hidden[kind]["name"]: public.action.package_show(id=n), f"a {kind} dataset is Not Found to the public")
    check(publisher.action.package_show(id=hidden["private"]["name"])["private"] is True, "its officer sees the private dataset")

    doomed = publisher.action.package_create(name=f"hk-td-deleted-{RUN}", owner_org="hk-td")
    check(publisher.action.package_delete(id=doomed["id"]) is None, "package_delete answers nothing")
    raises(NotFound, lambda: public.action.package_show(id=doomed["name"]), "a deleted dataset is Not Found to the public")
    check(doomed["name"] not in public.action.package_list(), "a deleted dataset is not listed")
    return [h["name"] for h in hidden.values()] + [doomed["name"]]


def dump(thing, *args):
    """`ckanapi dump <thing> ...` against the portal: the records it wrote, by name."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, f"{thing}.jsonl")
        # The command line runs its workers as `ckanapi`, found on the PATH.
        env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
        run = subprocess.run(
            ["ckanapi", "dump", thing, *args, "-q", "-O", out, "-r", SITE], env=env, capture_output=True, text=True, timeout=120
        )
        check(run.returncode == 0, f"ckanapi dump {thing} {' '.join(args)} exits 0", run.stdout[-2000:], run.stderr[-2000:])
        with open(out, encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]


def command_line(names, hidden):
    datasets = dump("datasets", "--all")
    dumped = [record["name"] for record in datasets]
    check(len(dumped) == len(names), "dump datasets --all writes every published dataset", len(dumped), len(names))
    check(sorted(dumped) == sorted(names), "dump datasets --all writes exactly package_list's datasets", sorted(set(dumped) ^ set(names)))
    check(not set(hidden) & set(dumped), "no private, draft or deleted dataset is dumped", sorted(set(hidden) & set(dumped)))
    check(all(not r["private"] and r["state"] == "active" for r in datasets), "every dumped dataset is public and active")
    check(all(r["resources"] is not None for r in datasets), "dumped datasets carry their resources")
    with_private = dump("datasets", "--all", "--include-private", "--include-drafts")
    check(sorted(r["name"] for r in with_private) == sorted(names), "asking the public site for private and drafts dumps none")

    orgs = dump("organizations", "--all")
    check(sorted(r["name"] for r in orgs) == sorted(public.action.organization_list()), "dump organizations --all writes each department")
    check(all(r["is_organization"] for r in orgs), "dumped organizations are organizations")
    two = dump("organizations", "hk-td", "hk-hko")
    check([r["name"] for r in two] == ["hk-td", "hk-hko"], "dump organizations by name, in the order asked", [r["name"] for r in two])
    groups = dump("groups", "--all")
    check(sorted(r["name"] for r in groups) == sorted(public.action.group_list()), "dump groups --all writes each category")

    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "search.jsonl")
        search = subprocess.run(
            ["ckanapi", "search", "datasets", "fq=organization:hk-hko", "-O", out, "-r", SITE], env=env, capture_output=True, text=True, timeout=60
        )
        check(search.returncode == 0, "ckanapi search datasets exits 0", search.stderr[-2000:])
        with open(out, encoding="utf-8") as lines:
            found = [json.loads(line)["name"] for line in lines if line.strip()]
    expected = public.action.package_search(fq="organization:hk-hko", rows=1000)["count"]
    check(len(found) == expected and all(n.startswith("hk-hko-") for n in found), "ckanapi search datasets pages through fq", found)

    action = subprocess.run(
        ["ckanapi", "action", "package_search", "q=rainfall", "rows:2", "-j", "-r", SITE], env=env, capture_output=True, text=True, timeout=60
    )
    check(action.returncode == 0, "ckanapi action package_search exits 0", action.stderr[-2000:])
    check(json.loads(action.stdout)["count"] >= 1, "ckanapi action answers the search", action.stdout[:500])


def main():
    names = read_actions()
    hidden = write_actions()
    command_line(public.action.package_list(), hidden)
    print(f"ckan: {checks} checks passed against {SITE} in {time.monotonic() - STARTED:.1f} s")
    return names


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"ckan: FAILED after {checks} checks: {failure}", file=sys.stderr)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - ckanapi raising where a check expected an answer is a failure too
        print(f"ckan: FAILED after {checks} checks, ckanapi raised {type(error).__name__}: {str(error)[:2000]}", file=sys.stderr)
        sys.exit(1)
