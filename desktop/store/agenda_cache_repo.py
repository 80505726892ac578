"""`AgendaCacheRepo`: the day's agenda of appointments as central last gave it, for reading
offline. One row per centre and day; days before today are deleted when a new one is saved."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from desktop.store.store_tables import AgendaCacheRow


class AgendaCacheRepo:
    def save(
        self,
        session: Session,
        centre_id: int,
        day: date,
        rows: list[dict[str, Any]],
        fetched_at: datetime,
    ) -> None:
        """Keep `rows` for (centre, day) and drop the days before `day`."""
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        row = session.get(AgendaCacheRow, (centre_id, day.isoformat()))
        if row is None:
            session.add(
                AgendaCacheRow(
                    centre_id=centre_id, day=day.isoformat(), data_json=text, fetched_at=fetched_at
                )
            )
        else:
            row.data_json, row.fetched_at = text, fetched_at
        self.drop_before(session, day)
        session.flush()

    def drop_before(self, session: Session, day: date) -> int:
        result = session.execute(delete(AgendaCacheRow).where(AgendaCacheRow.day < day.isoformat()))
        return int(getattr(result, "rowcount", 0) or 0)

    def load(
        self, session: Session, centre_id: int, day: date
    ) -> tuple[list[dict[str, Any]], datetime] | None:
        row = session.get(AgendaCacheRow, (centre_id, day.isoformat()))
        if row is None:
            return None
        rows = json.loads(row.data_json)
        if not isinstance(rows, list):
            return None
        return rows, row.fetched_at
