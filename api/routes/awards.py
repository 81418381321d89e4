"""``/awards``: awards proposed or conferred, filtered by year, recipient province, type and status."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ..deps import PageDep, SettingsDep, StoreDep, run_query
from ..listings import listing_page
from ..models import AwardItem, AwardList, local_id, make_ref, opt_int, opt_ref, opt_str, term_name

__all__ = ["award_item", "router"]

router = APIRouter(prefix="/awards", tags=["awards"])


def award_item(row: dict, base: str) -> AwardItem:  # type: ignore[type-arg]
    """An `AwardItem` from a row of ``awards`` or ``conference_awards``."""
    award = str(row["award"])
    return AwardItem(
        iri=award, id=local_id(award, base), name=opt_str(row.get("awardName")),
        type=opt_ref(row.get("type"), base, row.get("typeLabel")),
        status=(term_name(opt_str(row.get("status"))) or "").lower() or None,
        year=opt_int(row.get("year")), recipient=opt_ref(row.get("recipient"), base, row.get("recipientLabel")),
        recipient_group=opt_str(row.get("recipientGroup")), conferred_by=opt_str(row.get("conferredBy")),
        event=None if row.get("event") is None else make_ref(row["event"], base))


@router.get("", summary="Awards by year, recipient province, award type and status", response_model=AwardList)
def list_awards(
    store: StoreDep, settings: SettingsDep, page: PageDep,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="The year the award is for.",
                                      examples=[2023])] = None,
    province: Annotated[str | None, Query(pattern=r"^[a-z0-9-]+$", max_length=200,
                                          description="Recipient province (last segment of its IRI).",
                                          examples=["binh-dinh"])] = None,
    type: Annotated[str | None, Query(pattern=r"^[a-z0-9-]+$", max_length=200,
                                      description="Award type (last segment of its IRI).",
                                      examples=["co-thi-dua-chinh-phu"])] = None,
    status: Annotated[Literal["proposed", "conferred"] | None, Query(description="proposed or conferred.")] = None,
) -> AwardList:
    unfiltered = year is None and province is None and type is None and status is None
    rows = listing_page(store, settings, "awards", page.limit, page.offset) if unfiltered else None
    if rows is None:
        rows = run_query(store, settings, "awards", limit=page.limit, offset=page.offset,
                         year=year, province=province, type=type, status=status)
    items = [award_item(r, store.base_iri) for r in rows]
    return AwardList(limit=page.limit, offset=page.offset, count=len(items), items=items)
