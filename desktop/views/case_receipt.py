"""The citizen's receipt of a case: a one-page PDF (QPdfWriter, A5) in the citizen's language,
with the centre, the reference (provisional until central gives the final one), the type, a
short summary, the date and how to follow the case. For an ethics report: the reference, the
follow-up code and where to use it, never anything about the reporter.

The receipt's text is in the citizen's language, not the attendant's, so it does not go
through the UI translator: the sentences for each language are here (`RECEIPT_TEXT`).
Saving asks for a file through the prompter (tests answer it); printing uses QtPrintSupport.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMarginsF, QTimeZone
from PySide6.QtGui import QPageLayout, QPageSize, QPaintDevice, QPdfWriter
from PySide6.QtWidgets import QWidget

from desktop.views.paper_column import paper_column
from desktop.views.prompter import Prompter

SUMMARY_MAX = 280

RECEIPT_TEXT: dict[str, dict[str, str]] = {
    "pt": {
        "title": "Comprovativo de registo",
        "reference": "Referência",
        "provisional": "(provisória: a definitiva será enviada quando o registo chegar aos "
        "serviços centrais)",
        "type": "Tipo",
        "summary": "Resumo",
        "date": "Data",
        "follow": "Para acompanhar o seu pedido, indique a referência em qualquer balcão de "
        "atendimento ou no portal do município.",
        "code": "Código de acompanhamento",
        "ethics": "Guarde este código: com a referência, é a única forma de acompanhar a "
        "denúncia, em qualquer balcão ou no portal do município (Canal de denúncias). "
        "Ninguém mais o conhece e não pode ser recuperado.",
        "anonymous": "Denúncia anónima: não foram recolhidos dados pessoais.",
    },
    "en": {
        "title": "Filing receipt",
        "reference": "Reference",
        "provisional": "(provisional: the final one is sent once the case reaches the central "
        "services)",
        "type": "Type",
        "summary": "Summary",
        "date": "Date",
        "follow": "To follow your request, give the reference at any service counter or on the "
        "municipality's website.",
        "code": "Follow-up code",
        "ethics": "Keep this code: with the reference it is the only way to follow the report, "
        "at any counter or on the municipality's website (Whistleblowing channel). Nobody "
        "else knows it and it cannot be recovered.",
        "anonymous": "Anonymous report: no personal data was collected.",
    },
}
LOCALES = {"pt": "pt_PT", "en": "en_GB"}


def receipt_language(language: str | None) -> str:
    """The receipt's language for a citizen's preference (`pt`, `en`, `pt-BR` …)."""
    base = (language or "pt").split("-")[0].lower()
    return base if base in RECEIPT_TEXT else "pt"


@dataclass(frozen=True)
class ReceiptContent:
    centre_name: str
    reference: str
    provisional: bool
    type_name: str
    summary: str
    filed_at: datetime
    language: str = "pt"
    follow_up_code: str | None = None  # ethics reports only


def summary_of(subject: str | None, description: str) -> str:
    text = (subject or "").strip() or " ".join(description.split())
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1].rstrip() + "…"


def paint_receipt(device: QPaintDevice, content: ReceiptContent) -> None:
    """Lay the receipt out on `device` (a QPdfWriter, a QPrinter; an image for a preview)."""
    words = RECEIPT_TEXT[receipt_language(content.language)]
    locale = QLocale(LOCALES[receipt_language(content.language)])
    with paper_column(device) as page:
        block = page.block
        block(content.centre_name, 11, bold=True)
        block(words["title"], 16, bold=True, gap=0.6)
        block(f"{words['reference']}: {content.reference}", 14, bold=True, gap=0.1)
        if content.provisional:
            block(words["provisional"], 8)
        if content.follow_up_code:
            block(f"{words['code']}: {content.follow_up_code}", 14, bold=True, gap=0.1)
        block(f"{words['type']}: {content.type_name}", 10)
        when = content.filed_at.astimezone()
        # Day, month in words and time in the citizen's language, without a time-zone name.
        moment = locale.toString(_qdatetime(when), "d MMMM yyyy, HH:mm")
        block(f"{words['date']}: {moment}", 10)
        if content.follow_up_code:
            block(words["anonymous"], 10)
            block(words["ethics"], 10)
        else:
            block(f"{words['summary']}: {content.summary}", 10)
            block(words["follow"], 10)


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())


def pdf_writer(
    path: Path | str, title: str, page: QPageSize.PageSizeId = QPageSize.PageSizeId.A5
) -> QPdfWriter:
    """A PDF writer for a document given to the citizen: portrait, 15 mm margins, 150 dpi."""
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setTitle(title)
    writer.setCreator("Balcão")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def write_receipt(path: Path | str, content: ReceiptContent) -> Path:
    """The receipt as a PDF at `path` (A5, portrait)."""
    writer = pdf_writer(path, RECEIPT_TEXT[receipt_language(content.language)]["title"])
    paint_receipt(writer, content)
    return Path(path)


def print_support() -> bool:
    """QtPrintSupport is part of PySide6-Essentials, but a trimmed build may lack it."""
    try:
        import PySide6.QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


def print_receipt(parent: QWidget, prompter: Prompter, content: ReceiptContent) -> bool:
    """The print dialog, then the receipt on the printer chosen; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    dialog = QPrintDialog(printer, parent)
    if not prompter.run(dialog):
        return False
    paint_receipt(printer, content)
    return True


def offer_receipt(parent: QWidget, prompter: Prompter, content: ReceiptContent) -> Path | None:
    """Save the receipt as a PDF where the attendant says (or print it, when printing is
    available); the path saved to, None if printed or cancelled."""
    title = QCoreApplication.translate("CaseReceipt", "Receipt")
    choices = [QCoreApplication.translate("CaseReceipt", "Save as PDF…")]
    if print_support():
        choices.append(QCoreApplication.translate("CaseReceipt", "Print…"))
    else:
        choices.append(
            QCoreApplication.translate(
                "CaseReceipt", "Printing is not available here: save instead"
            )
        )
    choice = prompter.choose(
        parent, title, QCoreApplication.translate("CaseReceipt", "The receipt:"), choices
    )
    if choice is None:
        return None
    if choice == 1 and print_support():
        print_receipt(parent, prompter, content)
        return None
    suggested = f"{content.reference}.pdf"
    path = prompter.save_file_name(
        parent, title, suggested, QCoreApplication.translate("CaseReceipt", "PDF documents (*.pdf)")
    )
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    return write_receipt(path, content)
