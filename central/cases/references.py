"""Final case references (`LX-2026-000123`) and the follow-up codes of ethics reports.

A reference is the municipality's prefix, the year (in the centre's timezone) and a per-year
number. The number comes from `case_sequences`, bumped in the transaction that files the case:
a rollback gives it back, so numbers have no gaps, and concurrent filings wait on that one row
for the instant of their insert (cases arrive at human pace, a few a minute at most).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central.cases.models import CaseSequence
from central.reference.models import Centre
from central.tickets.localtime import local_day


def reference_prefix(centre: Centre) -> str:
    """Centre codes are `<municipality>-<centre>` (`LX-AVN`): cases are numbered per
    municipality, so every centre of Lisbon shares the `LX` series."""
    return centre.code.split("-", 1)[0].upper()


def reference_year(centre: Centre, now: datetime) -> int:
    """The year of a reference: the centre's local one (a case filed on 31 December at 23:30
    in Lisbon is of that year, whatever UTC says)."""
    return local_day(centre.timezone, now).year


def next_reference(session: Session, centre: Centre, now: datetime) -> str:
    return reserve(session, centre, now, 1)[0]


def reserve(session: Session, centre: Centre, now: datetime, count: int) -> list[str]:
    """The next `count` references of the centre's series for `now`'s year, in order, with
    one statement: the counter row moves by `count` at once (a batch of filings), and a
    rollback gives all of them back, as for one."""
    prefix = reference_prefix(centre)
    year = reference_year(centre, now)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(CaseSequence)
        .values(prefix=prefix, year=year, last_value=count)
        .on_conflict_do_update(
            index_elements=[CaseSequence.prefix, CaseSequence.year],
            set_={"last_value": CaseSequence.last_value + count},
        )
        .returning(CaseSequence.last_value)
    )
    last = int(session.execute(stmt).scalar_one())
    return [f"{prefix}-{year}-{number:06d}" for number in range(last - count + 1, last + 1)]


# Crockford's base32: no I, L, O, U, so a code read aloud or copied by hand survives.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 4
CODE_GROUP_LENGTH = 4  # 16 symbols of 5 bits: 80 random bits
CODE_PATTERN = r"^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_follow_up_code() -> str:
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    groups = [symbols[i : i + CODE_GROUP_LENGTH] for i in range(0, len(symbols), 4)]
    return "-".join(groups)


def normalize_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper().translate(_READ_AS)


def hash_follow_up_code(reference: str, code: str) -> str:
    """SHA-256 of the normalized code, bound to its reference. 80 random bits make a slow
    hash unnecessary: nobody can try 2^80 codes, even against a stolen database."""
    material = f"{reference}:{normalize_code(code)}".encode()
    return hashlib.sha256(material).hexdigest()


def follow_up_code_matches(reference: str, code: str, stored_hash: str | None) -> bool:
    if not stored_hash:
        return False
    return hmac.compare_digest(hash_follow_up_code(reference, code), stored_hash)
