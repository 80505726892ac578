"""Every code the lower layers speak in (error codes, statuses, priorities, outcomes, pause
reasons, call rules) turned into a translated sentence for the person at the counter.

Services raise errors with stable codes; this is the only place that knows how to say them.
An unknown code still gets a sentence, with the code in it so IT can look it up.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QObject

from desktop.domain.errors import ApiError, BalcaoError
from desktop.domain.tickets import CallReason


class Messages(QObject):
    """Translated words and sentences; create one per window (cheap) or call `error_text`."""

    # --- errors -----------------------------------------------------------------------------

    def error_text(self, error: BaseException) -> str:
        if not isinstance(error, BalcaoError):
            return self.tr(
                "Unexpected error ({kind}). Try again; if it keeps happening, tell IT."
            ).format(kind=type(error).__name__)
        details: dict[str, Any] = error.details or {}
        text = self._known_error(error, details)
        if text is not None:
            return text
        return self.tr(
            "The action could not be completed (code {code}). Try again; if it keeps "
            "happening, tell IT."
        ).format(code=error.code)

    def _known_error(self, error: BalcaoError, details: dict[str, Any]) -> str | None:
        code = error.code
        if code == "auth.invalid_credentials":
            return self.tr("Wrong user name or password.")
        if code == "auth.rate_limited":
            return self.tr(
                "Too many failed attempts for this user. Try again in {minutes} min."
            ).format(minutes=_minutes_to_wait(error, details))
        if code in ("auth.session_expired", "auth.invalid_token", "auth.required"):
            return self.tr("Your session has ended. Enter your password to continue.")
        if code == "auth.token_expired":
            return self.tr("Your session has expired. Enter your password to continue.")
        if code == "auth.forbidden":
            return self.tr("Your profile is not allowed to do this.")
        if code == "auth.wrong_centre":
            return self.tr("This belongs to another citizen-service centre.")
        if code == "client.offline":
            return self.tr(
                "The central service cannot be reached. Check the network; the action can be "
                "repeated safely."
            )
        if code == "client.timeout":
            return self.tr(
                "The central service did not answer in time. The action can be repeated safely."
            )
        if code == "client.bad_answer":
            return self.tr("The central service gave an answer this version cannot read.")
        if code == "client.no_keyring":
            return self.tr(
                "This computer has no secure password store, so the session cannot be remembered."
            )
        if code == "client.bad_server_url":
            return self.tr(
                "The server address is not valid. It looks like https://balcao.example.pt"
            )
        if code == "client.setting_locked":
            return self.tr("This setting is fixed by your organisation and cannot be changed here.")
        if code == "client.setting_invalid":
            return self.tr("This value cannot be used for the setting.")
        if code == "client.no_embedded_central":
            return self.tr("The demo needs the central service installed on this computer.")
        if code == "client.embedded_central_failed":
            return self.tr("The demo central service did not start. See the log for details.")
        if code == "queue.empty":
            return self.tr("Nobody is waiting for the services of this counter.")
        if code == "counter.busy":
            return self.tr("Finish, transfer or suspend the current ticket first.")
        if code == "counter.paused":
            return self.tr("The counter is paused. Resume it to call citizens.")
        if code == "counter.closed":
            return self.tr("The counter is closed.")
        if code == "counter.not_open":
            return self.tr("Only an open counter can be paused.")
        if code == "counter.not_paused":
            return self.tr("The counter is not paused.")
        if code == "counter.taken":
            return self.tr("Someone else is working at this counter. Choose another one.")
        if code == "counter.user_elsewhere":
            number = details.get("counter_number")
            if number is not None:
                return self.tr(
                    "You are already working at counter {number}. Close it there first."
                ).format(number=number)
            return self.tr("You are already working at another counter. Close it there first.")
        if code == "counter.not_yours":
            return self.tr("This counter is operated by someone else.")
        if code == "counter.not_found":
            return self.tr("This counter no longer exists.")
        if code == "ticket.not_found":
            return self.tr("There is no such ticket today.")
        if code.startswith("attachment.") or code == "case.erased":
            return self._case_refusal(code, details)
        if code == "ticket.illegal_transition":
            return self._illegal_transition(details)
        if code == "ticket.not_at_counter":
            return self.tr("This ticket is no longer at your counter.")
        if code == "ticket.reserved":
            return self.tr("This ticket was transferred to another counter.")
        if code == "ticket.expired":
            return self.tr("This ticket was issued on another day and cannot be reactivated.")
        if code == "ticket.priority_not_allowed":
            return self.tr("This service does not take priority tickets.")
        if code == "ticket.number_required":
            return self.tr("Type a ticket number, for example A012.")
        if code == "ticket.outcome_invalid":
            return self.tr("Choose how the visit ended.")
        if code == "transfer.target_required":
            return self.tr("Choose a service or a counter to transfer to.")
        if code == "transfer.same_counter":
            return self.tr("The ticket is already at this counter.")
        if code == "service.not_found":
            return self.tr("This service no longer exists.")
        if code == "centre.not_found":
            return self.tr("This citizen-service centre no longer exists.")
        if code == "user.not_found":
            return self.tr("This user no longer exists.")
        if code == "validation.failed":
            return self.tr("Some of the data is not valid. Check the fields and try again.")
        if code.startswith("idempotency."):
            return self.tr("The action was sent twice in a conflicting way. Try again.")
        if code == "internal":
            return self.tr(
                "The central service had an internal error. Try again; if it keeps "
                "happening, tell IT."
            )
        return None

    def _case_refusal(self, code: str, details: dict[str, Any]) -> str | None:
        """Central's refusals of a case's attachments, or of a change to an erased case."""
        if code == "attachment.too_large":
            return self.tr(
                "The file is larger than the {size} MB the central service accepts."
            ).format(size=_megabytes(details.get("max_bytes")))
        texts = {
            "attachment.unsupported_type": self.tr(
                "Only PDF, JPEG and PNG files are accepted (checked by their content)."
            ),
            "attachment.type_mismatch": self.tr("The file's type does not match its content."),
            "attachment.checksum_mismatch": self.tr(
                "The file arrived damaged at the central service. Attach it again."
            ),
            "attachment.empty": self.tr("The file is empty."),
            "case.erased": self.tr(
                "The personal data of this case was erased at the end of its retention period: "
                "it can no longer be changed."
            ),
        }
        return texts.get(code)

    def _illegal_transition(self, details: dict[str, Any]) -> str:
        number = str(details.get("number") or "")
        status = self.status_adjective(str(details.get("status") or ""))
        action = self.action_participle(str(details.get("action") or ""))
        if number and status and action:
            return self.tr("Ticket {number} is {status}, so it cannot be {action}.").format(
                number=number, status=status, action=action
            )
        if status:
            return self.tr("The ticket is {status}: this action is not possible now.").format(
                status=status
            )
        return self.tr("This action is not possible for the ticket now.")

    # --- words ------------------------------------------------------------------------------

    def status_name(self, status: str) -> str:
        names = {
            "waiting": self.tr("Waiting"),
            "called": self.tr("Called"),
            "serving": self.tr("Being served"),
            "done": self.tr("Done"),
            "no_show": self.tr("No-show"),
            "cancelled": self.tr("Cancelled"),
            "parked": self.tr("Suspended"),
        }
        return names.get(status, status)

    def status_adjective(self, status: str) -> str:
        """The status as it reads after "is": "Ticket A001 is <…>"."""
        words = {
            "waiting": self.tr("waiting"),
            "called": self.tr("called"),
            "serving": self.tr("being served"),
            "done": self.tr("done"),
            "no_show": self.tr("marked as a no-show"),
            "cancelled": self.tr("cancelled"),
            "parked": self.tr("suspended"),
        }
        return words.get(status, status)

    def action_participle(self, action: str) -> str:
        """The action as it reads after "cannot be": "… so it cannot be <…>"."""
        words = {
            "call": self.tr("called"),
            "call_next": self.tr("called"),
            "recall": self.tr("called again"),
            "start": self.tr("started"),
            "finish": self.tr("finished"),
            "no_show": self.tr("marked as a no-show"),
            "transfer": self.tr("transferred"),
            "park": self.tr("suspended"),
            "return": self.tr("resumed"),
            "cancel": self.tr("cancelled"),
            "reactivate": self.tr("reactivated"),
        }
        return words.get(action, action)

    def priority_name(self, priority: str) -> str:
        names = {
            "none": self.tr("No priority"),
            "disability": self.tr("Disability or incapacity"),
            "elderly": self.tr("Elderly person"),
            "pregnancy": self.tr("Pregnancy"),
            "infant": self.tr("Infant in arms"),
        }
        return names.get(priority, priority)

    def priority_short_name(self, priority: str) -> str:
        """For narrow columns."""
        names = {
            "none": "",
            "disability": self.tr("Disability"),
            "elderly": self.tr("Elderly"),
            "pregnancy": self.tr("Pregnancy"),
            "infant": self.tr("Infant"),
        }
        return names.get(priority, priority)

    def outcome_name(self, outcome: str) -> str:
        names = {
            "resolved": self.tr("Resolved"),
            "partially_resolved": self.tr("Partially resolved"),
            "referred": self.tr("Referred elsewhere"),
            "not_resolved": self.tr("Not resolved"),
            "information_only": self.tr("Information only"),
        }
        return names.get(outcome, outcome)

    def pause_reason_name(self, reason: str | None) -> str:
        names = {
            "break": self.tr("Break"),
            "back_office": self.tr("Back-office work"),
            "training": self.tr("Training"),
            "meeting": self.tr("Meeting"),
            "technical": self.tr("Technical problem"),
            "other": self.tr("Other reason"),
        }
        return names.get(reason or "", reason or "")

    def counter_state_name(self, state: str, pause_reason: str | None = None) -> str:
        if state == "open":
            return self.tr("Open")
        if state == "closed":
            return self.tr("Closed")
        if state == "paused":
            if pause_reason:
                return self.tr("Paused: {reason}").format(
                    reason=self.pause_reason_name(pause_reason)
                )
            return self.tr("Paused")
        return state

    def reason_text(self, reason: CallReason | None) -> str:
        """Why the policy chose this ticket, from the rule and its facts (never the server's
        English text, which is for logs)."""
        if reason is None:
            return ""
        d = reason.details
        service = str(d.get("service", ""))
        waited = d.get("waited_minutes")
        if reason.rule == "front":
            return self.tr("Returned to the front of queue {service}.").format(service=service)
        if reason.rule == "appointment":
            return self.tr("Appointment at {time}.").format(time=d.get("appointment_local", ""))
        if reason.rule == "early_appointment":
            return self.tr("Appointment at {time}, called early: nobody else is waiting.").format(
                time=d.get("appointment_local", "")
            )
        if reason.rule == "anti_starvation":
            return self.tr(
                "Waited {minutes} min in queue {service} while {streak} priority tickets went "
                "first."
            ).format(minutes=waited, service=service, streak=d.get("priority_streak", ""))
        if reason.rule == "priority":
            return self.tr("Legal priority: {category}.").format(
                category=self.priority_name(str(d.get("priority", "")))
            )
        if reason.rule == "longest_wait":
            return self.tr(
                "Longest wait for this counter: {minutes} min in queue {service}."
            ).format(minutes=waited, service=service)
        if reason.rule == "specific":
            return self.tr("Called by its number.")
        return reason.text

    # --- times ------------------------------------------------------------------------------

    def duration_text(self, seconds: float) -> str:
        """A wait or a service time, short: "45 s", "12 min", "1 h 05 min"."""
        seconds = max(0, int(seconds))
        if seconds < 60:
            return self.tr("{seconds} s").format(seconds=seconds)
        minutes = seconds // 60
        if minutes < 60:
            return self.tr("{minutes} min").format(minutes=minutes)
        return self.tr("{hours} h {minutes} min").format(
            hours=minutes // 60, minutes=f"{minutes % 60:02d}"
        )

    def clock_text(self, seconds: float) -> str:
        """A running timer: "04:07", "1:02:09"."""
        seconds = max(0, int(seconds))
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        if hours:
            return f"{hours}:{minutes:02d}:{secs:02d}"
        return f"{minutes:02d}:{secs:02d}"


def _megabytes(size: object) -> str:
    return QLocale().toString(int(size) / 1_000_000 if isinstance(size, int) else 0.0, "f", 1)


def error_text(error: BaseException) -> str:
    """The translated sentence for an error (shortcut for `Messages().error_text`)."""
    return Messages().error_text(error)


def time_text(moment: datetime | None) -> str:
    """A local wall-clock time in the user's locale (short format), or an empty string."""
    if moment is None:
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat)


def _minutes_to_wait(error: BalcaoError, details: dict[str, Any]) -> int:
    seconds: float | None = None
    if isinstance(error, ApiError) and error.retry_after is not None:
        seconds = float(error.retry_after)
    elif details.get("retry_after_seconds") is not None:
        seconds = float(details["retry_after_seconds"])
    if seconds is None:
        return 15
    return max(1, math.ceil(seconds / 60))
