"""A throwaway PostgreSQL cluster for the county store's tests and benchmark: a real server.

initdb refuses to run as root, so as root the cluster belongs to a system user made for it (vfkpg).
The cluster lives in a temporary folder, listens on a unix socket there and on a localhost port, and
is stopped and removed at the end.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
CLUSTER_USER = "vfkpg"
SUPERUSER = "vfk_admin"


def postgres_bin(name: str) -> str:
    for folder in BIN_FOLDERS:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_cluster_user() -> list[str]:
    """The prefix that runs a command as the cluster's owner: nothing unless we are root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(CLUSTER_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        CLUSTER_USER], check=True)
    return ["runuser", "-u", CLUSTER_USER, "--"]


@dataclass
class Cluster:
    folder: Path
    port: int
    prefix: list[str]
    pgpass: Path | None = None  # the pgpass file its roles' passwords go in (tests/county)

    @property
    def socket_dir(self) -> Path:
        return self.folder / "sock"

    def url(self, user: str = SUPERUSER, database: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        subprocess.run([*self.prefix, postgres_bin("pg_ctl"), "-D", str(self.folder / "data"), "-w",
                        "-l", str(self.folder / "server.log"), "-o",
                        f"-k {self.socket_dir} -p {self.port} -c listen_addresses=127.0.0.1 "
                        f"-c fsync=off", "start"], check=True, stdout=subprocess.DEVNULL)

    def stop(self) -> None:
        subprocess.run([*self.prefix, postgres_bin("pg_ctl"), "-D", str(self.folder / "data"), "-w",
                        "-m", "fast", "stop"], check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """A new cluster whose superuser vfk_admin logs in over TCP with password "admin"."""
    prefix = _as_cluster_user()
    folder = Path(tempfile.mkdtemp(prefix="vfk-pg-"))
    try:
        folder.chmod(0o755)
        (folder / "sock").mkdir()
        if prefix:
            shutil.chown(folder, CLUSTER_USER)
            shutil.chown(folder / "sock", CLUSTER_USER)
        secret = folder / "pw"
        secret.write_text("admin\n")
        secret.chmod(0o644)
        subprocess.run([*prefix, postgres_bin("initdb"), "-D", str(folder / "data"), "-U", SUPERUSER,
                        "--pwfile", str(secret), "-A", "scram-sha-256", "-E", "UTF8",
                        "--locale", "C"], check=True, stdout=subprocess.DEVNULL)
        cluster = Cluster(folder, _free_port(), prefix)
        cluster.start()
        try:
            yield cluster
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_county_store(cluster: Cluster, database: str, pgpass: Path) -> None:
    """A county store as the county's IT makes it, each writer role's password "secret-ROLE" in
    pgpass (the file libpq reads; point PGPASSFILE at it)."""
    import psycopg

    from vfk_desktop.county.schema import apply_migrations

    with psycopg.connect(cluster.url(password="admin"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    with psycopg.connect(cluster.url(database=database, password="admin")) as owner:
        apply_migrations(owner)
        roles = [name for (name,) in owner.execute("SELECT role_name FROM vfk.writers")]
        for role in roles:
            owner.execute(f'ALTER ROLE "{role}" PASSWORD \'secret-{role}\'')
        owner.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                      "'vfk_analyst') THEN CREATE ROLE vfk_analyst LOGIN PASSWORD "
                      "'secret-vfk_analyst'; END IF; END $$")
        owner.execute("GRANT vfk_reader TO vfk_analyst")
        roles.append("vfk_analyst")
    lines = [f"127.0.0.1:{cluster.port}:*:{role}:secret-{role}" for role in roles]
    lines.append(f"127.0.0.1:{cluster.port}:*:{SUPERUSER}:admin")
    existing = pgpass.read_text().splitlines() if pgpass.exists() else []
    pgpass.write_text("\n".join(dict.fromkeys([*existing, *lines])) + "\n")
    pgpass.chmod(0o600)


def role_of(district: str) -> str:
    return "vfk_county" if district == "Kent" else "vfk_" + district.lower().replace(" ", "_")
