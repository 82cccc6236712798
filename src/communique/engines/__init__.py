"""Where extraction runs: in this process, on local worker processes, or on Ray.

The pipeline itself (:class:`communique.pipeline.Extractor`) is the same
everywhere; an engine only decides how documents reach it, so a cluster run
gives the same records as a laptop run.

- :func:`communique.engines.local.extract_parallel` — local process pool (default).
- :mod:`communique.engines.ray_engine` — Ray Data, optional extra ``communique[ray]``.
- :func:`communique.engines.sources.read_sources` — every input kind (files, WARC,
  feeds, URL lists, Parquet, fsspec URLs) as one stream of documents.
"""
from communique.engines.local import extract_parallel  # noqa: F401
