"""facts/1 -> RDF, by the model of docs/MODEL.md.

One article becomes three sets of triples: the *fact triples* (entities and fact nodes, stated once
in the facts graph whoever states them), the *statement triples* (an `rdf:Statement` for each
variant value it states, `id:statement/{hash}`, in the statements graph: the same node whichever
article states the same value) and the *article triples* (the article node, the
`prov:wasDerivedFrom` links of every node and statement it supports, evidence annotations with the
exact sentence).

>>> from vnkg.loaders.resolve import Minter
>>> doc = {"schema": "facts/1", "article": {"id": "a-1", "published": "2024-03-15"},
...        "people": [{"id": "p1", "name": "Nguyễn Văn An",
...                    "positions": [{"title": "Chủ tịch UBND tỉnh", "province": "Bắc Kạn"}]}]}
>>> mapped = map_article(doc, Minter("https://w3id.org/vnkg/id/"), "doc.json")
>>> mapped.graph
rdflib.term.URIRef('https://w3id.org/vnkg/id/graph/article/a-1')
>>> len(mapped.fact_triples) > 10 and len(mapped.article_triples) > 5
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node
from vnkg.graph.terms import to_oxigraph
from vnkg.loaders.resolve import BlocRef, BodyRef, Minter, PostRef

from vnkg import namespaces
from vnkg.namespaces import Terms
from vnkg.reference import Province
from vnkg.text import canonical, search_key

# The namespaces' terms made once (see `Terms`): the hot loops below read hundreds an article.
DCTERMS, FOAF, OA, ORG, PROV, RDF, RDFS, SCHEMA, VNKG, XSD = (
    Terms(namespace) for namespace in (namespaces.DCTERMS, namespaces.FOAF, namespaces.OA, namespaces.ORG,
                                       namespaces.PROV, namespaces.RDF, namespaces.RDFS, namespaces.SCHEMA,
                                       namespaces.VNKG, namespaces.XSD))

Triple = tuple[Node, Node, Node]
OxTriple = tuple[Any, Any, Any]
"""A triple of pyoxigraph terms."""

VARIANT_PREDICATES = frozenset({
    RDFS.label, SCHEMA.name, SCHEMA.location, VNKG.venue, VNKG.host, VNKG.period, VNKG.reviewsYear,
    VNKG.plansYear, VNKG.conferenceKind, VNKG.rank, VNKG.conferredByName, VNKG.awardName,
    VNKG.memberCount, VNKG.title,
})
"""Predicates whose values may differ between articles stating the same node."""

# rdflib's namespace attribute lookup is slow; the hot loops use these constants.
_TYPE, _STATEMENT = RDF.type, RDF.Statement
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_DERIVED_FROM = PROV.wasDerivedFrom

_ROLE = {"leader": VNKG.blocLeader, "deputy": VNKG.blocDeputy}
_PARTICIPATION = {"chair": VNKG.Chair, "speaker": VNKG.Speaker, "attendee": VNKG.Attendee}
_EVENT_CLASS = {"conference": VNKG.Conference, "signing": VNKG.PactSigning, "launch": VNKG.Launch}
_PERIOD = {"year": VNKG.PeriodYear, "half-year": VNKG.PeriodHalfYear, "quarter": VNKG.PeriodQuarter,
           "term": VNKG.PeriodTerm}
_STATUS = {"proposed": VNKG.Proposed, "conferred": VNKG.Conferred}
_STRENGTH = {"chair": 3, "speaker": 2, "attendee": 1}


# Names, keys, tokens, titles and dates recur across articles, and rdflib builds a literal slowly
# (~10 µs with its checks): literals are immutable, so the common ones are memoised.
_MEMO = 1 << 16


@lru_cache(maxsize=_MEMO)
def _vi(text: str) -> Literal:
    return Literal(canonical(text), lang="vi")


@lru_cache(maxsize=_MEMO)
def _plain(text: str) -> Literal:
    return Literal(text)


@lru_cache(maxsize=_MEMO)
def _date(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


_BOOLEANS = {True: Literal(True), False: Literal(False)}


@lru_cache(maxsize=_MEMO)
def _year(value: int) -> Literal:
    return Literal(f"{value:04d}", datatype=XSD.gYear)


def published_literal(value: str) -> Literal:
    """A published date at the precision the page gives: xsd:date, xsd:gYearMonth or xsd:gYear."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


