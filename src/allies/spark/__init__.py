"""Running allies on a Spark cluster (optional extra: ``pip install 'allies[spark]'``).

* :func:`code_corpus` codes a corpus of articles (JSONL or Parquet with ``text``,
  ``title``, ``date``, ``url``, ``source``) on the executors with the same coder as
  ``allies code`` (:class:`allies.nlp.Coder`, loaded once per executor Python process)
  and writes Parquet in the allies event schema.
* :func:`import_gdelt` reads GDELT event files with Spark, maps them to allies events
  (the DuckDB importer's own mapping, code books and checks, run by Spark SQL), folds
  duplicates and writes Parquet.

Either output loads into a store with ``allies import events PATH``. pyspark is imported
only here, and only when one of these functions runs.
"""
from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..store.schema import SPARK_TYPES, event_columns, staged_columns

DEFAULT_MASTER = "local[*]"

# Columns of the Parquet files written here, with Spark SQL types: the allies event
# schema (allies.store.schema) as :mod:`allies.imports.events` reads it back, with the
# original file, line and folded duplicates as provenance.
EVENT_FIELDS = tuple(
    (name, SPARK_TYPES[kind]) for name, kind in event_columns()
    if name in staged_columns() or name in ("source_file", "source_row", "duplicates"))

_CODER: Any = None  # one coder per executor Python process (see _code_partition)


def require_pyspark() -> Any:
    """The pyspark module, or a one-line InputError saying how to get it."""
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError("Spark engine needs pyspark: pip install 'allies[spark]' (and Java 17+)") from None
    return SparkSession


def session(master: str = DEFAULT_MASTER, app: str = "allies") -> Any:
    """A SparkSession on ``master`` that can import allies on its executors."""
    SparkSession = require_pyspark()
    package_root = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    builder = (
        SparkSession.builder.master(master).appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # Unparsable values become NULL and the row is dropped, as in the DuckDB importer.
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.executorEnv.PYTHONPATH", python_path)
    )
    if master.startswith("local"):
        # Local executors run this very Python, which has allies and its coder (on a
        # cluster, PYSPARK_PYTHON names the executors' Python).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "2g")
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # Java missing, master unreachable, ...
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"cannot start Spark on {master}: {first}") from None
    if not master.startswith("local"):
        _ship_package(spark)
    return spark


def _ship_package(spark: Any) -> None:
    """Send the allies package (code and data files) to the executors of a cluster."""
    root = Path(__file__).resolve().parents[1]
    target = Path(tempfile.mkdtemp(prefix="allies-spark-")) / "allies.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in root.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, Path("allies") / path.relative_to(root))
    spark.sparkContext.addPyFile(str(target))


def _schema() -> Any:
    from pyspark.sql.types import _parse_datatype_string

    return _parse_datatype_string(", ".join(f"{name}: {kind}" for name, kind in EVENT_FIELDS))


# -- coding a corpus ----------------------------------------------------------------

DEFAULT_CODER = "allies.nlp:Coder"


def _executor_coder(spec: str = DEFAULT_CODER) -> Any:
    """The executor's coder, built once from ``spec`` ("module:callable")."""
    global _CODER
    if _CODER is None or _CODER[0] != spec:
        from importlib import import_module

        module, _, name = spec.partition(":")
        _CODER = (spec, getattr(import_module(module), name or "Coder")())
    return _CODER[1]


def _event_record(event: Any, doc: Any) -> dict[str, Any]:
    import datetime as dt

    def actor(value: Any, field: str) -> Any:
        return getattr(value, field, None) if value is not None else None

    date = event.date or doc.date
    try:
        day = dt.date.fromisoformat(str(date)[:10]) if date else None
    except ValueError:
        day = None
    cameo = event.cameo
    return {
        "origin": "coded", "external_id": None, "story_id": doc.url, "date": day,
        "source_text": actor(event.source, "text"), "source_code": actor(event.source, "code"),
        "source_country": actor(event.source, "country"), "source_sector": actor(event.source, "sector"),
        "target_text": actor(event.target, "text"), "target_code": actor(event.target, "code"),
        "target_country": actor(event.target, "country"), "target_sector": actor(event.target, "sector"),
        "cameo": cameo, "cameo_root": (cameo or "")[:2] or None, "plover": event.plover, "quad": event.quad,
        "goldstein": float(event.goldstein) if event.goldstein is not None else None,
        "negated": bool(event.negated), "modality": event.modality,
        "speaker_text": actor(event.speaker, "text"), "speaker_code": actor(event.speaker, "code"),
        "speaker_country": actor(event.speaker, "country"),
        "confidence": float(event.confidence) if event.confidence is not None else None,
        "trigger": event.trigger, "url": doc.url, "geo_country": None, "geo_name": None,
        "latitude": None, "longitude": None, "sentence_index": int(event.sentence_index),
        "source_file": doc.path, "source_row": None, "duplicates": 0,
    }


