"""The log records what was done to the database (imports, undo, restore, refusals), never a figure."""

from __future__ import annotations

import json

from tests.conftest import run_cli

SECRET_VALUE = "98765.4321"
SECRET_TEXT = "Confidential partner remark"


def test_the_log_names_actions_and_files_but_holds_no_values(sample_db, tmp_path):
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    good = tmp_path / "dover.csv"
    good.write_text(f"District,NI,Period,Value,Commentary\nDover,NI 39,2009/10,{SECRET_VALUE},"
                    f"{SECRET_TEXT}\n", encoding="utf-8")
    bad = tmp_path / "broken.csv"
    bad.write_text(f"District,NI,Period,Value\nDover,NI 39,2009/10,{SECRET_TEXT}\n", encoding="utf-8")

    done = run_cli("import", str(good), "--json", db=sample_db, env=env)
    assert done.returncode == 0, done.stderr
    import_id = json.loads(done.stdout)["import_id"]
    assert run_cli("import", str(bad), db=sample_db, env=env).returncode == 1
    assert run_cli("fare", "--locality", "Atlantis", db=sample_db, env=env).returncode == 1
    assert run_cli("undo", str(import_id), db=sample_db, env=env).returncode == 0
    backups = json.loads(run_cli("backups", "--json", db=sample_db, env=env).stdout)
    assert run_cli("restore", backups[-1]["file"], db=sample_db, env=env).returncode == 0

    logs = list((tmp_path / "state").rglob("vfk.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert f"import {import_id} into {sample_db}" in text and "dover.csv" in text
    assert "2 inserted" in text  # the figure and its commentary
    assert "import of broken.csv refused: 1 rows to fix" in text
    assert "vfk fare refused (UnknownLocality)" in text and "Atlantis" not in text
    assert f"undid import {import_id}" in text
    assert "restored " in text
    assert SECRET_VALUE not in text and SECRET_TEXT not in text
    assert "98765" not in text
