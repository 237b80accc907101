"""A source file's model: the source, its mentions, and one section per curated table.

Built from the table registry, so that a table declared there with an
annotation model (in `format`) is a section of every source file with no
other edit.
"""

from __future__ import annotations

from types import GenericAlias
from typing import Any

from pydantic import create_model, model_validator

from ..schema import registry
from . import format as annotation_models
from .format import Evidence, SourceMeta, _Strict


class SourceFileBase(_Strict):
    """What every source file holds besides its records: the source and its mentions.

    The record sections (`events:`, `statements:` ...) are added to `SourceFile`
    from the table registry, one list per curated table, in the registry's order.
    """

    source: SourceMeta
    mentions: dict[str, Evidence] = {}

    @model_validator(mode="before")
    @classmethod
    def _empty_sections(cls, data: Any) -> Any:
        # `statements:` with every item still commented out is an empty section, not an error.
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        return {
            key: type(fields[key].default)()
            if value is None and key in fields and isinstance(fields[key].default, (list, dict))
            else value
            for key, value in data.items()
        }


def _source_file() -> type[SourceFileBase]:
    sections: dict[str, Any] = {
        str(t.section): (GenericAlias(list, (getattr(annotation_models, str(t.annotation)),)), [])
        for t in registry.sections()
    }
    return create_model(
        "SourceFile",
        __base__=SourceFileBase,
        __module__=__name__,
        __doc__="One `<source_id>.yaml`: the source, its mentions and its records.",
        **sections,
    )


SourceFile = _source_file()
