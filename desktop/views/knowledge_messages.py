"""The knowledge base's codes in words: its error codes (the rest goes to `Messages`), the
status of an article and the kind and status of a suggestion."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.domain.errors import BalcaoError
from desktop.views.messages import Messages


class KnowledgeMessages(QObject):
    def error_text(self, error: BaseException) -> str:
        code = error.code if isinstance(error, BalcaoError) else ""
        known = {
            "knowledge.article_not_found": self.tr("This article no longer exists on central."),
            "knowledge.article_not_published": self.tr(
                "This article is no longer published: the suggestion was not sent."
            ),
            "knowledge.already_published": self.tr("This version is already published."),
            "knowledge.already_retired": self.tr("This article is already retired."),
            "knowledge.code_taken": self.tr("Another article already has this code."),
            "knowledge.suggestion_decided": self.tr(
                "Another editor has already decided on this suggestion."
            ),
            "knowledge.suggestion_not_found": self.tr("This suggestion no longer exists."),
            "knowledge.pt_pt_required": self.tr("Every article needs its pt-PT text."),
            "knowledge.version_mismatch": self.tr(
                "Someone else changed this article since you opened it."
            ),
        }
        if code in known:
            return known[code]
        return Messages(self).error_text(error)

    def status_name(self, status: str) -> str:
        names = {
            "draft": self.tr("draft"),
            "published": self.tr("published"),
            "retired": self.tr("retired"),
        }
        return names.get(status, status)

    def kind_name(self, kind: str) -> str:
        return {"correction": self.tr("correction"), "note": self.tr("note")}.get(kind, kind)

    def suggestion_status_name(self, status: str) -> str:
        names = {
            "pending": self.tr("pending"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
        }
        return names.get(status, status)
