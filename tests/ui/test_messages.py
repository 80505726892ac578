"""Error codes become pt-PT sentences (the translator of the UI tests is installed)."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ApiError, BalcaoError, OfflineError, SessionExpired
from desktop.domain.tickets import CallReason
from desktop.views.messages import Messages, error_text


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ApiError(401, "auth.invalid_credentials"), "Utilizador ou palavra-passe incorretos."),
        (OfflineError(), "Não é possível contactar o serviço central."),
        (SessionExpired(), "A sua sessão terminou."),
        (ApiError(409, "queue.empty"), "Não há ninguém à espera"),
        (ApiError(409, "counter.busy"), "Termine, transfira ou suspenda"),
        (ApiError(409, "counter.paused"), "O balcão está em pausa."),
        (ApiError(409, "counter.closed"), "O balcão está fechado."),
        (ApiError(409, "counter.taken"), "Está outra pessoa a trabalhar neste balcão."),
        (ApiError(404, "ticket.not_found"), "Não existe essa senha hoje."),
        (ApiError(422, "validation.failed"), "Alguns dados não são válidos."),
    ],
)
def test_known_codes(error, expected):
    assert expected in error_text(error)


def test_rate_limited_says_how_long():
    error = ApiError(429, "auth.rate_limited", retry_after=900)
    assert "15 min" in error_text(error)
    from_details = ApiError(429, "auth.rate_limited", details={"retry_after_seconds": 61})
    assert "2 min" in error_text(from_details)


def test_illegal_transition_names_ticket_status_and_action():
    error = ApiError(
        409,
        "ticket.illegal_transition",
        details={"action": "start", "status": "done", "number": "A001"},
    )
    assert error_text(error) == ("A senha A001 está concluída; por isso, não pode ser iniciada.")


def test_unknown_code_gives_a_sentence_with_the_code():
    text = error_text(BalcaoError("something.new"))
    assert "something.new" in text
    assert text.startswith("Não foi possível concluir a ação")


def test_a_bug_is_not_shown_raw():
    text = error_text(KeyError("secret"))
    assert "KeyError" in text
    assert "secret" not in text


def test_call_reasons_and_durations(qapp):
    messages = Messages()
    reason = CallReason(
        "longest_wait", "longest wait in A, 12 min", {"service": "A", "waited_minutes": 12}
    )
    assert messages.reason_text(reason) == "Maior espera para este balcão: 12 min na fila A."
    assert messages.reason_text(CallReason("priority", "", {"priority": "infant"})) == (
        "Atendimento prioritário: Criança de colo."
    )
    assert messages.duration_text(42) == "42 s"
    assert messages.duration_text(60 * 75) == "1 h 15 min"
    assert messages.clock_text(3 * 60 + 7) == "03:07"


@pytest.mark.parametrize(
    ("code", "details", "expected"),
    [
        (
            "attachment.too_large",
            {"max_bytes": 10_485_760},
            "O ficheiro tem mais do que os 10,5 MB que o serviço central aceita.",
        ),
        ("attachment.empty", {}, "O ficheiro está vazio."),
        (
            "case.erased",
            {},
            "Os dados pessoais deste registo foram apagados no fim do prazo de conservação: "
            "já não pode ser alterado.",
        ),
    ],
)
def test_case_refusals_are_explained(code: str, details: dict, expected: str) -> None:
    assert error_text(BalcaoError(code, "central's English", details=details)) == expected
