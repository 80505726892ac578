"""Attachments in the local store: written with their case and its outbox in one transaction,
their outbox rows parked until the filing releases them, the bytes overwritten once deleted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, inspect

from desktop.domain.attachments import ADD_ATTACHMENT, check_attachment
from desktop.domain.cases import FILE_CASE, CaseState
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync, SyncOutcome
from desktop.store import store_migrations
from desktop.store.attachment_repo import PARKED, AttachmentRepo
from desktop.store.local_store import LocalStore
from desktop.store.outbox_repo import OutboxRepo
from desktop.store.store_tables import AttachmentRow
from tests.unit.test_attachment_checks import JPEG, PDF
from tests.unit.test_case_domain import VALID
from tests.unit.test_case_service import ScriptedCentral

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
MARKER = b"MARIA-SILVA-CC-0123456789"  # stands for a citizen's scanned ID card

outbox = OutboxRepo()
attachments = AttachmentRepo()


@pytest.fixture
def service(store: LocalStore) -> CaseService:
    service = CaseService(store, ScriptedCentral(), centre_id=1, counter_label=3, clock=lambda: T0)
    service.refresh_reference_data()
    return service


def checkpoint(store: LocalStore) -> None:
    """Copy the WAL into the main file (outside any transaction), then empty it."""
    connection = store.engine.raw_connection()
    try:
        connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        connection.close()


FILES = (check_attachment("cc.pdf", PDF + MARKER), check_attachment("foto.jpg", JPEG))


def test_the_table_is_created_by_a_versioned_migration(store: LocalStore) -> None:
    with store.engine.connect() as connection:
        assert store_migrations.schema_version(connection) == store_migrations.LATEST
        columns = {c["name"] for c in inspect(connection).get_columns("case_attachments")}
    assert columns == set(AttachmentRow.__table__.columns.keys())


def test_a_case_and_its_files_are_submitted_together(
    store: LocalStore, service: CaseService
) -> None:
    pending = service.submit(VALID["complaint"], FILES)
    kept = service.attachments(pending.local_id)
    assert [(a.filename, a.media_type, a.size, a.sha256) for a in kept] == [
        (f.filename, f.media_type, f.size, f.sha256) for f in FILES
    ]
    with store.reading() as session:
        rows = outbox.for_case(session, pending.local_id)
        assert attachments.content(session, kept[0].id) == PDF + MARKER
        due = outbox.due(session, T0)
    commands = sorted((r.command, r.next_attempt_at == PARKED) for r in rows)
    assert commands == [(ADD_ATTACHMENT, True), (ADD_ATTACHMENT, True), (FILE_CASE, False)]
    assert {r.payload["attachment_id"] for r in rows if r.command == ADD_ATTACHMENT} == {
        a.id for a in kept
    }
    assert [e.command for e in due] == [FILE_CASE]  # the files wait for the filing
    assert service.pending_count() == 3  # the files count as waiting for central


def test_a_failed_submit_keeps_neither_the_case_nor_its_files(
    store: LocalStore, service: CaseService
) -> None:
    def fail(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO case_attachments"):
            raise RuntimeError("disk full")

    event.listen(store.engine, "before_cursor_execute", fail)
    try:
        with pytest.raises(RuntimeError):
            service.submit(VALID["incident"], FILES)
    finally:
        event.remove(store.engine, "before_cursor_execute", fail)
    assert service.list_cases() == ()
    assert service.pending_count() == 0


def test_releasing_makes_the_files_due_and_holds_the_case_pending(
    store: LocalStore, service: CaseService
) -> None:
    pending = service.submit(VALID["information_request"], FILES)
    later = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    with store.writing() as session:
        assert attachments.release(session, pending.local_id, later) == 2
        attachments.hold_pending(session, pending.local_id)
    with store.reading() as session:
        due = outbox.due(session, later)
    assert sorted(e.command for e in due) == [ADD_ATTACHMENT, ADD_ATTACHMENT, FILE_CASE]
    assert service.get(pending.local_id).state is CaseState.PENDING


def test_an_ethics_reports_files_carry_its_follow_up_code(
    store: LocalStore, service: CaseService
) -> None:
    pending = service.submit(VALID["ethics_report"], FILES[:1])
    assert pending.follow_up_code is not None
    with store.reading() as session:
        (row,) = [e for e in outbox.for_case(session, pending.local_id) if e.command != FILE_CASE]
    assert row.payload["follow_up_code"] == pending.follow_up_code


def test_a_deleted_file_is_overwritten_in_the_store(
    path: Path, store: LocalStore, service: CaseService
) -> None:
    pending = service.submit(VALID["information_request"], FILES[:1])
    (kept,) = service.attachments(pending.local_id)
    checkpoint(store)
    assert MARKER in path.read_bytes()
    with store.writing() as session:
        attachments.remove(session, kept.id)
    checkpoint(store)
    assert service.attachments(pending.local_id) == ()
    assert MARKER not in path.read_bytes()  # secure_delete: zeroed, not merely unlinked
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or MARKER not in wal.read_bytes()


def test_a_file_due_before_its_case_is_filed_waits_parked(
    store: LocalStore, service: CaseService
) -> None:
    pending = service.submit(VALID["information_request"], FILES)
    later = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    with store.writing() as session:
        (filing,) = [
            e for e in outbox.for_case(session, pending.local_id) if e.command == FILE_CASE
        ]
        outbox.reschedule(session, filing.id, next_attempt_at=later, error="client.offline")
        attachments.release(session, pending.local_id, T0)  # as if by mistake
    central = ScriptedCentral()
    sync = CaseSync(store, central, clock=lambda: T0)
    results = sync.run_once(T0).results
    assert [(r.command, r.outcome) for r in results] == [
        (ADD_ATTACHMENT, SyncOutcome.WAITING),
        (ADD_ATTACHMENT, SyncOutcome.WAITING),
    ]
    assert central.sent == []  # nothing went without the case's reference
    with store.reading() as session:
        rows = [e for e in outbox.for_case(session, pending.local_id) if e.command != FILE_CASE]
    assert all(e.next_attempt_at == PARKED for e in rows)
