"""Regenerate the sample CSV files in this folder (deterministic: the same files every time).

    python sample_data/make_sample.py

Tunbridge Wells' latest figures, the Kent targets and the stated Kent best and worst are the
figures of the Tunbridge Wells LSP presentation ("How does Tunbridge Wells fare in Kent?").
Everything else is illustrative: the other 11 districts are placed so that the best and worst the
app works out equal the presentation's; earlier periods and Kent's own figures are invented.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
TW = "Tunbridge Wells"
DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", TW]

# The presentation's rows: code, title as printed, period, TW, Kent target, Kent best, Kent worst,
# polarity (for placing the other districts), decimals, whether the Kent figure is a sum (counts).
SEED = [
    ("NI 21", "Dealing with concerns about ASB (percentage people confident)",
     "2008/09", "24", "37.7", "27.7", "20.6", "higher", 1, False),
    ("NI 39", "Hospital admissions for alcohol related harm per 100,000 population",
     "2008/09", "1,212", "1,212", "1,009", "1,798", "lower", 0, False),
    ("NI 111", "First time entrants to YOS per 1,000 population",
     "2008/09", "8", "15.6", "8", "20", "lower", 1, False),
    ("NI 155", "Affordable housing units delivered",
     "2008/09", "100", "N/a", "380", "30", "higher", 0, True),
    ("NI 163", "Percentage of working age population with a Level 2 qualification",
     "2008", "70.9", "75.6", "77.6", "58.7", "higher", 1, False),
    ("NI 47", "Road safety KSI - per 10,000 population",
     "2008", "5.1", "4.6", "1.9", "6.2", "lower", 1, False),
    ("NI 152", "Percentage of working age population on out of work benefits",
     "2008/09", "7.4", "N/a", "6.3", "17.1", "lower", 1, False),
    ("NI 154", "Additional housing units completed",
     "2008/09", "411", "N/a", "965", "269", "higher", 0, True),
    ("NI 186", "Per capita carbon emissions (tonnes) in local area",
     "2007", "6.5", "6.5", "5.1", "8.1", "lower", 1, False),
    ("NI 189", "Flood and coastal erosion",
     "2008/09", "100", "90", "100", "87", "higher", 0, False),
    ("NI 198", "Percentage of children travelling to school by car",
     "2008/09", "27.8", "30.6", "27.8", "42.6", "lower", 1, False),
    ("NI 120f", "All age all cause mortality - females",
     "2008", "420", "458", "420", "568", "lower", 0, False),
    ("NI 120m", "All age all cause mortality - males",
     "2008", "585", "596", "513", "748", "lower", 0, False),
    ("NI 55", "Percentage of reception age children who are obese",
     "2008/09", "10.7", "9.7", "7.6", "10.8", "lower", 1, False),
    ("NI 159", "Supply of housing sites - as a percentage of plan for 5 years",
     "2008/09", "102%", "142%", "254%", "100%", "higher", 0, False),
    ("NI 187i", "Fuel poverty - percentage of households on benefits with low energy efficient "
     "house rating SAP<35", "2008/09", "21", "13", "13", "21", "lower", 0, False),
]
# Illustrative counts for the proportion and rate indicators: the same denominator for every
# district (so Kent's figure, their average, is also their total count over their total
# denominator), chosen so that count / denominator × multiplier gives back the value exactly.
DENOMINATORS = {  # code: (denominator, multiplier)
    "NI 21": (1_000, 100), "NI 163": (60_000, 100), "NI 152": (60_000, 100), "NI 55": (1_000, 100),
    "NI 198": (10_000, 100), "NI 187i": (3_000, 100), "NI 39": (100_000, 100_000),
    "NI 111": (10_000, 1_000), "NI 47": (100_000, 10_000), "NI 120f": (100_000, 100_000),
    "NI 120m": (100_000, 100_000),
}
TARGET_PERIOD = "2010/11"
RANKING_ROUND = "2009/10"

HIGH = ["NI 163", "NI 21", "NI 32", "NI 111", "NI 155", "NI 110", "NI 39", "NI 40"]
MEDIUM = ["NI 152", "NI 186", "NI 189", "NI 47", "NI 175", "NI 198", "NI 120", "NI 154"]
LOW = ["NI 55", "NI 159", "NI 162", "NI 187", "NI 8", "NI 11", "NI 16", "NI 20", "NI 30",
       "NI 112", "NI 117", "NI 123", "NI 136", "NI 151", "NI 161", "NI 167", "NI 171", "NI 188",
       "NI 191"]

LSP_PRIORITIES = [
    ("Safeguarding our environment", "1", "NI 186; NI 189; NI 188; NI 191"),
    ("Maintaining a thriving local economy", "1", "NI 152; NI 163; NI 171; NI 151"),
    ("Enabling people to take part in and enjoy leisure facilities", "2; 3", "NI 110; NI 8; NI 11"),
    ("Maintaining community safety and reducing fear of crime", "3",
     "NI 21; NI 32; NI 111; NI 16; NI 20"),
    ("Transport – getting around the borough", "1", "NI 47; NI 175; NI 198; NI 167"),
    ("Meeting the need for housing", "2", "NI 154; NI 155; NI 159"),
    ("Promoting health and improving well-being", "2", "NI 39; NI 40; NI 120; NI 55; NI 123"),
    ("Encouraging social inclusion by supporting independence", "2; 3", "NI 136; NI 187"),
    ("Learning for all", "1; 2", "NI 161; NI 162; NI 117; NI 163"),
]

COMMENTARY = {
    "NI 21": "Illustrative: confidence fell after two high-profile incidents in the town centre; "
             "the Community Safety Partnership is reviewing how it reports action on ASB.",
    "NI 39": "Illustrative: admissions match the Kent target; the alcohol liaison nurse post at "
             "the hospital is funded to March 2011.",
    "NI 163": "Illustrative: below target; the LSP's skills group is working with West Kent College "
              "on Level 2 provision for adults in work.",
}


def number(text: str) -> float:
    return float(text.replace(",", "").replace("%", ""))


def earlier_periods(period: str, count: int = 2) -> list[str]:
    """The count periods before period, newest first ("2008/09" -> "2007/08", "2006/07")."""
    if "/" in period:
        year = int(period[:4])
        return [f"{y}/{(y + 1) % 100:02d}" for y in range(year - 1, year - 1 - count, -1)]
    return [str(int(period) - k) for k in range(1, count + 1)]


def counts_of(code: str, value: float) -> list[object]:
    """[count, denominator] for a proportion or rate indicator, else two blanks."""
    if code not in DENOMINATORS:
        return ["", ""]
    denominator, multiplier = DENOMINATORS[code]
    count = round(value * denominator / multiplier)
    assert abs(count / denominator * multiplier - value) < 1e-9, (code, value)
    return [count, denominator]


def place_districts(rng: random.Random, tw: float, best: float, worst: float,
                    decimals: int) -> dict[str, float]:
    """Twelve values whose best and worst are exactly best and worst, Tunbridge Wells' given."""
    low, high = sorted((best, worst))
    step = 10 ** -decimals
    values = {TW: tw}
    others = [d for d in DISTRICTS if d != TW]
    rng.shuffle(others)
    ends = [e for e in (best, worst) if abs(e - tw) > step / 2]
    for district, end in zip(others, ends, strict=False):
        values[district] = end
    for district in others[len(ends):]:
        while True:
            candidate = round(rng.uniform(low + step, high - step), decimals)
            if low < candidate < high:
                values[district] = candidate
                break
    return values


