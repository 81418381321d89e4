"""The extractor: raw Vietnamese article text -> a facts/1 document.

One small module a stage: `clean` (page furniture, HTML, NFC), `sentences`, `dates`, `places`
(provinces by the gazetteer), `people` (names and posts), `blocs`, `events`, `roles`, `awards`,
and `article`, which runs them in order.
"""

from vnkg.loaders.extract.article import article_id, extract_article

__all__ = ["article_id", "extract_article"]
