from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from leafpress.server import auditlog
from leafpress.server.workers import audit_findings
from tests.pdfcheck import pdftotext
from tests.server.conftest import Live

GOOD = {"sections": ["what-is-secondary", "how-it-spreads"],
        "contacts": "breast-unit-st-elsewhere", "edition": "large-print"}


def _text(data: bytes, tmp_path: Path, name: str = "out.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return pdftotext(path)


def test_good_request_returns_an_audited_pdf_with_contacts(live: Live, tmp_path: Path) -> None:
    before = len(auditlog.entries(live.root))
    with live.client() as client:
        response = client.post("/api/handouts", json=GOOD)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="information-for-you-large-print.pdf"' in response.headers[
        "content-disposition"]
    assert response.content.startswith(b"%PDF")
    assert audit_findings(response.content, "large-print.pdf") == []
    text = " ".join(_text(response.content, tmp_path).split())
    assert "0114 496 0123" in text and "0114 496 0999" in text
    assert "St Elsewhere Hospital (sample)" in text
    entries = auditlog.entries(live.root)
    assert len(entries) == before + 1
    number, entry = entries[-1]
    assert str(number) == response.headers["x-leafpress-log-entry"]
    assert entry.sha256 == hashlib.sha256(response.content).hexdigest()
    assert entry.edition == "large-print" and entry.contacts_profile == "breast-unit-st-elsewhere"
    assert [s.id for s in entry.sections] == GOOD["sections"]


BAD: list[tuple[str, dict[str, Any], int, str]] = [
    ("unknown section", {"sections": ["what-is-secondry"]}, 422,
     "unknown section id 'what-is-secondry'"),
    ("overdue section", {"sections": ["what-is-secondary", "old-advice"]}, 422,
     "section 'old-advice' is overdue for review"),
    ("empty handout", {"sections": []}, 422, "the leaflet has no sections"),
    ("no sections key", {"title": "Hello"}, 422, "missing required key 'sections'"),
    ("markup in title", {"sections": ["receptors"], "title": "<b>Hi</b>"}, 422,
     "title: contains markup"),
    ("template in heading", {"sections": [{"id": "receptors", "heading": "{{ 7*7 }}"}]}, 422,
     "sections[0].heading: contains markup or template code"),
    ("template in note", {"sections": ["receptors"], "contacts": "breast-unit-st-elsewhere",
                          "note": "{% include 'x' %}"}, 422, "note: contains markup"),
    ("markup in inline contacts", {"sections": ["receptors"], "contacts": {
        "team": "<script>x</script>", "hospital": "H", "nurse_phone": "0114 496 0123",
        "nurse_hours": "9 to 5", "helpline_phone": "0114 496 0999"}}, 422,
     "contacts.team: contains markup"),
    ("profile name with ../", {"sections": ["receptors"], "contacts": "../publishers/sample"},
     422, "contacts: the text '../publishers/sample' is not in the right form"),
    ("unknown profile", {"sections": ["receptors"], "contacts": "breast-unit"}, 422,
     "unknown contacts profile 'breast-unit'"),
    ("NHS number in note", {"sections": ["receptors"], "contacts": "breast-unit-st-elsewhere",
                            "note": "Patient 943 476 5919"}, 422, "passes the NHS number check"),
    ("date of birth in note", {"sections": ["receptors"], "contacts": "breast-unit-st-elsewhere",
                               "note": "Born 03/04/1961"}, 422, "date of birth"),
    ("bad phone", {"sections": ["receptors"], "contacts": {
        "team": "T", "hospital": "H", "nurse_phone": "call us", "nurse_hours": "9 to 5",
        "helpline_phone": "0114 496 0999"}}, 422, "'call us' is not a UK phone number"),
    ("unknown edition", {"sections": ["receptors"], "edition": "huge"}, 422,
     "unknown edition 'huge'"),
    ("not an object", ["receptors"], 422, "must be a JSON object"),
    ("format not made for the edition", {"sections": ["receptors"], "edition": "large-print",
                                         "format": "epub"}, 422,
     "the 'epub' format is not made for a leaflet in the large-print edition"),
    ("unknown key", {"sections": ["receptors"], "colour": "red"}, 422, "unknown key 'colour'"),
    ("unknown leaflet to start from", {"sections": ["receptors"], "start_from": "bones"}, 422,
     "start_from: unknown leaflet 'bones'"),
]