def drift(rng: random.Random, value: float, decimals: int, spread: float,
          cap: float | None) -> float:
    moved = round(value * (1 + rng.uniform(-spread, spread)), decimals)
    return min(moved, cap) if cap is not None else moved


def show(value: float, decimals: int, percent: bool) -> str:
    text = f"{value:.{decimals}f}"
    return f"{text}%" if percent else text


def main() -> None:
    rng = random.Random(20100114)
    district_rows, seed_rows = [], []
    for code, title, period, tw, target, best, worst, _polarity, decimals, is_count in SEED:
        percent = tw.endswith("%")
        cap = 100.0 if code == "NI 189" else None  # a percentage of actions cannot pass 100
        latest = place_districts(rng, number(tw), number(best), number(worst), decimals)
        series = {period: latest}
        for back in earlier_periods(period):
            newer = list(series.values())[-1]
            series[back] = {d: drift(rng, v, decimals, 0.08, cap) for d, v in newer.items()}
        for when, values in series.items():
            for district in DISTRICTS:
                shown = tw if (district == TW and when == period) else show(
                    values[district], decimals, percent)
                comment = COMMENTARY.get(code, "") if (district == TW and when == period) else ""
                district_rows.append([district, code, when, shown, *counts_of(code, number(shown)),
                                      comment])
            total = sum(values.values())
            kent = total if is_count else round(total / len(values), decimals)
            kent_counts = ([sum(r[4] for r in district_rows[-len(DISTRICTS):]),
                            DENOMINATORS[code][0] * len(DISTRICTS)] if code in DENOMINATORS else ["", ""])
            district_rows.append(["Kent", code, when, show(kent, decimals, percent), *kent_counts, ""])
        seed_rows.append([TW, code, title, period, tw, target, TARGET_PERIOD, best, worst])

    write("kent_districts_sample.csv",
          ["District", "NI", "Period", "Value", "Count", "Denominator", "Commentary"], district_rows)
    write("tunbridge_wells_fare_in_kent.csv",
          ["District", "NI", "Indicator", "Year", "Value", "Kent target", "Target period",
           "Kent best", "Kent worst"], seed_rows)
    ranking = [[TW, code, band, RANKING_ROUND]
               for band, codes in (("High", HIGH), ("Medium", MEDIUM), ("Low", LOW))
               for code in codes]
    write("tunbridge_wells_ka2_priorities.csv", ["District", "NI", "Priority", "Ranking period"],
          ranking)
    write("tunbridge_wells_lsp_priorities.csv",
          ["District", "Position", "Priority", "Ambitions", "Indicators"],
          [[TW, n, *row] for n, row in enumerate(LSP_PRIORITIES, 1)])


def write(name: str, header: list[str], rows: list[list[object]]) -> None:
    with (HERE / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
