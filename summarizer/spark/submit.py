"""The batch as a ``spark-submit`` application (the master and resources come from spark-submit):

    spark-submit --master yarn "$(python -c 'import summarizer.spark.submit as m; print(m.__file__)')" \\
        hdfs:///news/articles.parquet hdfs:///news/records.parquet --options '{"max_chars": 120}'

Exit status 2 for bad arguments or options, 1 for unusable input (unknown extension, no ``text``
column); a bad record never fails the job, it gets an error record.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence

from summarizer.options import Options, OptionsError

EXIT_DATA_ERROR = 1  # argparse itself exits with 2 on usage errors


def main(argv: Sequence[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(prog="summarizer-spark", description=(__doc__ or "").split("\n\n")[0])
    arguments.add_argument("input_path", metavar="IN", help="a .jsonl file or a .parquet file or directory")
    arguments.add_argument("output_path", metavar="OUT", help=".jsonl (one file, on the driver) or .parquet")
    arguments.add_argument("--pages", action="store_true", help="each record's text is a newspaper page")
    arguments.add_argument("--options", default="{}", help="analysis options as a JSON object")
    namespace = arguments.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        values = json.loads(namespace.options)
        if not isinstance(values, dict):
            raise OptionsError("options", "must be a JSON object")
        options = Options.from_mapping(values)
    except ValueError as error:  # bad JSON or an OptionsError
        arguments.error(f"--options: {error}")
    from summarizer.spark import run_batch

    try:
        run_batch(
            namespace.input_path, namespace.output_path, options=options, pages=namespace.pages, master=None
        )
    except ValueError as error:
        arguments.exit(EXIT_DATA_ERROR, f"{arguments.prog}: error: {error}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