@pytest.mark.parametrize(("case", "body", "status", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_request_gets_a_located_4xx_and_writes_nothing(
        live: Live, case: str, body: Any, status: int, message: str) -> None:
    files, log = live.files(), auditlog.entries(live.root)
    with live.client() as client:
        response = client.post("/api/handouts", json=body)
        assert response.status_code == status, response.text
        problems = response.json()["problems"]
        assert any(message in p["text"] for p in problems), problems
        assert all(p["message"] and p["location"] for p in problems)
        assert client.get("/").status_code == 200  # still serving
    assert live.files() == files and auditlog.entries(live.root) == log


@pytest.mark.parametrize(("content", "headers", "status", "message"), [
    (json.dumps(GOOD), {"content-type": "text/plain"}, 415, "expected Content-Type"),
    ("sections=receptors", {"content-type": "application/x-www-form-urlencoded"}, 415,
     "expected Content-Type"),
    ('{"sections": [', {"content-type": "application/json"}, 400, "not valid JSON at line 1"),
    (b"\xff\xfe", {"content-type": "application/json"}, 400, "not valid JSON"),
    ('{"sections": ["receptors"], "contacts": ' + "[" * 900 + "]" * 900 + "}",
     {"content-type": "application/json"}, 400, "more than 16 deep"),
    ('{"sections": ' + "[" * 5000 + "]" * 5000 + "}", {"content-type": "application/json"},
     400, "not valid JSON"),
    (json.dumps({"sections": ["receptors"], "contacts": "breast-unit-st-elsewhere",
                 "note": "x" * 1_000_000}), {"content-type": "application/json"}, 413,
     "larger than 64 KB"),
])
def test_wrong_bodies_are_refused(live: Live, content: str | bytes, headers: dict[str, str],
                                  status: int, message: str) -> None:
    log = auditlog.entries(live.root)
    with live.client() as client:
        response = client.post("/api/handouts", content=content, headers=headers)
        assert response.status_code == status
        assert message in response.json()["problems"][0]["text"]
        assert client.get("/").status_code == 200
    assert auditlog.entries(live.root) == log


def test_twenty_concurrent_requests_get_their_own_pdfs(live: Live, tmp_path: Path) -> None:
    ids = ["what-is-secondary", "how-it-spreads", "where-it-spreads", "receptors", "staging",
           "symptoms-bone", "symptoms-lung", "symptoms-liver", "symptoms-brain", "follow-up"]
    requests = [{"title": f"Handout number {n}", "sections": [ids[n % 10], ids[(n + 3) % 10]],
                 "edition": ("standard", "large-print")[n % 2]} for n in range(20)]
    bad = [{"sections": ["nope"]}, {"sections": []}, {"sections": ["old-advice"]}]

    def post(body: dict[str, Any]) -> httpx.Response:
        with live.client() as client:
            return client.post("/api/handouts", json=body)

    with ThreadPoolExecutor(23) as pool:
        responses = list(pool.map(post, [*requests, *bad]))
    good, refused = responses[:20], responses[20:]
    assert [r.status_code for r in good] == [200] * 20
    assert [r.status_code for r in refused] == [422] * 3
    assert len({hashlib.sha256(r.content).hexdigest() for r in good}) == 20
    for n, response in enumerate(good):
        text = " ".join(_text(response.content, tmp_path, f"{n}.pdf").split())
        assert f"Handout number {n}" in text
        assert ("Large print" in text) == (n % 2 == 1)


def test_schema_documents_the_request(live: Live) -> None:
    with live.client() as client:
        schema = client.get("/api/handouts/schema").json()
    assert {"sections", "edition", "format", "contacts", "note", "title"} <= set(
        schema["properties"])
    assert schema["required"] == ["sections"]


def test_advice_in_errors_names_the_studio_not_the_command_line(live: Live) -> None:
    with live.client() as client:
        for body in ({"sections": ["what-is-secondry"]}, {"sections": []}):
            problems = client.post("/api/handouts", json=body).json()["problems"]
            hints = " ".join(p["hint"] for p in problems)
            assert "GET /api/sections" in hints, problems
            assert "leafpress list" not in hints and "sections:'" not in hints, problems
        problems = client.post("/api/handouts", json={"sections": ["what-is-secondry"]}
                               ).json()["problems"]
        assert problems[0]["hint"].startswith("Did you mean 'what-is-secondary'?")
        assert problems[0]["location"] == "handout request (sections[0].id)"  # not a file path


def test_sections_are_listed_for_api_clients(live: Live) -> None:
    with live.client() as client:
        listed = client.get("/api/sections").json()["sections"]
        found = client.get("/api/sections", params={"q": "bone pain"}).json()["sections"]
    by_id = {section["id"]: section for section in listed}
    assert "what-is-secondary" in by_id and len(by_id) == len(listed) > 20
    titles = [section["title"].lower() for section in listed]
    assert titles == sorted(titles)
    old = by_id["old-advice"]  # the overdue section the test project adds
    assert old["overdue"] and not old["can_be_added"] and old["next_review"] == "2020-01-10"
    good = by_id["what-is-secondary"]
    assert good["can_be_added"] and good["summary"] and 0 < good["reading_ease"] <= 100
    found_ids = {section["id"] for section in found}
    assert found_ids and found_ids < set(by_id)
    assert "receptors" not in found_ids  # says nothing of bone pain


def test_an_unknown_start_and_an_unknown_section_are_reported_together(live: Live) -> None:
    with live.client() as client:
        response = client.post("/api/handouts", json={
            "sections": ["receptors", "bone-pian"], "start_from": "bones"})
    assert response.status_code == 422
    assert [p["field"] for p in response.json()["problems"]] == ["start_from", "sections[1].id"]
