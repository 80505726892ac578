"""Reprinting a case's receipt from central's copy of the case (found by lookup, or a case this
counter synced and whose text was deleted locally). The receipt itself is `case_receipt`'s:
same layout, in the citizen's language where central knows it.

An ethics report's receipt is not reprinted: its follow-up code is shown once and never kept,
and a receipt without it would be useless to the reporter (and name the report's subject)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.domain.case_lookup import ETHICS_KIND, RECEIPT_NOT_KEPT, CaseRecord
from desktop.domain.errors import BalcaoError
from desktop.views.case_receipt import ReceiptContent, offer_receipt, summary_of
from desktop.views.prompter import Prompter


def reprint_content(record: CaseRecord, centre_name: str) -> ReceiptContent:
    if record.kind == ETHICS_KIND:
        raise BalcaoError(RECEIPT_NOT_KEPT, "An ethics report's receipt is not reprinted.")
    return ReceiptContent(
        centre_name=centre_name,
        reference=record.reference,
        provisional=False,
        type_name=record.type_name,
        summary=summary_of(record.subject, record.description),
        filed_at=record.entered_at or record.received_at,
        language=record.language,
    )


def reprint_receipt(
    parent: QWidget, prompter: Prompter, record: CaseRecord, centre_name: str
) -> Path | None:
    """Offer the receipt again (save as PDF or print): the path saved to, None if printed or
    cancelled. `BalcaoError` for an ethics report."""
    return offer_receipt(parent, prompter, reprint_content(record, centre_name))
