"""Who is at the keyboard, and on which computer: for the imports log, an export's author and the
note a window's lock leaves for a second window."""

from __future__ import annotations

import os


def current_user() -> str:
    import getpass

    try:
        return getpass.getuser()  # the login environment first, then the account database
    except Exception:  # no login name (some service accounts): still record who as "unknown"
        return "unknown"


def this_computer() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    if os.environ.get("COMPUTERNAME"):  # Windows: without importing socket at start-up
        return os.environ["COMPUTERNAME"]
    import socket

    return socket.gethostname()
