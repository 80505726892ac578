"""`IncidentDuplicates`: while an incident is typed, the open incidents of the same category
nearby or with similar words (`CasesApi.similar_incidents`, asked in the background a moment
after typing stops), so the attendant can tell the citizen it is already reported. Offline it
says the hint is unavailable; it never blocks filing."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.domain.errors import OfflineError
from desktop.views.case_desk import CaseDesk
from desktop.views.case_messages import CaseMessages

LOOKUP_MS = 600
MIN_WORDS = 3


class IncidentDuplicates(QWidget):
    def __init__(self, desk: CaseDesk, parent: QWidget | None = None, *, delay_ms: int = LOOKUP_MS):
        super().__init__(parent)
        self.setObjectName("incidentDuplicates")
        self.desk = desk
        self.title = QLabel(self)
        self.title.setObjectName("hint")
        self.title.setWordWrap(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("duplicateList")
        self.matches.setMaximumHeight(110)
        self.matches.setWordWrap(True)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.matches)
        self._query: dict[str, Any] | None = None
        self._asked: dict[str, Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.ask_now)
        self.answers = 0  # answers received (tests wait on it)
        self.clear()

    def clear(self) -> None:
        self._timer.stop()
        self._query = None
        self.matches.clear()
        self.matches.hide()
        self.title.setText(
            self.tr(
                "Similar open incidents are looked for once the category and the place "
                "(coordinates) or a few words of the description are given."
            )
        )

    def look_for(
        self,
        category: str | None,
        latitude: float | None,
        longitude: float | None,
        text: str,
    ) -> None:
        place = (
            latitude is not None
            and longitude is not None
            and not math.isnan(latitude)
            and not math.isnan(longitude)
        )
        words = len(text.split()) >= MIN_WORDS
        if not category or not (place or words):
            self.clear()
            return
        self._query = {
            "category_code": category,
            "latitude": latitude if place else None,
            "longitude": longitude if place else None,
            "text": text.strip() if words else None,
        }
        self._timer.start()

    def ask_now(self) -> None:
        self._timer.stop()
        query = self._query
        if query is None or query == self._asked:
            return
        self._asked = query
        self.title.setText(self.tr("Looking for similar open incidents…"))
        self.desk.runner.submit(
            lambda: self.desk.service.similar_incidents(
                query["category_code"],
                latitude=query["latitude"],
                longitude=query["longitude"],
                text=query["text"],
            ),
            owner=self,
            on_done=self._on_answer,
            on_error=self._on_failed,
        )

    def _on_answer(self, rows: list[dict[str, Any]]) -> None:
        self.answers += 1
        self.matches.clear()
        if not rows:
            self.title.setText(self.tr("No similar open incident found."))
            self.matches.hide()
            return
        self.title.setText(
            self.tr("Possibly already reported ({count}): tell the citizen the reference.").format(
                count=len(rows)
            )
        )
        for row in rows:
            self.matches.addItem(self._describe(row))
        self.matches.show()

    def _describe(self, row: dict[str, Any]) -> str:
        why: list[str] = []
        distance = row.get("distance_m")
        if isinstance(distance, int | float):
            why.append(self.tr("{metres} m away").format(metres=round(distance)))
        if "text" in (row.get("match") or ()):
            why.append(self.tr("similar words"))
        return self.tr("{reference}: {address} ({why}; status: {status})").format(
            reference=row.get("reference", ""),
            address=row.get("address") or "",
            why=", ".join(why),
            status=CaseMessages(self).case_status(str(row.get("status", ""))),
        )

    def _on_failed(self, error: BaseException) -> None:
        self.answers += 1
        self._asked = None
        self.matches.clear()
        self.matches.hide()
        if isinstance(error, OfflineError):
            self.title.setText(
                self.tr("Similar incidents cannot be looked up offline; the case can be filed.")
            )
        else:
            self.title.setText(self.tr("Similar incidents could not be looked up."))
