"""The keyring wrapper: remember, find again, forget; no backend or a broken one never raises."""

from __future__ import annotations

from desktop.services.credential_store import CredentialStore
from tests.unit.memory_keyring import BrokenKeyring, MemoryKeyring, installed, no_keyring

URL = "http://127.0.0.1:8765"


def test_save_load_forget() -> None:
    with installed(MemoryKeyring()) as backend:
        store = CredentialStore()
        assert store.available
        assert store.load(URL) is None
        assert store.save(URL + "/", "ana", "token-1")
        assert store.load(URL) == ("ana", "token-1")
        assert ("balcao:" + URL, "ana") in backend.entries  # type: ignore[attr-defined]
        assert store.load("http://other:1") is None  # per server
        assert store.save(URL, "rui", "token-2")  # another user replaces the first
        assert store.load(URL) == ("rui", "token-2")
        assert ("balcao:" + URL, "ana") not in backend.entries  # type: ignore[attr-defined]
        store.forget(URL)
        assert store.load(URL) is None
        assert backend.entries == {}  # type: ignore[attr-defined]
        store.forget(URL)  # forgetting twice is fine


def test_no_backend() -> None:
    with installed(no_keyring()):
        store = CredentialStore()
        assert not store.available
        assert store.save(URL, "ana", "token") is False
        assert store.load(URL) is None
        store.forget(URL)


def test_broken_backend_turns_remembering_off() -> None:
    with installed(BrokenKeyring()):
        store = CredentialStore()
        assert store.available
        assert store.load(URL) is None
        assert not store.available
        assert store.save(URL, "ana", "token") is False
