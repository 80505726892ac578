"""The articles used in a visit: "the articles used are recorded on the visit" (issue 5).

The attendant serving a ticket records each article they opened to answer the citizen, with the
version they read, so the answer given can later be traced to the text as it then was, and the
editors can see which articles are used at the counters. One row per ticket and article: a
second use of the same article in the same visit changes nothing (the version first read is
kept). No citizen data: a ticket, an article, a staff user, a time.

Runs inside the caller's transaction and never commits, like the services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.errors import Forbidden, NotFound
from central.knowledge.models import Article, ArticleRevision, VisitArticleUse
from central.tickets.models import Ticket


@dataclass(frozen=True)
class Recorded:
    use: VisitArticleUse
    created: bool  # False: the article was already recorded on this visit


def _ticket(session: Session, actor: Actor, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("ticket.not_found", "No such ticket.", details={"ticket_id": ticket_id})
    actor.ensure_centre(ticket.centre_id)
    return ticket


def _ensure_serves(actor: Actor, ticket: Ticket) -> None:
    """The attendant the ticket was called to (`attendant_id`, set when called, cleared when
    the ticket goes back to a queue); managers may record for any visit of their centre."""
    if actor.is_manager or ticket.attendant_id == actor.user_id:
        return
    raise Forbidden(
        "ticket.not_yours",
        "This ticket is being served by someone else.",
        details={"ticket_id": ticket.id},
    )


def find(session: Session, ticket_id: int, article_id: int) -> VisitArticleUse | None:
    return session.execute(
        select(VisitArticleUse).where(
            VisitArticleUse.ticket_id == ticket_id, VisitArticleUse.article_id == article_id
        )
    ).scalar_one_or_none()


def record(
    session: Session,
    actor: Actor,
    ticket_id: int,
    article_id: int,
    article_version: int,
    now: datetime,
) -> Recorded:
    ticket = _ticket(session, actor, ticket_id)
    _ensure_serves(actor, ticket)
    if session.get(Article, article_id) is None:
        raise NotFound(
            "knowledge.article_not_found", "No such article.", details={"article_id": article_id}
        )
    if session.get(ArticleRevision, (article_id, article_version)) is None:
        raise NotFound(
            "knowledge.revision_not_found",
            "No such version of this article.",
            details={"article_id": article_id, "article_version": article_version},
        )
    existing = find(session, ticket_id, article_id)
    if existing is not None:
        return Recorded(existing, created=False)
    use = VisitArticleUse(
        ticket_id=ticket_id,
        article_id=article_id,
        article_version=article_version,
        user_id=actor.user_id,
        at=now,
    )
    try:
        with session.begin_nested():
            session.add(use)
            session.flush()
    except IntegrityError:
        # The same use recorded at the same instant by another request (two clicks, a retry
        # under a new key): the one that committed first stands.
        raced = find(session, ticket_id, article_id)
        if raced is None:
            raise
        return Recorded(raced, created=False)
    return Recorded(use, created=True)


def uses(session: Session, actor: Actor, ticket_id: int) -> Sequence[VisitArticleUse]:
    """The articles used in a visit, first used first; any staff of the ticket's centre."""
    _ticket(session, actor, ticket_id)
    return (
        session.execute(
            select(VisitArticleUse)
            .where(VisitArticleUse.ticket_id == ticket_id)
            .order_by(VisitArticleUse.at, VisitArticleUse.id)
        )
        .scalars()
        .all()
    )
