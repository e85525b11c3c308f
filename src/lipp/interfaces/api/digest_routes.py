"""National theme digest endpoints: issued digests and their documents (computed again from their position)."""

from fastapi import APIRouter

from lipp.application.digests import DigestView, RebuiltDigestDiffers
from lipp.digest.document import DigestDocument
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep

router = APIRouter(tags=["digests"])


@router.get("/digests", operation_id="ListDigests")
def digests(actor: ActorDep, lipp: LippDep, pager: PagerDep) -> list[DigestView]:
    """Issued national theme digests, newest period first (national bodies and admins); a page at a time."""
    return pager.page(lipp.digests.digests(actor, pager.paging))


@router.get("/digests/{digest_id}", operation_id="Digest")
def digest(digest_id: str, actor: ActorDep, lipp: LippDep) -> DigestView:
    """What an issued digest was built from: period, log position, reference-data versions, content hash."""
    return lipp.digests.digest(actor, digest_id)


@router.get("/digests/{digest_id}/document", operation_id="DigestDocument")
def document(digest_id: str, actor: ActorDep, lipp: LippDep) -> DigestDocument:
    """The digest's document, computed again from the history up to its position (the same as when issued)."""
    view, computed = lipp.digests.rebuild(actor, digest_id)
    if computed.rendered.content_hash != view.content_hash:
        raise RebuiltDigestDiffers(f"digest {view.id} no longer rebuilds to the content it was issued with")
    return computed.document