def statement_iri(base_iri: str, s: URIRef, p: URIRef, o: Node) -> URIRef:
    """The statement node of one variant triple: the same IRI whichever article states it.

    Its last segment is the 24 hex digits of BLAKE2b (12 bytes) of the subject IRI, the predicate
    IRI and the object in N-Triples form, joined by U+001F.

    >>> statement_iri("https://w3id.org/vnkg/id/", URIRef("https://w3id.org/vnkg/id/person/a"),
    ...               URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("A", lang="vi"))
    rdflib.term.URIRef('https://w3id.org/vnkg/id/statement/c03aba817ea44dc2098b52be')
    """
    digest = hashlib.blake2b(f"{s}\x1f{p}\x1f{o.n3()}".encode(), digest_size=12).hexdigest()
    return URIRef(f"{base_iri}statement/{digest}")


def content_hash(doc: dict[str, Any]) -> str:
    """SHA-256 of the document's canonical JSON: the same facts give the same hash."""
    return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _parse_day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _conference_kind(event: dict[str, Any]) -> URIRef | None:
    if event.get("kind") != "conference":
        return None
    if event.get("reviews_year") is not None:
        return VNKG.MidTermReview if event.get("period") in ("half-year", "quarter") else VNKG.ReviewConference
    if event.get("plans_year") is not None:
        return VNKG.DeploymentConference
    return None


@dataclass
class MappedArticle:
    """The RDF of one article: what goes in its own graph and what goes in the facts graph."""

    article_id: str
    article: URIRef
    graph: URIRef
    content_hash: str
    article_triples: list[Triple] = field(default_factory=list)
    fact_triples: list[Triple] = field(default_factory=list)
    referenced: set[URIRef] = field(default_factory=set)
    """Reference-graph resources the article points to (provinces, award types, titles)."""
    statement_triples: list[Triple] = field(default_factory=list)

    @property
    def triples(self) -> tuple[list[Triple], list[Triple], list[Triple]]:
        """The article, fact and statement triples, in that order."""
        return self.article_triples, self.fact_triples, self.statement_triples

    @cached_property
    def oxigraph_triples(self) -> tuple[list[OxTriple], list[OxTriple], list[OxTriple]]:
        """The article, fact and statement triples as pyoxigraph terms, converted once: validating
        the article and writing it both use them (IRIs are memoised by `to_oxigraph`)."""
        ox = to_oxigraph
        return tuple([(ox(s), ox(p), ox(o)) for s, p, o in triples]  # type: ignore[return-value]
                     for triples in self.triples)


