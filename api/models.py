"""Pydantic response models of the JSON API; every resource carries its full ``iri`` and its ``id``
(the last segment of the IRI, the one its API path takes)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "AwardItem",
    "AwardList",
    "BlocDetail",
    "BlocList",
    "BlocSummary",
    "ConferenceDetail",
    "ConferenceList",
    "ConferenceSummary",
    "Connection",
    "ConnectionList",
    "ErrorBody",
    "NamedQueryInfo",
    "NamedQueryParamInfo",
    "NamedQueryResult",
    "OfficialDetail",
    "OfficialList",
    "OfficialSummary",
    "PathResult",
    "PathStep",
    "PostSource",
    "ProvinceDetail",
    "ProvinceList",
    "Ref",
    "Source",
    "SourceList",
    "TimelineEntry",
]


class ErrorBody(BaseModel):
    """Every answer other than 2xx: the status again and a message for people."""

    status: int
    detail: str
    parameter: str | None = None
    line: int | None = None
    column: int | None = None


class NamedQueryParamInfo(BaseModel):
    name: str
    type: str
    required: bool
    example: str | None = None
    description: str = ""


class NamedQueryInfo(BaseModel):
    name: str
    summary: str
    paginated: bool
    params: list[NamedQueryParamInfo]


class NamedQueryResult(BaseModel):
    name: str
    params: dict[str, Any]
    count: int
    rows: list[dict[str, Any]]


class Ref(BaseModel):
    """A link to another resource: its IRI, API id and name."""

    iri: str
    id: str
    name: str | None = None


class Page(BaseModel):
    limit: int
    offset: int
    count: int = Field(description="Items on this page.")


class OfficialSummary(Ref):
    home_province: Ref | None = None


class OfficialList(Page):
    q: str
    items: list[OfficialSummary]


class Source(BaseModel):
    """An article that states a fact, with the sentence that states it where the article gives one."""

    iri: str
    id: str
    headline: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    evidence: list[str] = []


class TimelineEntry(BaseModel):
    tenure: str
    tenure_id: str = Field(description="The tenure's IRI after /tenure/: the `tenure` filter of "
                                       "/officials/{id}/sources.")
    post: Ref
    body: Ref | None = None
    province: Ref | None = None
    acting: bool
    first_seen: str | None = None
    last_seen: str | None = None
    source_count: int = Field(description="How many articles state this post.")
    sources: list[Source] = Field(description="The most recent of them (as many as the `sources` parameter "
                                              "asks); every one is at /officials/{id}/sources.")


class PostSource(Source):
    """A source of one of an official's posts."""

    tenure: str


class SourceList(Page):
    person: Ref
    tenure: str | None = Field(description="The tenure the list is cut to, if any.")
    total: int = Field(description="Sources in the whole list.")
    items: list[PostSource]


class EventRef(Ref):
    date: str | None = None
    role: str | None = None


class OfficialDetail(Ref):
    names: list[str]
    home_province: Ref | None = None
    posts: list[TimelineEntry]
    events: list[EventRef]


class Connection(BaseModel):
    person: Ref
    shared_events: list[EventRef]
    shared_bodies: list[Ref]
    strength: int = Field(description="Shared events plus shared bodies.")


class ConnectionList(Page):
    person: Ref
    items: list[Connection]


class YearUnits(BaseModel):
    year: int | None
    units: list[Ref]


class YearLeadership(BaseModel):
    year: int | None
    leader: list[Ref]
    deputy: list[Ref]


class ConferenceSummary(Ref):
    type: str
    date: str | None = None
    bloc: Ref | None = None
    location: Ref | None = None
    host: Ref | None = None
    reviews_year: int | None = None
    plans_year: int | None = None
    conference_kind: str | None = None


class BlocSummary(Ref):
    kind: str | None = None
    member_count: int | None = None
    within: Ref | None = None


class BlocList(Page):
    items: list[BlocSummary]


