"""Who owns what in the county store. No row has two owners, so two offices never conflict.

A district owns its own figures (its values and its local targets), its priority rankings, its
commentary, its local priorities and its actions. The county owns Kent's figures, the Kent targets,
the Kent best and worst it states, the comparators' figures (England, the South East) and the
indicator catalogue. A publish sends what the publisher owns; a pull brings everything else.
"""

from __future__ import annotations

from vfk_desktop.domain.localities import KENT

COUNTY = KENT  # the county publishes as "Kent"

DISTRICT_OWNS = ("its own figures", "its local targets", "its priority rankings", "its commentary",
                 "its local priorities", "its actions")
COUNTY_OWNS = ("Kent's figures", "the Kent targets", "the Kent best and worst",
               "the comparators' figures (England, the South East)", "the indicator catalogue")

# The tables a publish and a pull carry today, in the order they are sent.
SYNCED_TABLES = ("indicators", "figures", "rankings", "commentary", "local_priorities", "actions")


def owner_of(area: str, districts: frozenset[str] | set[str]) -> str:
    """The place that publishes the rows of area: a district its own, the county every other."""
    return area if area in districts else COUNTY


def owns(publisher: str, area: str, districts: frozenset[str] | set[str]) -> bool:
    return owner_of(area, districts) == publisher


def owns_catalogue(publisher: str) -> bool:
    return publisher == COUNTY


def what_they_own(publisher: str) -> str:
    """A sentence for the report: what this publisher sends."""
    items = COUNTY_OWNS if publisher == COUNTY else DISTRICT_OWNS
    return f"{publisher} publishes {', '.join(items[:-1])} and {items[-1]}."
