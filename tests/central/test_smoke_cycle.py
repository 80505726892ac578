"""The whole counter cycle through the HTTP API, on both engines."""

from __future__ import annotations

from tests.central.http import ApiClient


def test_issue_call_start_finish(api: ApiClient) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    issued = api.issue(reception, "A")
    assert issued["number"] == "A001"
    api.open_counter(attendant, 1)
    called = attendant.ok("post", f"/counters/{api.world.counters[1]}/call-next")
    assert called["ticket"]["id"] == issued["id"]
    assert called["reason"]["rule"] == "longest_wait"
    ticket_id = issued["id"]
    assert attendant.ok("post", f"/tickets/{ticket_id}/start")["status"] == "serving"
    done = attendant.ok(
        "post", f"/tickets/{ticket_id}/finish", {"outcome": "resolved", "services_performed": ["A"]}
    )
    assert done["status"] == "done"
    assert done["counter_id"] == api.world.counters[1]
