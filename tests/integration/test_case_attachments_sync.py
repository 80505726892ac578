"""A case's files filed offline at the counter and synced to a real central on loopback: sent
after the case (with its final reference) and checked by central against their SHA-256; a lost
answer replayed (one file on central); a case refused and corrected keeping its files; a file
central refuses (the case needs attention, the file named); a file over the limit refused
before anything is kept; an ethics report's files attached with its follow-up code and nothing
left behind."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from central.cases.models import Case, CaseAttachment, CaseAttachmentContent
from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.domain.attachments import (
    ADD_ATTACHMENT,
    MAX_BYTES,
    TOO_LARGE,
    AttachmentFile,
    AttachmentRefused,
    check_attachment,
    read_attachment,
    sha256_hex,
)
from desktop.domain.cases import CaseState, VisitLink
from desktop.services.case_sync import SyncOutcome
from desktop.store.local_store import LocalStore
from tests.central.factories import World
from tests.integration.case_desks import LATER, NOW, desk
from tests.integration.conftest import LosingAdapter, Restartable, logged_in, session_with
from tests.unit.test_attachment_checks import EXE, JPEG, PDF, PNG
from tests.unit.test_case_domain import VALID

pytestmark = pytest.mark.usefixtures("case_reference")


def central_files(ctx: AppContext) -> list[tuple[str, str, str, int | None, bytes]]:
    """(case reference, filename, sha256, user_id, bytes) of every file on central."""
    with ctx.db.reading() as session:
        rows = session.execute(
            select(Case.reference, CaseAttachment, CaseAttachmentContent.content)
            .join(CaseAttachment, CaseAttachment.case_id == Case.id)
            .join(CaseAttachmentContent, CaseAttachmentContent.attachment_id == CaseAttachment.id)
            .order_by(CaseAttachment.id)
        ).all()
        return [(r, a.filename, a.sha256, a.user_id, c) for r, a, c in rows]


FILES = (check_attachment("requerimento.pdf", PDF), check_attachment("foto.png", PNG))


def test_two_files_filed_offline_are_sent_after_the_case(
    restartable: Restartable, ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = ApiClient(restartable.base_url)
    try:
        logged_in(api, "attendant")
        service, sync = desk(store, api, world, backoff=lambda _n: 0.0)
        restartable.stop()  # offline at the counter
        pending = service.submit(VALID["complaint"], FILES)
        (tried,) = sync.run_once(NOW).results
        assert tried.outcome is SyncOutcome.RETRY  # the filing; the files wait behind it

        restartable.start()
        (filed,) = sync.run_once(LATER).results  # the files were not due in this round
        assert filed.outcome is SyncOutcome.SYNCED
        held = service.get(pending.local_id)
        assert (held.state, held.final_reference) == (CaseState.PENDING, filed.final_reference)
        assert held.fields is None  # filed: its text is gone, its files still on their way

        sent = sync.run_once(LATER).results
        assert [(r.command, r.outcome) for r in sent] == [
            (ADD_ATTACHMENT, SyncOutcome.SYNCED),
            (ADD_ATTACHMENT, SyncOutcome.SYNCED),
        ]
        assert {(r.provisional_reference, r.final_reference) for r in sent} == {
            ("P-1-1", filed.final_reference)
        }
        synced = service.get(pending.local_id)
        assert synced.state is CaseState.SYNCED
        assert service.attachments(pending.local_id) == ()  # local bytes deleted
        assert service.pending_count() == 0
        on_central = central_files(ctx)
        assert [(r, n, s, c) for r, n, s, _u, c in on_central] == [
            (filed.final_reference, f.filename, f.sha256, f.content) for f in FILES
        ]
        assert all(sha256_hex(c) == s for _r, _n, s, _u, c in on_central)
        assert all(user is not None for *_rest, user, _c in on_central)
    finally:
        api.close()


def test_a_lost_answer_is_replayed_and_stores_the_file_once(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    adapter = LosingAdapter("/attachments", lose=1)
    api = make_api(session_factory=session_with(adapter))
    logged_in(api, "attendant")
    service, sync = desk(store, api, world, backoff=lambda _n: 0.0)
    pending = service.submit(VALID["incident"], FILES[:1])
    assert sync.run_once(NOW).results[0].outcome is SyncOutcome.SYNCED  # the filing

    (lost,) = sync.run_once(NOW).results
    assert lost.outcome is SyncOutcome.RETRY
    assert len(central_files(ctx)) == 1  # central stored it; the answer was lost
    assert len(service.attachments(pending.local_id)) == 1  # so the desktop keeps it

    (replayed,) = sync.run_once(LATER).results
    assert replayed.outcome is SyncOutcome.SYNCED
    assert adapter.keys[0] == adapter.keys[1]  # the same Idempotency-Key
    assert len(central_files(ctx)) == 1
    assert service.get(pending.local_id).state is CaseState.SYNCED


def test_a_file_central_refuses_makes_the_case_need_attention(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world, backoff=lambda _n: 0.0)
    # A program that slipped past the desktop's checks (say, an older version of them).
    smuggled = AttachmentFile("fatura.pdf", "application/pdf", sha256_hex(EXE), EXE)
    good = check_attachment("foto.jpg", JPEG)
    pending = service.submit(VALID["information_request"], (smuggled, good))
    sync.run_once(NOW)
    results = sync.run_once(NOW).results
    assert sorted(r.outcome for r in results) == [
        SyncOutcome.NEEDS_ATTENTION,
        SyncOutcome.SYNCED,
    ]
    case = service.get(pending.local_id)
    assert case.state is CaseState.NEEDS_ATTENTION
    assert case.rejection is not None
    assert case.rejection.code == "attachment.unsupported_type"
    assert [(f.loc, f.code) for f in case.rejection.fields] == [
        (("attachments", "fatura.pdf"), "attachment.unsupported_type")
    ]
    assert service.attachments(pending.local_id) == ()  # nothing is retried
    assert [n for _r, n, *_rest in central_files(ctx)] == ["foto.jpg"]

    # The citizen brings the real document: sent to the filed case, which is synced then.
    again = service.attach_to_filed_case(pending.local_id, (check_attachment("fatura.pdf", PDF),))
    assert (again.state, again.rejection) == (CaseState.PENDING, None)
    (sent,) = sync.run_once(NOW).results
    assert sent.outcome is SyncOutcome.SYNCED
    assert service.get(pending.local_id).state is CaseState.SYNCED
    assert [n for _r, n, *_rest in central_files(ctx)] == ["foto.jpg", "fatura.pdf"]


def test_a_file_over_the_limit_is_refused_before_anything_is_kept(
    tmp_path: Path, ctx: AppContext
) -> None:
    big = tmp_path / "digitalizacao.pdf"
    with big.open("wb") as stream:
        stream.write(PDF)
        stream.truncate(MAX_BYTES + 1)
    assert ctx.settings.attachment_max_bytes == MAX_BYTES  # the limit central applies
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(big)
    assert refused.value.code == TOO_LARGE
    assert refused.value.details["size"] == MAX_BYTES + 1


def test_an_ethics_reports_files_go_with_its_code_and_nothing_stays(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world, backoff=lambda _n: 0.0)
    submitted = service.submit(VALID["ethics_report"], FILES[:1])
    (filed,) = sync.run_once(NOW).results
    assert filed.outcome is SyncOutcome.SYNCED
    (sent,) = sync.run_once(NOW).results
    assert sent.outcome is SyncOutcome.SYNCED
    assert service.list_cases() == ()  # nothing of the report is kept once its file is there
    assert service.pending_count() == 0
    ((reference, name, sha256, user_id, _content),) = central_files(ctx)
    assert (reference, name, user_id) == (filed.final_reference, "requerimento.pdf", None)
    assert sha256 == hashlib.sha256(PDF).hexdigest()
    assert submitted.follow_up_code is not None


def test_a_case_refused_then_corrected_keeps_its_files(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world, backoff=lambda _n: 0.0)
    # A ticket central does not know: the filing is refused, its files never left.
    draft = replace(VALID["suggestion"], visit=VisitLink(ticket_id=999_999))
    pending = service.submit(draft, FILES[:1])
    (refused,) = sync.run_once(NOW).results
    assert refused.outcome is SyncOutcome.NEEDS_ATTENTION
    assert [a.filename for a in service.attachments(pending.local_id)] == ["requerimento.pdf"]
    assert sync.run_once(NOW).results == ()  # the file waits for a filing that succeeds

    kept = service.get(pending.local_id)
    extra = check_attachment("foto.png", PNG)
    service.correct_and_resubmit(replace(kept.draft(), visit=VisitLink()), (extra,))
    assert sync.run_once(NOW).results[0].outcome is SyncOutcome.SYNCED
    sent = sync.run_once(NOW).results
    assert [r.outcome for r in sent] == [SyncOutcome.SYNCED, SyncOutcome.SYNCED]
    assert [n for _r, n, *_rest in central_files(ctx)] == ["requerimento.pdf", "foto.png"]
    assert service.get(pending.local_id).state is CaseState.SYNCED


def test_a_batch_releases_the_files_of_its_cases_only(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world, backoff=lambda _n: 0.0)
    with_files = service.submit(VALID["complaint"], FILES)
    plain = service.submit(VALID["suggestion"])
    report = service.submit(VALID["ethics_report"], FILES[:1])

    filed = sync.run_once(NOW).results  # the three filings, in one request
    assert [r.outcome for r in filed] == [SyncOutcome.SYNCED] * 3
    held = service.get(with_files.local_id)
    assert (held.state, held.final_reference) == (CaseState.PENDING, filed[0].final_reference)
    assert held.fields is None  # filed: text gone, files on their way
    assert service.get(plain.local_id).state is CaseState.SYNCED  # nothing to wait for
    assert service.get(report.local_id).fields is None  # kept only until its file is sent

    sent = sync.run_once(NOW).results
    assert [(r.command, r.outcome) for r in sent] == [(ADD_ATTACHMENT, SyncOutcome.SYNCED)] * 3
    assert service.get(with_files.local_id).state is CaseState.SYNCED
    # The ethics report is gone once its file is there; the others stay, synced.
    assert {c.local_id for c in service.list_cases()} == {with_files.local_id, plain.local_id}
    assert service.pending_count() == 0
    on_central = sorted(r for r, *_ in central_files(ctx))
    assert on_central == sorted(
        [str(filed[0].final_reference)] * 2 + [str(filed[2].final_reference)]
    )
