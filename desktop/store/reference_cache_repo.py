"""`ReferenceCacheRepo`: central's case reference data (types, incident categories,
addressees), kept for offline use with the time it was fetched."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.cases import CaseReferenceData
from desktop.store.store_tables import ReferenceCacheRow

COLLECTIONS = ("case_types", "incident_categories", "addressees")


class ReferenceCacheRepo:
    def save(self, session: Session, data: CaseReferenceData, fetched_at: datetime) -> None:
        """Replace every collection with `data` (one transaction: never half old, half new)."""
        lists = {
            "case_types": [asdict(t) for t in data.case_types],
            "incident_categories": [asdict(c) for c in data.incident_categories],
            "addressees": [asdict(a) for a in data.addressees],
        }
        for collection, items in lists.items():
            row = session.get(ReferenceCacheRow, collection)
            text = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
            if row is None:
                session.add(
                    ReferenceCacheRow(collection=collection, data_json=text, fetched_at=fetched_at)
                )
            else:
                row.data_json, row.fetched_at = text, fetched_at
        session.flush()

    def load(self, session: Session) -> CaseReferenceData:
        """What was cached; empty (`fetched_at` None) if never fetched."""
        rows = {
            row.collection: row
            for row in session.execute(select(ReferenceCacheRow)).scalars()
            if row.collection in COLLECTIONS
        }
        if not rows:
            return CaseReferenceData()
        fetched = min(row.fetched_at for row in rows.values())
        return CaseReferenceData.from_json(
            {name: json.loads(row.data_json) for name, row in rows.items()}, fetched_at=fetched
        )
