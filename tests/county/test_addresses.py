"""Who owns which rows, and the county store's address: no server needed."""

from __future__ import annotations

import psycopg
import pytest

from vfk_desktop.county.connection import connection_failure, county_url, where, without_password
from vfk_desktop.county.ownership import COUNTY, owner_of, owns, what_they_own
from vfk_desktop.domain.errors import UsageError

DISTRICTS = frozenset({"Ashford", "Tunbridge Wells"})


def test_a_district_owns_its_own_rows_and_the_county_every_other_place() -> None:
    assert owner_of("Tunbridge Wells", DISTRICTS) == "Tunbridge Wells"
    assert owner_of("Kent", DISTRICTS) == COUNTY
    assert owner_of("England", DISTRICTS) == COUNTY
    assert owns("Ashford", "Ashford", DISTRICTS) and not owns("Ashford", "Tunbridge Wells", DISTRICTS)
    assert "the indicator catalogue" in what_they_own(COUNTY)
    assert "its local targets" in what_they_own("Ashford")


def test_the_password_never_leaves_the_address() -> None:
    url = "postgresql://vfk_dover:s3cret@db.kent.gov.uk:5433/vfk_county"
    assert without_password(url) == "postgresql://vfk_dover@db.kent.gov.uk:5433/vfk_county"
    assert where(url) == "db.kent.gov.uk/vfk_county"
    said = str(connection_failure(url, psycopg.OperationalError(
        'connection failed: FATAL:  password authentication failed for user "vfk_dover"')))
    assert said == ("The county store at db.kent.gov.uk/vfk_county refused the password for "
                    "vfk_dover; check the password in your keyring or pgpass file.")
    assert "s3cret" not in said


def test_an_address_that_is_not_postgresql_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VFK_COUNTY_URL", raising=False)
    with pytest.raises(UsageError, match="is not a postgresql:// URL"):
        county_url(None, "mysql://db/county")
    with pytest.raises(UsageError, match="No county store is set"):
        county_url(None)
    monkeypatch.setenv("VFK_COUNTY_URL", "postgresql://vfk_dover@db/county")
    assert county_url(None) == "postgresql://vfk_dover@db/county"