class BlocDetail(BlocSummary):
    names: list[str]
    members: list[YearUnits]
    leadership: list[YearLeadership]
    conferences: list[ConferenceSummary] = Field(description="The bloc's newest events (the `conferences` "
                                                             "parameter says how many); /conferences?bloc= "
                                                             "lists them all.")
    conference_count: int = Field(description="The bloc's events, all told.")


class ProvinceSummary(Ref):
    kind: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None


class ProvinceList(Page):
    items: list[ProvinceSummary]


class YearBlocs(BaseModel):
    year: int | None
    blocs: list[Ref]


class BlocRoleYear(BaseModel):
    year: int | None
    bloc: Ref
    role: str


class ProvinceOfficial(BaseModel):
    person: Ref
    post: Ref
    acting: bool


class AwardItem(BaseModel):
    iri: str
    id: str
    name: str | None = None
    type: Ref | None = None
    status: str | None = None
    year: int | None = None
    recipient: Ref | None = None
    recipient_group: str | None = None
    conferred_by: str | None = None
    event: Ref | None = None


class ProvinceDetail(ProvinceSummary):
    name_en: str | None = None
    region: str | None = None
    wikidata: str | None = None
    predecessors: list[Ref]
    successors: list[Ref]
    blocs: list[YearBlocs]
    bloc_roles: list[BlocRoleYear]
    awards: list[AwardItem] = Field(description="The most recent awards to the province (the `awards` parameter "
                                                "says how many); /awards?province= lists them all.")
    award_count: int = Field(description="Awards to the province, all told.")
    officials: list[ProvinceOfficial]


class ConferenceList(Page):
    items: list[ConferenceSummary]


class Participant(BaseModel):
    person: Ref
    role: str


class ConferenceDetail(ConferenceSummary):
    names: list[str]
    venue: str | None = None
    period: str | None = None
    participants: list[Participant]
    awards: list[AwardItem]
    sources: list[Source]


class AwardList(Page):
    items: list[AwardItem]


class PathStep(BaseModel):
    """One link of a chain: ``source`` and ``target`` both joined to ``via``, as ``sources`` say."""

    source: Ref
    via: Ref
    via_kind: str = Field(description="event, body or bloc")
    target: Ref
    sources: list[Source]


class PathResult(BaseModel):
    source: Ref
    target: Ref
    found: bool
    length: int | None = None
    steps: list[PathStep]


# -- building models from query rows ------------------------------------------------------------

VNKG_NS = "https://w3id.org/vnkg/ontology#"


def local_id(iri: str, base_iri: str) -> str:
    """The API id of a resource: its IRI after ``{base}{kind}/`` (for most kinds the last segment;
    for events the path after ``event/``); a ``vnkg:`` term gives its local name.

    >>> local_id("https://w3id.org/vnkg/id/person/nguyen-dang-binh--bac-kan", "https://w3id.org/vnkg/id/")
    'nguyen-dang-binh--bac-kan'
    >>> local_id("https://w3id.org/vnkg/id/event/x/conference/2023-03-10", "https://w3id.org/vnkg/id/")
    'x/conference/2023-03-10'
    """
    if iri.startswith(base_iri):
        _, _, rest = iri[len(base_iri):].partition("/")
        return rest
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def term_name(iri: str | None) -> str | None:
    """A ``vnkg:`` concept IRI as its local name in lower case ("vnkg:blocLeader" -> "blocleader")."""
    if iri is None:
        return None
    return iri[len(VNKG_NS):] if iri.startswith(VNKG_NS) else iri


def make_ref(iri: Any, base_iri: str, name: Any = None) -> Ref:
    """A `Ref` from an IRI term (and a name term)."""
    text = str(iri)
    return Ref(iri=text, id=local_id(text, base_iri), name=None if name is None else str(name))


def opt_ref(iri: Any, base_iri: str, name: Any = None) -> Ref | None:
    return None if iri is None else make_ref(iri, base_iri, name)


def opt_int(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(str(value)[:4]) if str(value)[:4].isdigit() else int(str(value))
    except ValueError:
        return None


def opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