def _code_partition(rows: Iterable[Any], coder_spec: str = DEFAULT_CODER) -> Iterator[tuple]:
    """Code one partition of articles on an executor (the coder is loaded once per
    executor process and reused by every partition it runs)."""
    from ..model import Document

    coder = _executor_coder(coder_spec)
    names = [name for name, _ in EVENT_FIELDS]

    def documents() -> Iterator[Any]:
        for row in rows:
            text = row["text"]
            if not text or not str(text).strip():
                continue
            yield Document(text=str(text), title=row["title"], date=row["date"], source=row["source"],
                           url=row["url"], path=row["path"])

    for coded in coder.code_documents(documents()):
        for event in coded.events:
            record = _event_record(event, coded.document)
            yield tuple(record.get(name) for name in names)  # columns coding leaves empty are NULL


def _read_articles(spark: Any, input_path: str) -> Any:
    from pyspark.sql import functions as F

    path = str(input_path)
    is_parquet = path.rstrip("/").endswith(".parquet") or (
        Path(path).is_dir() and any(p.suffix == ".parquet" for p in Path(path).iterdir()))
    try:
        frame = spark.read.parquet(path) if is_parquet else spark.read.json(path)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"cannot read articles from {path}: {first}") from None
    if "text" not in frame.columns:
        raise InputError(f"{path}: articles need a 'text' column (found: {', '.join(frame.columns) or 'none'})")
    columns = []
    for name in ("text", "title", "date", "url", "source"):
        columns.append(F.col(name).cast("string").alias(name) if name in frame.columns
                       else F.lit(None).cast("string").alias(name))
    columns.append(F.input_file_name().alias("path"))
    return frame.select(*columns)


def code_corpus(input_path: str | os.PathLike, output_path: str | os.PathLike,
                master: str = DEFAULT_MASTER, spark: Any = None, coder: str = DEFAULT_CODER) -> int:
    """Code the articles in ``input_path`` (JSONL or Parquet) on Spark and write their
    events as Parquet to ``output_path`` (a folder, replaced); returns the event count.

    ``coder`` names the coder class the executors build ("module:callable", default
    :class:`allies.nlp.Coder`); it must be importable there."""
    spark = spark or session(master, "allies code")
    articles = _read_articles(spark, str(input_path))
    spec = str(coder)
    events = articles.rdd.mapPartitions(lambda rows: _code_partition(rows, spec))
    frame = spark.createDataFrame(events, schema=_schema())
    frame.write.mode("overwrite").parquet(str(output_path))
    return spark.read.parquet(str(output_path)).count()


# -- importing GDELT ----------------------------------------------------------------

def _register_code_books(spark: Any) -> None:
    """The DuckDB importer's code books the GDELT mapping joins, as temporary views of
    the same names (small: Spark broadcasts them in the joins)."""
    from ..imports.codes import code_books, spark_schema
    from ..imports.gdelt import JOINED_BOOKS

    books = code_books()
    for name in JOINED_BOOKS:
        columns, rows = books[name]
        spark.createDataFrame(list(rows), spark_schema(columns)).createOrReplaceTempView(name)


def _spark_inputs(paths: Iterable[str]) -> list[str]:
    """Local paths expanded like the DuckDB importer (zip archives cannot be read by
    Spark and are refused); cluster URLs (hdfs://, s3a://, ...) are passed through."""
    from ..imports.sources import expand_paths

    found: list[str] = []
    local = []
    for path in paths:
        if "://" in str(path):
            found.append(str(path))
        else:
            local.append(path)
    for path in expand_paths(local) if local else []:
        if path.suffix.lower() == ".zip":
            raise InputError(f"{path}: Spark cannot read zip archives; unzip it or recompress with gzip")
        found.append(str(path.resolve()))
    return found