class _Builder:
    """Accumulates one article's triples; knows which nodes it supports."""

    def __init__(self, minter: Minter, doc: dict[str, Any], source: str) -> None:
        self.minter = minter
        self.doc = doc
        self.source = source
        meta = doc["article"]
        self.article_id: str = meta["id"]
        self.article = URIRef(f"{minter.base}article/{self.article_id}")
        published = meta.get("published")
        self.published = published
        self.day = _parse_day(published) or (date(int(published[:4]), 12, 31) if published else None)
        self.out = MappedArticle(self.article_id, self.article,
                                 URIRef(f"{minter.base}graph/article/{self.article_id}"), content_hash(doc))
        self._facts: set[Triple] = set()
        self._art: set[Triple] = set()
        self._supported: set[URIRef] = set()
        self._statements: set[Triple] = set()
        self._evidence: dict[str, tuple[list[URIRef], date | None]] = {}

    # -- emitting -----------------------------------------------------------------------------
    def fact(self, s: URIRef, p: URIRef, o: Node | None) -> None:
        if o is None:
            return
        triple = (s, p, o)
        if triple not in self._facts:
            self._facts.add(triple)
            self.out.fact_triples.append(triple)
        if p in VARIANT_PREDICATES:
            self._statements.add(triple)
        if s not in self._supported:
            self._supported.add(s)
            self.art(s, _DERIVED_FROM, self.article)

    def art(self, s: Node, p: Node, o: Node | None) -> None:
        if o is None:
            return
        triple = (s, p, o)
        if triple not in self._art:
            self._art.add(triple)
            self.out.article_triples.append(triple)

    def evidence(self, node: URIRef, sentence: str | None, observed: date | None = None) -> None:
        """Record that a sentence states a node; one annotation per sentence quotes it (see finish)."""
        if not sentence:
            return
        nodes, seen = self._evidence.get(sentence, ([], None))
        if node not in nodes:
            nodes.append(node)
        if observed is not None and (seen is None or observed < seen):
            seen = observed
        self._evidence[sentence] = (nodes, seen)

    def _annotations(self) -> None:
        """One Web Annotation per quoted sentence: its bodies are every node the sentence states, its
        target selects the sentence in the article (oa:TextQuoteSelector with the exact text)."""
        for sentence, (nodes, observed) in self._evidence.items():
            digest = hashlib.sha1(sentence.encode()).hexdigest()[:12]  # noqa: S324
            ann = URIRef(f"{self.article}#ev-{digest}")
            target, selector = URIRef(f"{ann}-t"), URIRef(f"{ann}-s")
            self.art(ann, RDF.type, OA.Annotation)
            self.art(ann, OA.motivatedBy, OA.describing)
            for node in nodes:
                self.art(ann, OA.hasBody, node)
            self.art(ann, OA.hasTarget, target)
            self.art(target, RDF.type, OA.SpecificResource)
            self.art(target, OA.hasSource, self.article)
            self.art(target, OA.hasSelector, selector)
            self.art(selector, RDF.type, OA.TextQuoteSelector)
            self.art(selector, OA.exact, Literal(sentence))
            if observed is not None:
                self.art(ann, VNKG.observedOn, _date(observed))

    def finish(self) -> MappedArticle:
        self._annotations()
        statements = self.out.statement_triples
        for s, p, o in sorted(self._statements, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
            st = statement_iri(self.minter.base, s, p, o)
            statements += [(st, _TYPE, _STATEMENT), (st, _SUBJECT, s), (st, _PREDICATE, p), (st, _OBJECT, o)]
            self.art(st, _DERIVED_FROM, self.article)
        return self.out

    # -- resolution helpers -------------------------------------------------------------------
    def province(self, name: str, where: str, on: date | None = None) -> Province:
        unit = self.minter.province(name, on or self.day, self.source, where)
        self.out.referenced.add(self.minter.province_iri(unit))
        return unit

    def body(self, ref: BodyRef | None) -> URIRef | None:
        if ref is None:
            return None
        self.fact(ref.iri, RDF.type, ORG.Organization)
        self.fact(ref.iri, RDFS.label, _vi(ref.label))
        if ref.province is not None:
            self.fact(ref.iri, VNKG.province, self.minter.province_iri(ref.province))
        if ref.classification:
            self.fact(ref.iri, ORG.classification, VNKG[ref.classification])
        return ref.iri

    def unit(self, name: str, scope: Province | None, on: date | None) -> URIRef:
        """A bloc member or leading unit: a province where the gazetteer knows the name, else a body."""
        unit = self.minter.gazetteer.resolve(name, on or self.day)
        if unit is not None:
            iri = self.minter.province_iri(unit)
            self.out.referenced.add(iri)
            return iri
        iri = self.body(self.minter.organization(name, scope))
        assert iri is not None
        return iri


def map_article(doc: dict[str, Any], minter: Minter, source: str) -> MappedArticle:
    """The RDF of one checked facts/1 document (see loaders.documents.check_document)."""
    b = _Builder(minter, doc, source)
    _article(b, doc["article"])
    blocs = {bloc["id"]: _bloc(b, index, bloc) for index, bloc in enumerate(doc.get("blocs") or [])}
    event_days = _event_days(doc)
    people = {person["id"]: _person(b, index, person, event_days.get(person["id"]))
              for index, person in enumerate(doc.get("people") or [])}
    events = {event["id"]: _event(b, index, event, blocs, people)
              for index, event in enumerate(doc.get("events") or [])}
    for index, role in enumerate(doc.get("bloc_roles") or []):
        _bloc_role(b, index, role, blocs)
    for index, award in enumerate(doc.get("awards") or []):
        _award(b, index, award, people, events)
    return b.finish()


def _article(b: _Builder, meta: dict[str, Any]) -> None:
    a = b.article
    b.art(a, RDF.type, SCHEMA.NewsArticle)
    b.art(a, RDF.type, PROV.Entity)
    b.art(a, VNKG.articleId, Literal(meta["id"]))
    b.art(a, VNKG.contentHash, Literal(b.out.content_hash))
    if meta.get("title"):
        b.art(a, SCHEMA.headline, _vi(meta["title"]))
    if meta.get("published"):
        b.art(a, SCHEMA.datePublished, published_literal(meta["published"]))
    source = meta.get("source")
    if source:
        if source.startswith(("http://", "https://")):
            b.art(a, SCHEMA.url, Literal(source, datatype=XSD.anyURI))
        else:
            b.art(a, DCTERMS.source, Literal(source))


def _event_days(doc: dict[str, Any]) -> dict[str, date]:
    """The date of the first dated event each person took part in: when their posts were seen."""
    days: dict[str, date] = {}
    for event in doc.get("events") or []:
        day = _parse_day(event.get("date"))
        if day is None:
            continue
        for part in event.get("participants") or []:
            days.setdefault(part["person"], day)
    return days


def _bloc(b: _Builder, index: int, bloc: dict[str, Any]) -> BlocRef:
    where = f"/blocs/{index}"
    scope = b.province(bloc["province"], f"{where}/province") if bloc.get("province") else None
    ref = b.minter.bloc(bloc["name"], bloc.get("kind"), scope)
    b.fact(ref.iri, RDF.type, VNKG.EmulationBloc)
    b.fact(ref.iri, RDFS.label, _vi(bloc["name"]))
    b.fact(ref.iri, VNKG.blocKind, VNKG.Khoi if ref.kind == "khoi" else VNKG.Cum)
    b.fact(ref.iri, VNKG.searchKey, _plain(search_key(ref.key)))
    if scope is not None:
        b.fact(ref.iri, VNKG.province, b.minter.province_iri(scope))
    if bloc.get("member_count") is not None:
        b.fact(ref.iri, VNKG.memberCount, Literal(bloc["member_count"]))
    b.evidence(ref.iri, bloc.get("evidence"))
    year = bloc.get("year")
    on = date(year, 12, 31) if year else None
    for member in bloc.get("members") or []:
        unit = b.unit(member, scope, on)
        node = b.minter.member(ref, unit, year)
        b.fact(node, RDF.type, VNKG.BlocMembership)
        b.fact(node, ORG.organization, ref.iri)
        b.fact(node, ORG.member, unit)
        if year:
            b.fact(node, VNKG.year, _year(year))
        b.evidence(node, bloc.get("evidence"))
    return ref


def _person(b: _Builder, index: int, person: dict[str, Any], seen: date | None) -> URIRef:
    where = f"/people/{index}"
    positions = person.get("positions") or []
    provinces: list[Province | None] = []
    for p_index, pos in enumerate(positions):
        name = pos.get("province")
        provinces.append(b.province(name, f"{where}/positions/{p_index}/province") if name else None)
    home = next((unit for unit in provinces if unit is not None), None)
    iri = b.minter.person(person["name"], home.slug if home else None, b.article_id)
    b.fact(iri, RDF.type, SCHEMA.Person)
    b.fact(iri, RDF.type, FOAF.Person)
    b.fact(iri, RDFS.label, _vi(person["name"]))
    key = search_key(person["name"])
    b.fact(iri, VNKG.searchKey, _plain(key))
    for token in sorted(set(key.split())):
        # materialised for name search: a lookup by one word instead of a scan of every key
        b.fact(iri, VNKG.nameToken, _plain(token))
    if home is not None:
        b.fact(iri, VNKG.homeProvince, b.minter.province_iri(home))
    observed = seen or _parse_day(b.published)
    for pos, unit in zip(positions, provinces, strict=True):
        post = b.minter.post(pos["title"], pos.get("organization"), unit)
        _post(b, post)
        tenure = b.minter.tenure(iri, post, bool(pos.get("acting")))
        b.fact(tenure, RDF.type, VNKG.Tenure)
        b.fact(tenure, ORG.member, iri)
        b.fact(tenure, VNKG.post, post.iri)
        if post.body is not None:
            b.fact(tenure, ORG.organization, post.body.iri)
        if unit is not None:
            b.fact(tenure, VNKG.province, b.minter.province_iri(unit))
        b.fact(tenure, VNKG.acting, _BOOLEANS[bool(pos.get("acting"))])
        if pos.get("rank"):
            b.fact(tenure, VNKG.rank, _vi(pos["rank"]))
        b.evidence(tenure, pos.get("evidence"), observed)
    return iri


def _post(b: _Builder, post: PostRef) -> None:
    b.fact(post.iri, RDF.type, ORG.Post)
    b.fact(post.iri, RDFS.label, _vi(post.label))
    b.fact(post.iri, VNKG.title, _vi(post.title))
    b.fact(post.iri, ORG.postIn, b.body(post.body))
    if post.province is not None:
        b.fact(post.iri, VNKG.province, b.minter.province_iri(post.province))
    if post.title_type is not None:
        concept = b.minter.title_type_iri(post.title_type)
        b.out.referenced.add(concept)
        b.fact(post.iri, VNKG.titleType, concept)


def _event(b: _Builder, index: int, event: dict[str, Any], blocs: dict[str, BlocRef],
           people: dict[str, URIRef]) -> URIRef:
    where = f"/events/{index}"
    bloc = blocs.get(event["bloc"]) if event.get("bloc") else None
    day = _parse_day(event.get("date"))
    iri = b.minter.event(event["kind"], bloc, event.get("name"), event.get("date"),
                         event.get("reviews_year"), event.get("plans_year"), b.article_id)
    b.fact(iri, RDF.type, _EVENT_CLASS[event["kind"]])
    if event.get("name"):
        b.fact(iri, SCHEMA.name, _vi(event["name"]))
    if day is not None:
        b.fact(iri, SCHEMA.startDate, _date(day))
    if bloc is not None:
        b.fact(iri, VNKG.bloc, bloc.iri)
    if event.get("location"):
        unit = b.province(event["location"], f"{where}/location", day)
        b.fact(iri, SCHEMA.location, b.minter.province_iri(unit))
    if event.get("venue"):
        b.fact(iri, VNKG.venue, _vi(event["venue"]))
    if event.get("host"):
        b.fact(iri, VNKG.host, b.unit(event["host"], None, day))
    if event.get("period"):
        b.fact(iri, VNKG.period, _PERIOD[event["period"]])
    if event.get("reviews_year") is not None:
        b.fact(iri, VNKG.reviewsYear, _year(event["reviews_year"]))
    if event.get("plans_year") is not None:
        b.fact(iri, VNKG.plansYear, _year(event["plans_year"]))
    b.fact(iri, VNKG.conferenceKind, _conference_kind(event))
    b.evidence(iri, event.get("evidence"))
    strongest: dict[str, dict[str, Any]] = {}
    for part in event.get("participants") or []:
        held = strongest.get(part["person"])
        if held is None or _STRENGTH[part["role"]] > _STRENGTH[held["role"]]:
            strongest[part["person"]] = part
    for person_id, part in strongest.items():
        node = b.minter.participation(iri, people[person_id], part["role"])
        b.fact(node, RDF.type, VNKG.Participation)
        b.fact(node, VNKG.participant, people[person_id])
        b.fact(node, VNKG.event, iri)
        b.fact(node, VNKG.participationRole, _PARTICIPATION[part["role"]])
        b.evidence(node, part.get("evidence"))
    return iri


def _bloc_role(b: _Builder, index: int, role: dict[str, Any], blocs: dict[str, BlocRef]) -> None:
    where = f"/bloc_roles/{index}"
    bloc = blocs.get(role["bloc"]) if role.get("bloc") else None
    if bloc is None:
        return  # a role of no named bloc says nothing the graph can hold
    year = role.get("year")
    on = date(year, 12, 31) if year else None
    if role.get("province"):
        unit = b.minter.province_iri(b.province(role["province"], f"{where}/province", on))
    else:
        unit = b.unit(role["organization"], None, on)
    node = b.minter.leadership(bloc, year, role["role"], unit)
    b.fact(node, RDF.type, VNKG.BlocLeadership)
    b.fact(node, ORG.organization, bloc.iri)
    b.fact(node, ORG.member, unit)
    b.fact(node, ORG.role, _ROLE[role["role"]])
    if year:
        b.fact(node, VNKG.year, _year(year))
    b.evidence(node, role.get("evidence"))


def _award(b: _Builder, index: int, award: dict[str, Any], people: dict[str, URIRef],
           events: dict[str, URIRef]) -> None:
    where = f"/awards/{index}"
    recipient = award["recipient"]
    year = award.get("year")
    on = date(year, 12, 31) if year else None
    target: Node
    if "province" in recipient:
        target = b.minter.province_iri(b.province(recipient["province"], f"{where}/recipient/province", on))
    elif "person" in recipient:
        target = people[recipient["person"]]
    elif "organization" in recipient:
        body = b.body(b.minter.organization(recipient["organization"], None))
        assert body is not None
        target = body
    else:
        target = _vi(recipient["group"])
    kind = b.minter.award_type(award["award"], award.get("conferred_by"))
    event = events.get(award["event"]) if award.get("event") else None
    node = b.minter.award(kind.key if kind else canonical(award["award"]).lower(), target.n3(), year,
                          award.get("status"), event)
    b.fact(node, RDF.type, VNKG.AwardConferral)
    b.fact(node, VNKG.awardName, _vi(award["award"]))
    if kind is not None:
        concept = b.minter.award_type_iri(kind)
        b.out.referenced.add(concept)
        b.fact(node, VNKG.awardType, concept)
    if isinstance(target, Literal):
        b.fact(node, VNKG.recipientGroup, target)
    else:
        b.fact(node, VNKG.recipient, target)
    if year:
        b.fact(node, VNKG.year, _year(year))
    if award.get("status"):
        b.fact(node, VNKG.awardStatus, _STATUS[award["status"]])
    if award.get("conferred_by"):
        b.fact(node, VNKG.conferredByName, _vi(award["conferred_by"]))
    b.fact(node, VNKG.atEvent, event)
    b.evidence(node, award.get("evidence"))


__all__ = ["VARIANT_PREDICATES", "MappedArticle", "Triple", "content_hash", "map_article", "published_literal"]
