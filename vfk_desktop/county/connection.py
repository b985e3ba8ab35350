"""Reaching the county store: its address, the password, and one sentence for every failure.

The address is a postgresql:// URL, given on the command line, or in VFK_COUNTY_URL, or saved in the
database's settings (meta "county_url", always without a password). The password comes from the
user's keyring (when the keyring package is installed) or from libpq's pgpass file; it is never
saved and never written to a log or a message.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from vfk_desktop.domain.errors import UsageError, VfkError

if TYPE_CHECKING:
    import psycopg

    from vfk_desktop.store.connection import Store

ENV = "VFK_COUNTY_URL"
SETTING = "county_url"
KEYRING_SERVICE = "vfk_desktop county store"
CONNECT_TIMEOUT_S = 10


class Offline(VfkError):
    """The county store cannot be reached: the officer keeps working from the local file."""


def without_password(url: str) -> str:
    """The URL as it may be shown, saved or logged: any password taken out."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, f"{user}{host}", parts.path, parts.query, parts.fragment))


def where(url: str) -> str:
    """host/database, for sentences."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}{parts.path or '/'}".rstrip("/") or "the county store"


def county_url(store: Store | None, given: str | None = None) -> str:
    """The address to use: given, else $VFK_COUNTY_URL, else the database's saved setting."""
    url = given or os.environ.get(ENV) or (store.meta(SETTING) if store is not None else None)
    if not url:
        raise UsageError(f"No county store is set: give --county-url postgresql://USER@HOST/DATABASE "
                         f"or set {ENV} (the county's IT gives the address).")
    if not re.match(r"postgres(ql)?://", url):
        raise UsageError(f"The county store address {without_password(url)!r} is not a "
                         f"postgresql:// URL.")
    return url


def save_url(store: Store, url: str) -> None:
    """Remember the address in the database, never its password."""
    with store.atomic():
        store.set_meta(SETTING, without_password(url))


def _keyring_password(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.password or not parts.username:
        return None
    try:
        import keyring  # type: ignore[import-not-found]  # optional: where it is installed
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, f"{parts.username}@{parts.hostname}")
    except Exception:  # a keyring without a back end: fall back to pgpass, saying nothing
        return None
    return str(found) if found else None


@contextlib.contextmanager
def county_connection(url: str) -> Iterator[psycopg.Connection]:
    """An open connection to a checked county store; every failure is one sentence (Offline when the
    server cannot be reached)."""
    try:
        import psycopg
    except ImportError as error:
        raise VfkError("psycopg is not installed, so the county store cannot be reached; "
                       "reinstall vfk_desktop.") from error
    extra: dict[str, Any] = {}
    password = _keyring_password(url)
    if password:
        extra["password"] = password
    try:
        conn = psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S,
                               application_name="vfk_desktop", autocommit=True, **extra)
    except psycopg.Error as error:
        raise connection_failure(url, error) from None
    try:
        # the schema module lists the store's migrations: loaded with the first connection, not at
        # the window's start (which reads only this module's names for the county status)
        from vfk_desktop.county.schema import check_version

        check_version(conn, where(url))
        yield conn
    finally:
        conn.close()


def connection_failure(url: str, error: Exception) -> VfkError:
    """One sentence for a failed connection, with no password in it."""
    text = str(error)
    place = where(url)
    user = urlsplit(url).username or "your user"
    if "password authentication failed" in text:
        return VfkError(f"The county store at {place} refused the password for {user}; check the "
                        f"password in your keyring or pgpass file.")
    if "no password supplied" in text or "fe_sendauth" in text:
        return VfkError(f"The county store at {place} asks for {user}'s password: put it in your "
                        f"keyring or pgpass file (it is never saved by vfk).")
    if re.search(r'database "[^"]*" does not exist', text):
        return VfkError(f"There is no database {urlsplit(url).path.lstrip('/')!r} on the county "
                        f"store's server at {urlsplit(url).hostname}; check the address.")
    if re.search(r'role "[^"]*" does not exist', text):
        return VfkError(f"The county store at {place} has no role {user}; the county's IT makes one "
                        f"for each district.")
    if "invalid" in text and ("URI" in text or "connection option" in text or "dsn" in text):
        return UsageError(f"The county store address {without_password(url)!r} cannot be read as "
                          f"a postgresql:// URL.")
    return Offline(f"The county store at {place} cannot be reached ({_reason(text)}); you can keep "
                   f"working offline and publish or pull later.")


def _reason(text: str) -> str:
    for pattern, reason in ((r"Connection refused", "no server answers there"),
                            (r"timeout expired|timed out", "no answer in time"),
                            (r"could not translate host name|Name or service not known",
                             "the server's name is unknown; are you on the council network?"),
                            (r"Network is unreachable|No route to host", "the network is down"),
                            (r"terminat|server closed the connection", "the server closed the "
                                                                       "connection")):
        if re.search(pattern, text, re.IGNORECASE):
            return reason
    first = text.strip().splitlines()[0] if text.strip() else "no reason given"
    return re.sub(r"password=\S+", "password=…", first)
