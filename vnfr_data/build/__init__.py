"""The build: annotations -> claims -> merged rows -> typed Arrow tables."""

from .assemble import BuildResult, build_tables

__all__ = ["BuildResult", "build_tables"]
