"""The words of case entry: local states, the kinds' field labels and the validation codes of
`desktop.domain.cases` (central's own) as sentences for the attendant, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.domain.cases import CaseState
from desktop.views.messages import Messages


class CaseMessages(QObject):
    def state_name(self, state: CaseState | str) -> str:
        names = {
            CaseState.DRAFT: self.tr("draft"),
            CaseState.PENDING: self.tr("waiting to sync"),
            CaseState.SYNCED: self.tr("synced"),
            CaseState.NEEDS_ATTENTION: self.tr("needs attention"),
        }
        return names.get(CaseState(state), str(state))

    def case_status(self, status: str) -> str:
        """A case's status on central."""
        names = {
            "received": self.tr("received"),
            "in_progress": self.tr("in progress"),
            "answered": self.tr("answered"),
            "closed": self.tr("closed"),
        }
        return names.get(status, status)

    def field_label(self, name: str) -> str:
        labels = {
            "type_code": self.tr("Type"),
            "subject": self.tr("Subject"),
            "description": self.tr("Description"),
            "concerned_service": self.tr("Service concerned"),
            "suggestion_scope": self.tr("Suggestion about"),
            "category_code": self.tr("Category"),
            "address": self.tr("Address"),
            "latitude": self.tr("Latitude"),
            "longitude": self.tr("Longitude"),
            "attributes": self.tr("Category questions"),
            "addressee_code": self.tr("Addressee"),
            "answer_may_be_public": self.tr("Answer may be public"),
            "citizen": self.tr("Citizen"),
            "name": self.tr("Name"),
            "nif": self.tr("NIF"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
            "postal_code": self.tr("Postal code"),
            "postal_address": self.tr("Postal address"),
            "language": self.tr("Language"),
            "contact_by": self.tr("Contact by"),
        }
        return labels.get(name, name)

    def field_error(self, code: str) -> str:
        texts = {
            "case.field_required": self.tr("Required."),
            "missing": self.tr("Required."),
            "case.field_too_long": self.tr("Too long."),
            "string_too_long": self.tr("Too long."),
            "case.field_not_allowed": self.tr("Not used for this type of case."),
            "extra_forbidden": self.tr("Not used for this type of case."),
            "case.unknown_type": self.tr("Choose a type of case."),
            "case.unknown_category": self.tr("Choose a category from the list."),
            "case.unknown_addressee": self.tr("Choose an addressee from the list."),
            "case.unknown_attribute": self.tr("This question is not asked for the category."),
            "case.attribute_required": self.tr("Answer this question of the category."),
            "case.attribute_invalid": self.tr("Choose one of the answers offered."),
            "case.coordinates_incomplete": self.tr("Give both latitude and longitude, or none."),
            "case.coordinates_invalid": self.tr("Out of range (latitude ±90, longitude ±180)."),
            "case.citizen_required": self.tr(
                "This type of case needs the citizen's name and a way to send the answer."
            ),
            "case.contact_required": self.tr(
                "Choose how the answer is sent: email, phone or post."
            ),
            "case.personal_data_not_allowed": self.tr("No personal data in an anonymous report."),
            "case.language_invalid": self.tr("Unknown language."),
            "case.follow_up_code_invalid": self.tr("The follow-up code is not valid."),
            "nif.not_digits": self.tr("The NIF has digits only."),
            "nif.wrong_length": self.tr("The NIF has 9 digits."),
            "nif.invalid_prefix": self.tr("No NIF starts like this."),
            "nif.invalid_check_digit": self.tr("Wrong check digit: check the NIF."),
            "email.invalid": self.tr("Not an email address (name@domain.pt)."),
            "phone.invalid_characters": self.tr("Digits only (a + in front for abroad)."),
            "phone.wrong_length": self.tr("A phone number has 9 digits (8 to 15 abroad)."),
            "phone.invalid_prefix": self.tr("No Portuguese phone number starts like this."),
            "postal_code.invalid_format": self.tr("Write the postal code as NNNN-NNN."),
        }
        text = texts.get(code)
        if text is not None:
            return text
        return self.tr("Not accepted (code {code}).").format(code=code)

    def sync_hint(self, count: int) -> str:
        if count <= 0:
            return ""
        return self.tr("Cases waiting to sync: {count}").format(count=count)

    # --- case lookup (issue 4) --------------------------------------------------------------

    def purpose_name(self, purpose: str) -> str:
        """Why a case with personal data is read (recorded by central with the read)."""
        names = {
            "citizen_request": self.tr("The citizen is here and asks"),
            "follow_up": self.tr("Working on the case"),
            "answer_preparation": self.tr("Preparing the answer"),
            "supervision": self.tr("Supervision"),
            "data_subject_request": self.tr("Data protection request (GDPR)"),
            "ethics_investigation": self.tr("Ethics investigation"),
        }
        return names.get(purpose, purpose)

    def lookup_error(self, error: BaseException) -> str:
        """An error of the lookup screen as a sentence; the general ones as `Messages` says."""
        code = getattr(error, "code", "")
        texts = {
            "client.lookup_empty": self.tr("Type a reference, a NIF or a name to search."),
            "client.lookup_name_too_short": self.tr("Type at least two letters of the name."),
            "case.not_found": self.tr("No such case, or your profile cannot see it."),
            "case.search_needs_one_criterion": self.tr(
                "Search by one thing: a reference, a NIF or a name."
            ),
            "case.version_mismatch": self.tr(
                "Someone changed the case in the meantime. It was read again."
            ),
            "case.if_match_required": self.tr(
                "The change was sent without the case's version. Open the case again."
            ),
            "case.closed": self.tr("The case is closed: it must be reopened to change it."),
            "client.case_unchanged": self.tr("Nothing was changed."),
            "client.receipt_not_reprintable": self.tr(
                "The receipt of an ethics report cannot be printed again: its follow-up code "
                "is not kept."
            ),
            "case.invalid": self.tr("Some values are not valid: see the marked fields."),
        }
        text = texts.get(code)
        if text is not None:
            return text
        return Messages(self).error_text(error)
