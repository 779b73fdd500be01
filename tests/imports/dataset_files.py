"""Writers for small dataset files in each dataset's documented layout (test fixtures)."""
from __future__ import annotations

import csv
from pathlib import Path

from allies.imports.gdelt import columns_for


def gdelt_line(width: int = 61, **values: str) -> str:
    """One GDELT event line with ``width`` columns; unnamed columns are empty."""
    names = columns_for(width)
    defaults = {
        "GlobalEventID": "1", "Day": "20150301", "MonthYear": "201503", "Year": "2015",
        "FractionDate": "2015.1644", "Actor1Code": "RUSGOV", "Actor1Name": "RUSSIA",
        "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV", "Actor2Code": "AZEGOV",
        "Actor2Name": "AZERBAIJAN", "Actor2CountryCode": "AZE", "Actor2Type1Code": "GOV",
        "IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04",
        "QuadClass": "1", "GoldsteinScale": "1.9", "NumMentions": "2", "NumSources": "1",
        "NumArticles": "2", "AvgTone": "1.5", "ActionGeo_Type": "4",
        "ActionGeo_FullName": "Baku, Baki, Azerbaijan", "ActionGeo_CountryCode": "AJ",
        "ActionGeo_Lat": "40.3953", "ActionGeo_Long": "49.8822", "DATEADDED": "20150301",
        "SOURCEURL": "https://news.example.net/russia-azerbaijan-visit",
    }
    defaults.update(values)
    return "\t".join(defaults.get(name, "") for name in names)


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def write_table(path: Path, header: list[str], rows: list[list[str]], delimiter: str = "\t") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE)
        writer.writerow(header)
        writer.writerows(rows)
    return path
