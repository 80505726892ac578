"""The call-next policy as a pure function: every rule, its limits, its order and its words."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from central.tickets.policy import (
    LEGAL_PRIORITIES,
    Candidate,
    Choice,
    PolicyConfig,
    Priority,
    Rule,
    choose_next,
    next_priority_streak,
    rank,
)

# 09:00 UTC on a summer day: 10:00 in Lisbon (UTC+1), so local and UTC times differ.
NOW = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
LISBON = ZoneInfo("Europe/Lisbon")
SERVICE_IDS = {"A": 1, "B": 2, "C": 3}
EVEN = {1: 1.0, 2: 1.0, 3: 1.0}
DEFAULT = PolicyConfig()


def to_lisbon(dt: datetime) -> datetime:
    return dt.astimezone(LISBON)


def cand(
    ticket_id: int,
    *,
    prefix: str = "A",
    waited: float = 0,
    priority: str = Priority.NONE,
    priority_allowed: bool = True,
    appointment_in: float | None = None,
    front: bool = False,
) -> Candidate:
    """A waiting ticket that has waited `waited` minutes; `appointment_in` minutes from NOW."""
    return Candidate(
        ticket_id=ticket_id,
        number=f"{prefix}{ticket_id:03d}",
        service_id=SERVICE_IDS[prefix],
        service_prefix=prefix,
        queued_at=NOW - timedelta(minutes=waited),
        priority=priority,
        priority_allowed=priority_allowed,
        appointment_at=(
            NOW + timedelta(minutes=appointment_in) if appointment_in is not None else None
        ),
        front=front,
    )


def choose(
    candidates: list[Candidate],
    *,
    weights: dict[int, float] | None = None,
    streak: int = 0,
    config: PolicyConfig = DEFAULT,
    now: datetime = NOW,
) -> Choice:
    choice = choose_next(
        candidates,
        weights=EVEN if weights is None else weights,
        priority_streak=streak,
        config=config,
        now=now,
        local=to_lisbon,
    )
    assert choice is not None
    return choice


def order(
    candidates: list[Candidate],
    *,
    weights: dict[int, float] | None = None,
    streak: int = 0,
    config: PolicyConfig = DEFAULT,
) -> list[tuple[int, Rule]]:
    ranked = rank(
        candidates,
        weights=EVEN if weights is None else weights,
        priority_streak=streak,
        config=config,
        now=NOW,
        local=to_lisbon,
    )
    return [(c.ticket_id, c.rule) for c in ranked]


# --- nothing to choose ------------------------------------------------------------------------


def test_empty_queue_gives_no_choice() -> None:
    assert choose_next([], weights=EVEN, priority_streak=0, config=DEFAULT, now=NOW) is None
    assert rank([], weights=EVEN, priority_streak=5, config=DEFAULT, now=NOW) == []


def test_rank_places_every_candidate_exactly_once() -> None:
    pool = [
        cand(1, waited=50),
        cand(2, waited=5, front=True),
        cand(3, waited=1, appointment_in=-5),
        cand(4, waited=2, priority=Priority.ELDERLY),
        cand(5, prefix="B", waited=30),
        cand(6, waited=0, appointment_in=90),
        cand(7, waited=1, front=True, appointment_in=-30),
    ]
    ranked = order(pool)
    assert sorted(tid for tid, _ in ranked) == [1, 2, 3, 4, 5, 6, 7]


# --- 1. returned to the front -----------------------------------------------------------------


def test_front_beats_due_appointment_priority_and_long_wait() -> None:
    pool = [
        cand(1, waited=90),
        cand(2, waited=10, priority=Priority.DISABILITY),
        cand(3, waited=1, appointment_in=-10),
        cand(4, waited=0, front=True),
    ]
    choice = choose(pool, streak=10)
    assert (choice.ticket_id, choice.rule) == (4, Rule.FRONT)
    assert choice.explanation == "returned to the front of A"


def test_front_tickets_oldest_first() -> None:
    pool = [
        cand(1, prefix="B", waited=3, front=True),
        cand(2, waited=8, front=True),
        cand(3, waited=5, front=True),
    ]
    assert order(pool)[:3] == [(2, Rule.FRONT), (3, Rule.FRONT), (1, Rule.FRONT)]


def test_front_explanation_names_the_service() -> None:
    choice = choose([cand(9, prefix="B", waited=12, front=True)])
    assert choice.details == {"service": "B", "waited_minutes": 12}
    assert "front of B" in choice.explanation


# --- 2. appointment due -----------------------------------------------------------------------


def test_due_appointment_beats_priority_and_longest_wait() -> None:
    pool = [
        cand(1, waited=60),
        cand(2, waited=30, priority=Priority.PREGNANCY),
        cand(3, waited=0, appointment_in=-30),
    ]
    choice = choose(pool)
    assert (choice.ticket_id, choice.rule) == (3, Rule.APPOINTMENT)


def test_appointment_explanation_is_in_local_time() -> None:
    # 09:30 UTC is 10:30 in Lisbon in summer.
    choice = choose([cand(1, appointment_in=30)], config=PolicyConfig(appointment_early_minutes=30))
    assert choice.rule is Rule.APPOINTMENT
    assert choice.details["appointment_local"] == "10:30"
    assert choice.details["appointment_at"] == "2026-07-01T09:30:00+00:00"
    assert choice.explanation == "appointment 10:30"


def test_appointment_explanation_without_local_is_utc() -> None:
    choice = choose_next(
        [cand(1, appointment_in=0)], weights=EVEN, priority_streak=0, config=DEFAULT, now=NOW
    )
    assert choice is not None
    assert choice.explanation == "appointment 09:00"


def test_due_appointments_by_appointment_time_not_arrival() -> None:
    pool = [
        cand(1, waited=40, appointment_in=-5),  # arrived first, later slot
        cand(2, waited=2, appointment_in=-20),  # arrived just now, earlier slot
    ]
    assert order(pool) == [(2, Rule.APPOINTMENT), (1, Rule.APPOINTMENT)]


def test_appointment_exactly_now_is_due() -> None:
    choice = choose([cand(1, waited=30), cand(2, appointment_in=0)])
    assert (choice.ticket_id, choice.rule) == (2, Rule.APPOINTMENT)


@pytest.mark.parametrize(
    ("early_minutes", "expected"),
    [
        (0, (1, Rule.LONGEST_WAIT)),
        (9, (1, Rule.LONGEST_WAIT)),
        (10, (2, Rule.APPOINTMENT)),
        (15, (2, Rule.APPOINTMENT)),
    ],
)
def test_appointment_early_minutes_makes_it_due(
    early_minutes: int, expected: tuple[int, Rule]
) -> None:
    pool = [cand(1, waited=5), cand(2, appointment_in=10)]
    choice = choose(pool, config=PolicyConfig(appointment_early_minutes=early_minutes))
    assert (choice.ticket_id, choice.rule) == expected


# --- 3. anti-starvation -----------------------------------------------------------------------


def _starvation_pool(normal_waited: float) -> list[Candidate]:
    return [
        cand(1, waited=normal_waited),
        cand(2, waited=30, priority=Priority.ELDERLY),
    ]


def test_anti_starvation_after_n_priority_calls_and_m_minutes() -> None:
    config = PolicyConfig(anti_starvation_after=3, anti_starvation_wait_minutes=20)
    choice = choose(_starvation_pool(25), streak=3, config=config)
    assert (choice.ticket_id, choice.rule) == (1, Rule.ANTI_STARVATION)
    assert choice.details == {"service": "A", "waited_minutes": 25, "priority_streak": 3}
    assert choice.explanation == "waited 25 min in A after 3 priority calls"


def test_anti_starvation_at_exactly_m_minutes() -> None:
    config = PolicyConfig(anti_starvation_after=3, anti_starvation_wait_minutes=20)
    choice = choose(_starvation_pool(20), streak=3, config=config)
    assert choice.rule is Rule.ANTI_STARVATION


def test_anti_starvation_also_beyond_n() -> None:
    config = PolicyConfig(anti_starvation_after=3, anti_starvation_wait_minutes=20)
    assert choose(_starvation_pool(25), streak=7, config=config).rule is Rule.ANTI_STARVATION


def test_no_anti_starvation_below_n_priority_calls() -> None:
    config = PolicyConfig(anti_starvation_after=3, anti_starvation_wait_minutes=20)
    choice = choose(_starvation_pool(60), streak=2, config=config)
    assert (choice.ticket_id, choice.rule) == (2, Rule.PRIORITY)


def test_no_anti_starvation_below_m_minutes() -> None:
    config = PolicyConfig(anti_starvation_after=3, anti_starvation_wait_minutes=20)
    choice = choose(_starvation_pool(19.9), streak=3, config=config)
    assert (choice.ticket_id, choice.rule) == (2, Rule.PRIORITY)


def test_anti_starvation_disabled_with_zero() -> None:
    config = PolicyConfig(anti_starvation_after=0, anti_starvation_wait_minutes=0)
    choice = choose(_starvation_pool(120), streak=50, config=config)
    assert choice.rule is Rule.PRIORITY


def test_anti_starvation_takes_oldest_starving_first_then_priority() -> None:
    config = PolicyConfig(anti_starvation_after=2, anti_starvation_wait_minutes=10)
    pool = [
        cand(1, waited=15),
        cand(2, prefix="B", waited=40),
        cand(3, waited=5),  # not starving: waits its turn after priority
        cand(4, waited=1, priority=Priority.INFANT),
    ]
    assert order(pool, streak=2, config=config) == [
        (2, Rule.ANTI_STARVATION),
        (1, Rule.ANTI_STARVATION),
        (4, Rule.PRIORITY),
        (3, Rule.LONGEST_WAIT),
    ]


def test_anti_starvation_does_not_jump_due_appointments() -> None:
    config = PolicyConfig(anti_starvation_after=1, anti_starvation_wait_minutes=5)
    pool = [cand(1, waited=60), cand(2, appointment_in=-1)]
    assert order(pool, streak=4, config=config)[0] == (2, Rule.APPOINTMENT)


# --- 4. legal priority ------------------------------------------------------------------------


@pytest.mark.parametrize("category", sorted(LEGAL_PRIORITIES))
def test_priority_beats_longer_normal_wait(category: str) -> None:
    choice = choose([cand(1, waited=45), cand(2, waited=1, priority=category)])
    assert (choice.ticket_id, choice.rule) == (2, Rule.PRIORITY)
    assert choice.explanation == f"priority: {category}"


def test_priority_explanation_and_details() -> None:
    choice = choose([cand(7, prefix="B", waited=4, priority=Priority.PREGNANCY)])
    assert choice.details == {"priority": "pregnancy", "service": "B", "waited_minutes": 4}
    assert choice.explanation == "priority: pregnancy"


def test_priority_tickets_oldest_first() -> None:
    pool = [
        cand(1, waited=2, priority=Priority.ELDERLY),
        cand(2, waited=9, priority=Priority.INFANT),
        cand(3, waited=5, priority=Priority.DISABILITY),
    ]
    assert order(pool) == [(2, Rule.PRIORITY), (3, Rule.PRIORITY), (1, Rule.PRIORITY)]


def test_priority_ignores_counter_weights() -> None:
    pool = [cand(1, waited=10), cand(2, prefix="B", waited=1, priority=Priority.ELDERLY)]
    choice = choose(pool, weights={1: 1.0, 2: 0.01})
    assert (choice.ticket_id, choice.rule) == (2, Rule.PRIORITY)


def test_disabled_priority_category_queues_as_normal() -> None:
    config = PolicyConfig(priority_categories=frozenset({Priority.PREGNANCY}))
    pool = [cand(1, waited=30), cand(2, waited=5, priority=Priority.ELDERLY)]
    assert order(pool, config=config) == [(1, Rule.LONGEST_WAIT), (2, Rule.LONGEST_WAIT)]
    # The enabled category still goes first.
    pool.append(cand(3, waited=0, priority=Priority.PREGNANCY))
    assert order(pool, config=config)[0] == (3, Rule.PRIORITY)


def test_no_priority_categories_means_no_priority() -> None:
    config = PolicyConfig(priority_categories=frozenset())
    pool = [cand(1, waited=30), cand(2, waited=50, priority=Priority.DISABILITY)]
    assert order(pool, config=config) == [(2, Rule.LONGEST_WAIT), (1, Rule.LONGEST_WAIT)]


def test_service_without_priority_queues_priority_ticket_as_normal() -> None:
    pool = [
        cand(1, prefix="C", waited=30),
        cand(2, prefix="C", waited=5, priority=Priority.ELDERLY, priority_allowed=False),
    ]
    assert order(pool) == [(1, Rule.LONGEST_WAIT), (2, Rule.LONGEST_WAIT)]


def test_disabled_category_ticket_can_be_rescued_by_anti_starvation() -> None:
    # A disabled category is a normal ticket: anti-starvation may pick it.
    config = PolicyConfig(
        priority_categories=frozenset({Priority.INFANT}),
        anti_starvation_after=1,
        anti_starvation_wait_minutes=10,
    )
    pool = [cand(1, waited=30, priority=Priority.ELDERLY), cand(2, priority=Priority.INFANT)]
    assert order(pool, streak=1, config=config) == [
        (1, Rule.ANTI_STARVATION),
        (2, Rule.PRIORITY),
    ]


# --- 5. longest wait, weighted ----------------------------------------------------------------


def test_longest_wait_without_weights_is_plain_oldest_first() -> None:
    pool = [cand(1, waited=10), cand(2, prefix="B", waited=30), cand(3, waited=20)]
    assert order(pool) == [
        (2, Rule.LONGEST_WAIT),
        (3, Rule.LONGEST_WAIT),
        (1, Rule.LONGEST_WAIT),
    ]


def test_weight_flips_the_choice() -> None:
    pool = [cand(1, waited=30), cand(2, prefix="B", waited=23)]
    # Even weights: A waited longer.
    assert choose(pool, weights={1: 1.0, 2: 1.0}).ticket_id == 1
    # A counter that mostly serves B: 30 min x 0.3 = 9 < 23 min x 1.0.
    choice = choose(pool, weights={1: 0.3, 2: 1.0})
    assert (choice.ticket_id, choice.rule) == (2, Rule.LONGEST_WAIT)
    assert choice.details == {"service": "B", "waited_minutes": 23}
    assert choice.explanation == "longest wait in B, 23 min"


def test_weight_is_not_absolute_a_long_enough_wait_wins() -> None:
    # 90 min x 0.3 = 27 > 23 min x 1.0.
    pool = [cand(1, waited=90), cand(2, prefix="B", waited=23)]
    assert choose(pool, weights={1: 0.3, 2: 1.0}).ticket_id == 1


def test_service_missing_from_weights_counts_as_one() -> None:
    pool = [cand(1, waited=10), cand(2, prefix="C", waited=20)]
    assert choose(pool, weights={1: 1.0}).ticket_id == 2
    assert choose(pool, weights={1: 1.0, 3: 0.4}).ticket_id == 1


def test_waited_minutes_are_whole_minutes_rounded_down() -> None:
    choice = choose([cand(1, waited=23.99)])
    assert choice.details["waited_minutes"] == 23


def test_waited_minutes_never_negative() -> None:
    # A clock that steps back (or a ticket queued "in the future") reads as 0 min.
    choice = choose([cand(1, waited=-3)])
    assert choice.details["waited_minutes"] == 0


# --- 6. early appointment ---------------------------------------------------------------------


def test_early_appointment_when_nobody_else_waits() -> None:
    # 10:30 UTC is 11:30 in Lisbon.
    choice = choose([cand(1, appointment_in=90)])
    assert (choice.ticket_id, choice.rule) == (1, Rule.EARLY_APPOINTMENT)
    assert choice.details["appointment_local"] == "11:30"
    assert choice.explanation == "appointment 11:30 (early, nobody else waiting)"


def test_early_appointment_goes_after_everyone_else() -> None:
    pool = [
        cand(1, appointment_in=20),
        cand(2, waited=0),
        cand(3, waited=0, priority=Priority.INFANT),
        cand(4, appointment_in=5),
    ]
    assert order(pool) == [
        (3, Rule.PRIORITY),
        (2, Rule.LONGEST_WAIT),
        (4, Rule.EARLY_APPOINTMENT),
        (1, Rule.EARLY_APPOINTMENT),
    ]


# --- tie-breaking -----------------------------------------------------------------------------


def test_ties_break_by_ticket_id_whatever_the_input_order() -> None:
    pool = [
        cand(5, waited=10),
        cand(3, waited=10),
        cand(8, prefix="B", waited=10),
        cand(4, waited=10, priority=Priority.ELDERLY),
        cand(2, waited=10, priority=Priority.INFANT),
        cand(9, waited=10, front=True),
        cand(6, waited=10, front=True),
        cand(11, appointment_in=-5),
        cand(10, appointment_in=-5),
        cand(13, appointment_in=30),
        cand(12, appointment_in=30),
    ]
    expected = [
        (6, Rule.FRONT),
        (9, Rule.FRONT),
        (10, Rule.APPOINTMENT),
        (11, Rule.APPOINTMENT),
        (2, Rule.PRIORITY),
        (4, Rule.PRIORITY),
        (3, Rule.LONGEST_WAIT),
        (5, Rule.LONGEST_WAIT),
        (8, Rule.LONGEST_WAIT),
        (12, Rule.EARLY_APPOINTMENT),
        (13, Rule.EARLY_APPOINTMENT),
    ]
    shuffler = random.Random(2026)
    for _ in range(20):
        shuffled = pool[:]
        shuffler.shuffle(shuffled)
        assert order(shuffled) == expected


def test_equal_weighted_wait_prefers_the_longer_real_wait() -> None:
    # 20 min x 0.5 == 10 min x 1.0: the one who really waited longer goes first.
    pool = [cand(1, prefix="B", waited=10), cand(2, waited=20)]
    assert order(pool, weights={1: 0.5, 2: 1.0}) == [
        (2, Rule.LONGEST_WAIT),
        (1, Rule.LONGEST_WAIT),
    ]


# --- the priority streak ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (Rule.PRIORITY, 3),
        (Rule.LONGEST_WAIT, 0),
        (Rule.ANTI_STARVATION, 0),
        (Rule.APPOINTMENT, 2),
        (Rule.EARLY_APPOINTMENT, 2),
        (Rule.FRONT, 2),
        (Rule.SPECIFIC, 2),
    ],
)
def test_next_priority_streak(rule: Rule, expected: int) -> None:
    assert next_priority_streak(2, rule) == expected


def test_streak_drives_anti_starvation_over_successive_calls() -> None:
    config = PolicyConfig(anti_starvation_after=2, anti_starvation_wait_minutes=10)
    pool = [
        cand(1, waited=30),
        cand(2, waited=5, priority=Priority.ELDERLY),
        cand(3, waited=4, priority=Priority.INFANT),
        cand(4, waited=3, priority=Priority.PREGNANCY),
    ]
    streak, rules = 0, []
    for _ in range(4):
        choice = choose(pool, streak=streak, config=config)
        rules.append((choice.ticket_id, choice.rule))
        streak = next_priority_streak(streak, choice.rule)
        pool = [c for c in pool if c.ticket_id != choice.ticket_id]
    assert rules == [
        (2, Rule.PRIORITY),
        (3, Rule.PRIORITY),
        (1, Rule.ANTI_STARVATION),
        (4, Rule.PRIORITY),
    ]
    assert streak == 1


# --- configuration ----------------------------------------------------------------------------


def test_config_defaults() -> None:
    config = PolicyConfig.from_mapping(None)
    assert config == PolicyConfig.from_mapping({}) == PolicyConfig()
    assert config.appointment_early_minutes == 0
    assert config.priority_categories == {"disability", "elderly", "pregnancy", "infant"}
    assert config.anti_starvation_after == 3
    assert config.anti_starvation_wait_minutes == 20


def test_config_partial_keeps_other_defaults() -> None:
    config = PolicyConfig.from_mapping({"anti_starvation_after": 5})
    assert config.anti_starvation_after == 5
    assert config.anti_starvation_wait_minutes == 20
    assert config.appointment_early_minutes == 0
    assert config.priority_categories == LEGAL_PRIORITIES


def test_config_full_and_coerced() -> None:
    config = PolicyConfig.from_mapping(
        {
            "appointment_early_minutes": "10",
            "priority_categories": ["pregnancy", "infant"],
            "anti_starvation_after": 2,
            "anti_starvation_wait_minutes": 15,
        }
    )
    assert config == PolicyConfig(
        appointment_early_minutes=10,
        priority_categories=frozenset({Priority.PREGNANCY, Priority.INFANT}),
        anti_starvation_after=2,
        anti_starvation_wait_minutes=15,
    )


def test_config_unknown_categories_dropped() -> None:
    config = PolicyConfig.from_mapping(
        {"priority_categories": ["elderly", "vip", "none", "friend_of_mayor"]}
    )
    assert config.priority_categories == {"elderly"}


def test_config_empty_category_list_disables_priority() -> None:
    assert PolicyConfig.from_mapping({"priority_categories": []}).priority_categories == set()


def test_config_round_trips_through_mapping() -> None:
    config = PolicyConfig(
        appointment_early_minutes=5,
        priority_categories=frozenset({Priority.ELDERLY, Priority.DISABILITY}),
        anti_starvation_after=4,
        anti_starvation_wait_minutes=30,
    )
    mapping = config.to_mapping()
    assert mapping["priority_categories"] == ["disability", "elderly"]
    assert PolicyConfig.from_mapping(mapping) == config


def test_specific_choice_explanation() -> None:
    assert Choice(1, Rule.SPECIFIC, {"number": "A001"}).explanation == "called by number"