def import_gdelt(paths: Iterable[str | os.PathLike], output_path: str | os.PathLike,
                 master: str = DEFAULT_MASTER, spark: Any = None) -> dict[str, int]:
    """Map GDELT 1.0/2.0 event files to allies events with Spark, fold duplicates (same
    date, actor codes, event code and URL) and write Parquet to ``output_path``.
    Lines with a wrong column count, and rows the DuckDB importer rejects (no or a bad
    date, no event code, a non-numeric Goldstein score or coordinate), are skipped. Returns counts: ``events`` written, ``rows`` read, ``duplicates`` folded,
    ``skipped`` lines."""
    from pyspark.sql import functions as F

    spark = spark or session(master, "allies import gdelt")
    files = _spark_inputs([str(p) for p in paths])
    if not files:
        raise InputError("no GDELT files to import")
    raw = _numbered_lines(spark, files)
    events = _gdelt_events(spark, _gdelt_fields(raw))
    out = _fold_gdelt_duplicates(events)
    out.write.mode("overwrite").parquet(str(output_path))
    written = spark.read.parquet(str(output_path)).agg(
        F.count(F.lit(1)).alias("events"), F.sum("duplicates").alias("duplicates")).collect()[0]
    rows = raw.count()  # a line count: cheap next to the mapping
    events, duplicates = int(written["events"]), int(written["duplicates"] or 0)
    return {"events": events, "rows": rows, "duplicates": duplicates, "skipped": rows - events - duplicates}


def _numbered_lines(spark: Any, files: list[str]) -> Any:
    """The files' lines as a DataFrame (line, source_row, source_file) with each line's
    tab-separated fields (``f``) and their count (``width``)."""
    from pyspark.sql import functions as F

    # Line numbers: zipWithIndex over each file's lines, in file order.
    frames = []
    for file in files:
        lines = spark.read.text(file).rdd.zipWithIndex().map(lambda pair: (pair[0][0], pair[1] + 1, file))
        frames.append(spark.createDataFrame(lines, "line string, source_row long, source_file string"))
    raw = frames[0]
    for frame in frames[1:]:
        raw = raw.unionByName(frame)
    return raw.withColumn("f", F.split(F.col("line"), "\t", -1)).withColumn("width", F.size("f"))


def _gdelt_fields(raw: Any) -> Any:
    """Lines of a GDELT width (57, 58 or 61 columns) as named columns; empty fields are null."""
    from pyspark.sql import functions as F

    from ..imports.gdelt import columns_for

    positions = {width: {name: i for i, name in enumerate(columns_for(width))} for width in (57, 58, 61)}

    def field(name: str) -> Any:
        parts = [F.when(F.col("width") == width, F.col("f").getItem(index[name]))
                 for width, index in positions.items() if name in index]
        value = F.coalesce(*parts) if len(parts) > 1 else parts[0]
        return F.when(value == "", F.lit(None)).otherwise(value)

    names = sorted({n for index in positions.values() for n in index})
    return raw.where(F.col("width").isin(57, 58, 61)).select(
        "source_row", "source_file", *[field(n).alias(n) for n in names])


def _gdelt_events(spark: Any, mapped: Any) -> Any:
    """The rows as allies events, without the rows the importer's checks reject."""
    from pyspark.sql import functions as F

    from ..imports.gdelt import JOINS
    from ..imports.gdelt import mapping as gdelt_mapping

    # The one GDELT mapping (allies.imports.gdelt), as the DuckDB importer runs it.
    _register_code_books(spark)
    mapped.createOrReplaceTempView("allies_gdelt_rows")
    expressions, checks = gdelt_mapping("spark")
    selected = ", ".join(f"{sql} AS {column}" for column, sql in expressions.items())
    skipped = " OR ".join(f"coalesce({condition}, false)" for condition, _ in checks)
    events = spark.sql(f"SELECT {selected}, r.source_file AS source_file, r.source_row AS source_row "
                       f"FROM allies_gdelt_rows r {JOINS} WHERE NOT ({skipped})")
    # columns of the event schema a dataset has no value for (the coder's version, model and rule)
    return events.select("*", *[F.lit(None).cast(kind).alias(name) for name, kind in EVENT_FIELDS
                                if name not in events.columns])


def _fold_gdelt_duplicates(events: Any) -> Any:
    """One event per fold key, keeping the first in file order and counting the rest as
    ``duplicates``; columns in the event schema's order and types."""
    from pyspark.sql import functions as F

    from ..imports.runner import GDELT_FOLD_KEY

    key = list(GDELT_FOLD_KEY)
    rest = [name for name, _ in EVENT_FIELDS if name not in key and name != "duplicates"]
    folded = events.groupBy(*key).agg(
        (F.count(F.lit(1)) - 1).cast("int").alias("duplicates"),
        F.min_by(F.struct(*rest), F.struct("source_file", "source_row")).alias("kept"),
    )
    out = folded.select(*[F.col(name) if name in key or name == "duplicates" else F.col(f"kept.{name}")
                          for name, _ in EVENT_FIELDS])
    return out.select(*[F.col(name).cast(kind).alias(name) for name, kind in EVENT_FIELDS])
