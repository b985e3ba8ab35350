"""Counts, denominators and stated limits, read from the store only as far as a view needs them.

A fare table needs the district's own series (one place: a few hundred rows, found through the
table's key); Kent worked out from its districts needs one indicator's districts, and only where no
Kent figure is stated. Reading every place's counts with every figure doubled the time a fare table
took (bench/fare_bench.py), so they are read here, by place or by indicator, and remembered until
the database changes (the Figures snapshot that holds this reader is dropped then).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.domain.statistics import Counts, ValueType
from vfk_desktop.store import queries
from vfk_desktop.store.connection import Store

Raw = dict[str, dict[str, list[object]]]  # period label -> place -> the stored numbers


def made(numbers: Sequence[Any]) -> Counts:
    count, denominator, low95, high95, low998, high998, value_type, multiplier = numbers
    return Counts(count, denominator, low95, high95, low998, high998, ValueType.parse(value_type),
                  multiplier)


class StoredCounts:
    """One store's counts, read by place or by indicator when first asked for."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._by_place: dict[str, dict[str, list[tuple[str, list[object]]]]] = {}
        self._own: dict[tuple[str, str], dict[Period, Counts]] = {}
        self._by_code: dict[tuple[str, tuple[str, ...]], Raw] = {}
        self._codes_read: dict[str, list[tuple[tuple[str, ...], Raw]]] = defaultdict(list)  # by code

    def own(self, place: str, code: str) -> dict[Period, Counts]:
        """The place's counts of one indicator, by period. The place's rows are read at once (a fare
        table asks for every indicator); each indicator's Counts are made when it is asked for."""
        key = (place, code)
        if key not in self._own:
            read = next((raw for places, raw in self._codes_read.get(code, ()) if place in places), None)
            if read is not None and place not in self._by_place:  # the indicator's places, read already
                self._own[key] = {period_of_label(label): made(numbers[place])
                                  for label, numbers in read.items() if place in numbers}
                return self._own[key]
            if place not in self._by_place:
                found: dict[str, list[tuple[str, list[object]]]] = defaultdict(list)
                for _, row_code, label, *numbers in queries.statistic_rows(self._store, (place,)):
                    found[row_code].append((label, numbers))
                self._by_place[place] = dict(found)
            self._own[key] = {period_of_label(label): made(numbers)
                              for label, numbers in self._by_place[place].get(code, ())}
        return self._own[key]

    def of_code(self, code: str, places: tuple[str, ...]) -> Raw:
        """Every place's numbers for one indicator, by period label."""
        key = (code, places)
        if key not in self._by_code:
            found: Raw = defaultdict(dict)
            for place, _, label, *numbers in queries.statistic_rows(self._store, places, code):
                found[label][place] = numbers
            self._by_code[key] = dict(found)
            self._codes_read[code].append((places, self._by_code[key]))
        return self._by_code[key]

    def by_period(self, code: str, places: tuple[str, ...]) -> CountsByPeriod:
        return CountsByPeriod(lambda: self.of_code(code, places))


class CountsByPeriod(Mapping[Period, Mapping[str, Counts]]):
    """Places' counts by period, read from the store only when first looked into."""

    def __init__(self, read: Callable[[], Raw]) -> None:
        self._read = read
        self._raw: Raw | None = None
        self._made: dict[Period, dict[str, Counts]] = {}

    def _rows(self) -> Raw:
        if self._raw is None:
            self._raw = self._read()
        return self._raw

    def __getitem__(self, period: Period) -> dict[str, Counts]:
        if period not in self._made:
            places = self._rows()[period.label]  # KeyError: no counts at that period
            self._made[period] = {place: made(numbers) for place, numbers in places.items()}
        return self._made[period]

    def __iter__(self) -> Iterator[Period]:
        return (period_of_label(label) for label in self._rows())

    def __len__(self) -> int:
        return len(self._rows())
