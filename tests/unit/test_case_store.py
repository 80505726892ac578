"""The local SQLite store: pragmas, versioned migrations, drafts and cases as domain values,
the outbox (one transaction with its case, durable across a restart), the reference cache."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, inspect

from desktop.domain.cases import (
    FILE_CASE,
    CaseDraft,
    CaseFields,
    CaseReferenceData,
    CaseState,
    CitizenBlock,
    FieldError,
    LocalCase,
    Rejection,
    VisitLink,
)
from desktop.domain.errors import BalcaoError
from desktop.store import store_migrations
from desktop.store.case_repo import CaseRepo
from desktop.store.local_store import LocalStore, create_store_engine
from desktop.store.outbox_repo import OutboxRepo
from desktop.store.reference_cache_repo import ReferenceCacheRepo
from desktop.store.store_tables import Base
from tests.unit.test_case_domain import REFERENCE_JSON

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
CITIZEN = CitizenBlock(name="Maria Silva", nif="123456789")
DRAFT = CaseDraft("information_request", CaseFields("Horário?"), CITIZEN, VisitLink(7, 2, 3, 4))

cases = CaseRepo()
outbox = OutboxRepo()


def submit(store: LocalStore, draft: CaseDraft, number: int, now: datetime = T0) -> LocalCase:
    with store.writing() as session:
        saved = cases.save_draft(session, draft, now)
        pending = cases.mark_pending(
            session,
            saved.local_id,
            centre_id=1,
            provisional_reference=f"P-1-{number}",
            now=now,
        )
        outbox.add(
            session,
            case_local_id=saved.local_id,
            command=FILE_CASE,
            centre_id=1,
            payload={"n": number},
            now=now,
        )
    return pending


def test_the_file_is_opened_with_wal_full_sync_and_foreign_keys(store: LocalStore) -> None:
    with store.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar_one() == "wal"
        assert pragma("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert pragma("PRAGMA foreign_keys").scalar_one() == 1
        assert pragma("PRAGMA secure_delete").scalar_one() == 1
        assert pragma("PRAGMA user_version").scalar_one() == store_migrations.LATEST


def test_writers_begin_immediate_and_readers_deferred(store: LocalStore) -> None:
    sent: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    with store.writing() as session:
        cases.list(session)
    with store.reading() as session:
        cases.list(session)
    begins = [s for s in sent if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN"]


def test_a_second_writer_waits_for_the_first(path: Path, store: LocalStore) -> None:
    """BEGIN IMMEDIATE takes the write lock at once: another writer cannot start meanwhile."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with store.writing() as session:
            cases.save_draft(session, DRAFT, T0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_the_mappings_match_the_migrated_schema(store: LocalStore) -> None:
    inspector = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name


def test_migrations_are_versioned_and_run_once(path: Path, store: LocalStore) -> None:
    engine = create_store_engine(path)
    try:
        assert store_migrations.migrate(engine) == store_migrations.LATEST
        later = (*store_migrations.MIGRATIONS, ("CREATE TABLE later (id INTEGER PRIMARY KEY)",))
        assert store_migrations.migrate(engine, later) == store_migrations.LATEST + 1
        assert "later" in inspect(engine).get_table_names()
        with pytest.raises(RuntimeError, match="newer"):
            store_migrations.migrate(engine)  # this Balcão is older than the file
    finally:
        engine.dispose()


def test_a_failed_migration_step_leaves_the_old_version(path: Path, store: LocalStore) -> None:
    engine = create_store_engine(path)
    broken = (*store_migrations.MIGRATIONS, ("CREATE TABLE half (id INTEGER)", "NOT SQL"))
    try:
        with pytest.raises(Exception, match="syntax"):
            store_migrations.migrate(engine, broken)
        with engine.connect() as connection:
            assert store_migrations.schema_version(connection) == store_migrations.LATEST
        assert "half" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_drafts_autosave_and_bump_their_version(store: LocalStore) -> None:
    with store.writing() as session:
        first = cases.save_draft(session, DRAFT, T0)
    assert (first.state, first.version, first.provisional_reference) == (CaseState.DRAFT, 1, None)
    typed = CaseDraft(
        DRAFT.type_code, CaseFields("Horário da biblioteca?"), CITIZEN, local_id=first.local_id
    )
    with store.writing() as session:
        second = cases.save_draft(session, typed, T0 + timedelta(seconds=5))
    with store.reading() as session:
        again = cases.require(session, first.local_id)
        assert cases.list(session) == (again,)
    assert again == second
    assert (again.version, again.created_at, again.updated_at) == (2, T0, T0 + timedelta(seconds=5))
    assert again.fields == CaseFields("Horário da biblioteca?")
    assert again.citizen == CITIZEN
    assert isinstance(again, LocalCase)  # a domain value, not an ORM object


def test_a_case_waiting_to_sync_is_not_a_draft_any_more(store: LocalStore) -> None:
    pending = submit(store, DRAFT, 1)
    with store.writing() as session, pytest.raises(BalcaoError) as caught:
        cases.save_draft(session, pending.draft(), T0)
    assert caught.value.code == "client.case_not_editable"


def test_a_case_and_its_outbox_row_commit_together_or_not_at_all(store: LocalStore) -> None:
    with store.writing() as session:
        draft = cases.save_draft(session, DRAFT, T0)

    class PowerCut(Exception):
        pass

    def cut_between() -> None:
        with store.writing() as session:
            number = cases.next_number(session, "provisional:1")
            reference = f"P-1-{number}"
            cases.mark_pending(
                session, draft.local_id, centre_id=1, provisional_reference=reference, now=T0
            )
            raise PowerCut  # between the case and its outbox row

    with pytest.raises(PowerCut):
        cut_between()
    with store.reading() as session:
        assert cases.require(session, draft.local_id) == draft  # still the draft
        assert outbox.count(session) == 0
    with store.writing() as session:
        assert cases.next_number(session, "provisional:1") == 1  # the number was given back
    submit(store, CaseDraft(DRAFT.type_code, DRAFT.fields, local_id=draft.local_id), 1)
    with store.reading() as session:
        assert cases.require(session, draft.local_id).state is CaseState.PENDING
        assert [e.case_local_id for e in outbox.all(session)] == [draft.local_id]


def test_a_restarted_store_finds_the_pending_outbox(path: Path, store: LocalStore) -> None:
    first = submit(store, DRAFT, 1, T0)
    second = submit(store, DRAFT, 2, T0 + timedelta(minutes=1))
    store.close()

    reopened = LocalStore.open(path)
    try:
        with reopened.reading() as session:
            due = outbox.due(session, T0 + timedelta(minutes=5))
            assert [e.case_local_id for e in due] == [first.local_id, second.local_id]
            assert [e.payload for e in due] == [{"n": 1}, {"n": 2}]
            assert outbox.due(session, T0 - timedelta(seconds=1)) == ()
            pending = cases.list(session, [CaseState.PENDING])
            assert {c.provisional_reference for c in pending} == {"P-1-1", "P-1-2"}
    finally:
        reopened.close()


def test_retries_are_scheduled_and_survive(path: Path, store: LocalStore) -> None:
    submit(store, DRAFT, 1)
    with store.writing() as session:
        (entry,) = outbox.all(session)
        outbox.reschedule(
            session, entry.id, next_attempt_at=T0 + timedelta(seconds=30), error="client.offline"
        )
    with store.reading() as session:
        assert outbox.due(session, T0 + timedelta(seconds=29)) == ()
        (again,) = outbox.due(session, T0 + timedelta(seconds=30))
        assert outbox.next_due(session) == T0 + timedelta(seconds=30)
    assert (again.id, again.attempts, again.last_error) == (entry.id, 1, "client.offline")


def test_synced_keeps_the_reference_and_deletes_personal_data(store: LocalStore) -> None:
    pending = submit(store, DRAFT, 1)
    with store.writing() as session:
        outbox.remove_for_case(session, pending.local_id)
        synced = cases.mark_synced(session, pending.local_id, "LX-2026-000001", T0)
    assert synced.state is CaseState.SYNCED
    assert (synced.fields, synced.citizen) == (None, None)
    assert (synced.reference, synced.provisional_reference) == ("LX-2026-000001", "P-1-1")
    assert synced.visit == DRAFT.visit
    with store.engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT fields_json, citizen_json FROM cases").one()
    assert tuple(row) == (None, None)


def test_needs_attention_keeps_the_case_with_the_reason(store: LocalStore) -> None:
    pending = submit(store, DRAFT, 1)
    rejection = Rejection(
        "validation.failed", "invalid", (FieldError(("citizen", "nif"), "nif.invalid_prefix"),)
    )
    with store.writing() as session:
        refused = cases.mark_needs_attention(session, pending.local_id, rejection, T0)
    assert refused.rejection == rejection
    assert refused.fields == DRAFT.fields
    assert refused.citizen == CITIZEN
    with store.writing() as session:  # editable again, for the correction
        corrected = cases.save_draft(session, refused.draft(), T0)
    assert corrected.state is CaseState.NEEDS_ATTENTION


def test_deleting_a_case_deletes_its_outbox_rows(store: LocalStore) -> None:
    pending = submit(store, DRAFT, 1)
    with store.writing() as session:
        cases.delete(session, pending.local_id)
    with store.reading() as session:
        assert outbox.count(session) == 0
        assert cases.get(session, pending.local_id) is None


def test_reference_data_is_cached(store: LocalStore) -> None:
    repo = ReferenceCacheRepo()
    with store.reading() as session:
        assert repo.load(session) == CaseReferenceData()
    data = CaseReferenceData.from_json(REFERENCE_JSON)
    with store.writing() as session:
        repo.save(session, data, T0)
    with store.reading() as session:
        cached = repo.load(session)
    assert cached == CaseReferenceData.from_json(REFERENCE_JSON, fetched_at=T0)
    lixo = cached.category("lixo")
    assert lixo is not None
    assert lixo.attributes[0].values[0].key == "monos"
