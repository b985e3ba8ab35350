import pytest

from tests.store.test_imports import dump
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.io.readers.sheets import ImportCancelled
from vfk_desktop.store.imports import import_context


def big_csv(tmp_path, rows=30_000):
    lines = ["District,NI,Period,Value"]
    districts = ["Ashford", "Dover", "Swale", "Thanet", "Maidstone", "Sevenoaks"]
    for n in range(rows):
        year = 1990 + n // (len(districts) * 50)
        lines.append(f"{districts[n % 6]},NI {1 + (n // 6) % 50},{year}/{(year + 1) % 100:02d},{n}")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_progress_rises_to_the_end(empty_store, tmp_path):
    seen = []
    ctx = import_context(empty_store, add_indicators=False)
    ctx.indicators.update({f"NI {n}": f"Indicator {n}" for n in range(1, 51)})
    plan = plan_import([big_csv(tmp_path)], ctx, progress=lambda f, _: seen.append(f))
    assert not plan.rejected and len(plan.figures) == 30_000
    assert len(seen) > 3 and seen == sorted(seen) and seen[-1] == 1.0


def test_cancel_stops_the_reading_and_nothing_is_written(empty_store, tmp_path):
    before = dump(empty_store)
    reports = []

    def cancelled():
        return len(reports) >= 2

    with pytest.raises(ImportCancelled, match="cancelled; nothing was written"):
        plan_import([big_csv(tmp_path)], import_context(empty_store),
                    progress=lambda f, _: reports.append(f), cancelled=cancelled)
    assert reports[-1] < 1.0
    assert dump(empty_store) == before
