"""Knowledge base first full sync: how long a fresh counter takes to pull 20,000 articles.

Fills a fresh PostgreSQL database (default; a throwaway cluster from tests/pg.py or
BALCAO_TEST_PG_URL) or SQLite with N published articles (`knowledge_corpus`, the search bench's:
varied municipal pt-PT, every fifth with an English variant too, each with its published
revision and its change row, numbered at COMMIT by the trigger of migration 0006), then pulls
them the way the desktop does: `GET /api/v1/sync/knowledge?since=<cursor>&limit=<page>` from
the real app under uvicorn on loopback, page after page until `has_more` is false. The same
pull is also timed through the service layer alone, to show what HTTP and JSON add; then the
desktop's own first sync, stored and indexed. Target: <= 20 s for 20,000.

Prints figures and PASS/MISS; never asserts.

    .venv/bin/python bench/knowledge_sync_bench.py         # 20,000 articles, pages of 1000
    .venv/bin/python bench/knowledge_sync_bench.py --page 5000
    .venv/bin/python bench/knowledge_sync_bench.py --db sqlite --articles 5000
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
from bench_support import (  # noqa: E402
    BENCH_PASSWORD,
    Summary,
    central_server,
    fresh_database,
    machine_line,
    markdown_table,
    ms,
    server_settings,
    verdict,
)
from knowledge_corpus import NOW, article_json, word_order  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from central import migrate  # noqa: E402
from central.auth.roles import Role  # noqa: E402
from central.auth.service import create_user  # noqa: E402
from central.db import Database  # noqa: E402
from central.knowledge import service  # noqa: E402
from central.knowledge.models import (  # noqa: E402
    Article,
    ArticleRevision,
    ArticleVariant,
    KnowledgeChange,
)
from central.reference.models import Centre  # noqa: E402
from desktop.api.api_client import ApiClient  # noqa: E402
from desktop.api.knowledge_api import KnowledgeApi  # noqa: E402
from desktop.services.auth_service import AuthService  # noqa: E402
from desktop.services.credential_store import CredentialStore  # noqa: E402
from desktop.services.knowledge_service import KnowledgeService  # noqa: E402
from desktop.store.knowledge_repo import KnowledgeRepo  # noqa: E402
from desktop.store.local_store import LocalStore  # noqa: E402
from tests.pg import postgres_server  # noqa: E402

TARGET_SECONDS = 20.0
TARGET_ARTICLES = 20_000


def fill(db: Database, count: int, seed: int, batch: int = 1000) -> float:
    """N published articles, in transactions of `batch`; returns the seconds it took."""
    started = time.perf_counter()
    rng = random.Random(seed)
    order = word_order(rng)
    for first in range(1, count + 1, batch):
        numbers = range(first, min(first + batch, count + 1))
        generated = [article_json(n, rng, order) for n in numbers]
        with db.writing() as session:
            rows = [
                {
                    "code": a["code"],
                    "status": "published",
                    "version": 2,
                    "published_version": 2,
                    "owner": a["owner"],
                    "review_by": date(2027, 6, 30),
                    "service_codes": a["service_codes"],
                    "tags": a["tags"],
                    "created_at": NOW,
                    "updated_at": NOW,
                    "published_at": NOW,
                    "updated_by": None,
                }
                for a in generated
            ]
            ids = session.execute(insert(Article).returning(Article.id), rows).scalars().all()
            variants: list[dict[str, Any]] = []
            revisions: list[dict[str, Any]] = []
            for article_id, a in zip(ids, generated, strict=True):
                mine = a["variants"]
                variants += [{"article_id": article_id, **v} for v in mine]
                snapshot = {"code": a["code"], "status": "published", "version": 2,
                            "owner": a["owner"], "review_by": a["review_by"],
                            "service_codes": a["service_codes"], "tags": a["tags"],
                            "variants": mine}  # fmt: skip
                revisions.append({"article_id": article_id, "version": 2, "action": "published",
                                  "status": "published", "snapshot": snapshot, "user_id": None,
                                  "at": NOW, "comment": ""})  # fmt: skip
            session.execute(insert(ArticleVariant), variants)
            session.execute(insert(ArticleRevision), revisions)
            if db.dialect == "postgresql":  # numbered at COMMIT by the trigger
                changes = [{"article_id": i, "seq": None, "at": NOW} for i in ids]
                session.execute(insert(KnowledgeChange), changes)
            else:
                for article_id in ids:
                    service.record_change(session, article_id, NOW)
    return time.perf_counter() - started


def add_reader(db: Database) -> None:
    with db.writing() as session:
        centre = Centre(code="BENCH", name="Bench", timezone="Europe/Lisbon", opening_hours={},
                        policy={}, updated_at=NOW)  # fmt: skip
        session.add(centre)
        session.flush()
        create_user(session, username="reader", full_name="Reader", password=BENCH_PASSWORD,
                    role=Role.ATTENDANT, centre_id=centre.id, now=NOW)  # fmt: skip


def pull_http(base: str, page: int) -> tuple[float, list[float], int, int]:
    """Seconds for the whole pull, per-page seconds, articles, bytes."""
    credentials = {"username": "reader", "password": BENCH_PASSWORD}
    login = httpx.post(f"{base}/api/v1/auth/login", json=credentials, timeout=60)
    login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['access_token']}",
               "Accept-Encoding": "gzip"}  # fmt: skip
    pages: list[float] = []
    count = size = 0
    cursor: str | None = None
    with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
        started = time.perf_counter()
        while True:
            params: dict[str, Any] = {"limit": page}
            if cursor:
                params["since"] = cursor
            t0 = time.perf_counter()
            response = client.get("/api/v1/sync/knowledge", params=params)
            response.raise_for_status()
            body = response.json()
            pages.append(time.perf_counter() - t0)
            size += len(response.content)
            count += len(body["articles"])
            cursor = body["next_cursor"]
            if not body["has_more"]:
                return time.perf_counter() - started, pages, count, size


def pull_desktop(base: str, page: int, folder: Path) -> tuple[float, int]:
    """The desktop's own first sync, end to end: `KnowledgeService.sync` through its API
    client into a fresh local store (the FTS index, stems and all), as a new counter does."""
    api = ApiClient(base, timeout=(5.0, 120.0))
    try:
        AuthService(api, CredentialStore(), remember=False).login("reader", BENCH_PASSWORD)
        store = LocalStore.open(folder / "desktop.sqlite3")
        try:
            knowledge = KnowledgeService(KnowledgeApi(api), KnowledgeRepo(store), page_size=page)
            started = time.perf_counter()
            state = knowledge.sync()
            return time.perf_counter() - started, state.articles
        finally:
            store.close()
    finally:
        api.close()


def pull_service(db: Database, page: int) -> tuple[float, int]:
    count = 0
    cursor: str | None = None
    started = time.perf_counter()
    while True:
        with db.reading() as session:
            result = service.sync_page(session, cursor, page)
        count += len(result.articles)
        cursor = result.next_cursor
        if not result.has_more:
            return time.perf_counter() - started, count


@contextlib.contextmanager
def database(kind: str, folder: Path) -> Iterator[tuple[str, str]]:
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'central.sqlite3'}"
        db = Database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url, "SQLite (WAL, synchronous=FULL)"
        return
    with postgres_server() as admin_url, fresh_database(admin_url) as url:
        yield url, server_settings(admin_url)


def run(args: argparse.Namespace) -> int:
    print(f"# knowledge first full sync: {args.articles} articles, pages of {args.page}")
    print(machine_line())
    with tempfile.TemporaryDirectory() as folder, database(args.db, Path(folder)) as (url, what):
        print(what)
        db = Database(url)
        add_reader(db)
        filled = fill(db, args.articles, args.seed)
        print(f"filled in {filled:.1f} s")
        service_seconds, service_count = pull_service(db, args.page)
        db.dispose()
        with central_server(url) as server:
            seconds, pages, count, size = pull_http(server.base, args.page)
            desktop_seconds, desktop_count = pull_desktop(server.base, args.page, Path(folder))
    per_page = Summary.of(pages)
    print()
    print(markdown_table(
        ["path", "articles", "pages", "total", "page p50", "page p95", "page max", "MB"],
        [
            ["HTTP (uvicorn, JSON)", count, len(pages), f"{seconds:.2f} s", ms(per_page.p50),
             ms(per_page.p95), ms(per_page.max), f"{size / 1e6:.1f}"],
            ["service layer only", service_count, "", f"{service_seconds:.2f} s", "", "", "", ""],
            ["desktop: sync into a fresh local store", desktop_count, "",
             f"{desktop_seconds:.2f} s", "", "", "", ""],
        ],
    ))  # fmt: skip
    target = TARGET_SECONDS * args.articles / TARGET_ARTICLES
    ok = seconds <= target and count == args.articles
    print()
    print(f"first full sync over HTTP: {seconds:.2f} s for {count} articles "
          f"(target <= {target:.0f} s): {verdict(ok)}")  # fmt: skip
    whole = desktop_seconds <= target and desktop_count == args.articles
    print(f"first full sync of a new counter, stored and indexed: {desktop_seconds:.2f} s for "
          f"{desktop_count} articles (target <= {target:.0f} s): {verdict(whole)}")  # fmt: skip
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=TARGET_ARTICLES)
    parser.add_argument("--page", type=int, default=1000, help="limit per request (<= 5000)")
    parser.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--seed", type=int, default=20261123)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
