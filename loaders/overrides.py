"""Hand corrections of entity resolution, applied when loading.

An overrides file (TOML) joins entities the rules keep apart and splits those they join:

    [[same_as]]                      # these IRI paths are one entity: the first one
    ids = ["person/nguyen-van-a--bac-kan", "person/nguyen-van-a--thai-nguyen"]

    [[distinct]]                     # in this article, this name is this entity
    article = "a-3f2a9c41d0b7"
    name = "Nguyễn Văn A"
    id = "person/nguyen-van-a--bac-kan-2"

>>> o = Overrides.parse('[[same_as]]\\nids = ["person/a", "person/b"]', "x.toml")
>>> o.canonical("person/b")
'person/a'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from vnkg.loaders.errors import LoadError

from vnkg.text import canonical


@dataclass
class Overrides:
    """Same-as and distinct corrections, by IRI path (the part after the base IRI)."""

    same_as: dict[str, str] = field(default_factory=dict)
    distinct: dict[tuple[str, str], str] = field(default_factory=dict)

    def canonical(self, path: str) -> str:
        return self.same_as.get(path, path)

    def distinct_for(self, article_id: str, name: str) -> str | None:
        return self.distinct.get((article_id, canonical(name).lower()))

    @classmethod
    def parse(cls, text: str, source: str) -> Overrides:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise LoadError(source, f"overrides are not valid TOML: {err}") from None
        result = cls()
        for index, group in enumerate(data.get("same_as", [])):
            ids = group.get("ids") if isinstance(group, dict) else None
            if not isinstance(ids, list) or len(ids) < 2 or not all(isinstance(i, str) for i in ids):
                raise LoadError(source, f"same_as[{index}]: 'ids' must list two or more IRI paths")
            for alias in ids[1:]:
                result.same_as[alias] = ids[0]
        for index, entry in enumerate(data.get("distinct", [])):
            if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str)
                                                      for k in ("article", "name", "id")):
                raise LoadError(source, f"distinct[{index}]: needs 'article', 'name' and 'id' strings")
            result.distinct[(entry["article"], canonical(entry["name"]).lower())] = entry["id"]
        return result

    @classmethod
    def load(cls, path: Path | None) -> Overrides:
        """The overrides in a file, or none where there is no file."""
        if path is None or not path.exists():
            return cls()
        return cls.parse(path.read_text(encoding="utf-8"), str(path))
