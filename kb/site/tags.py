"""The tag tree: `배송/배송 전` makes the tags `배송` and `배송/배송 전`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Answer, tag_path

UNTAGGED = ""  # the key of the page listing answers without a tag


@dataclass
class Tag:
    path: str  # "배송/배송 전"; "" for untagged answers
    name: str  # "배송 전"
    slug: str  # "배송/배송-전", unique, safe in a URL path
    answers: list[Answer] = field(default_factory=list)  # tagged exactly with this tag
    children: list[Tag] = field(default_factory=list)
    parent: Tag | None = None

    @property
    def depth(self) -> int:
        return self.path.count("/")

    def all_answers(self) -> list[Answer]:
        """This tag's answers and its descendants', each once, in title order."""
        seen: dict[str, Answer] = {}
        stack = [self]
        while stack:
            tag = stack.pop()
            for answer in tag.answers:
                seen.setdefault(answer.id, answer)
            stack.extend(tag.children)
        return sorted(seen.values(), key=answer_key)

    def lineage(self) -> list[Tag]:
        chain: list[Tag] = []
        tag: Tag | None = self
        while tag is not None:
            chain.append(tag)
            tag = tag.parent
        return chain[::-1]


def answer_key(answer: Answer) -> tuple[str, str]:
    return (answer.title, answer.id)


MAX_SLUG_PART = 60


def _slug_part(text: str) -> str:
    # Keep Hangul and letters; characters with a meaning in URLs or paths go.
    part = re.sub(r"[\s_]+", "-", text.strip())
    # A file name has at most 255 bytes (a Hangul letter takes 3): a longer tag
    # is cut, and tag_tree numbers the rare two that then look alike.
    part = re.sub(r"[^\w\-.]", "", part)[:MAX_SLUG_PART].strip(".-")
    # "index" would be the folder's own page, the tag index
    return part if part and part.lower() != "index" else f"tag-{part or 'x'}"


def tag_tree(answers: list[Answer]) -> dict[str, Tag]:
    """Every tag path -> Tag, parents created for every level; "" for untagged."""
    tags: dict[str, Tag] = {}
    used_slugs: set[str] = set()

    def get(path: str) -> Tag:
        if path in tags:
            return tags[path]
        parent_path, _, name = path.rpartition("/")
        parent = get(parent_path) if parent_path else None
        base = (parent.slug + "/" if parent else "") + _slug_part(name)
        slug, n = base, 2
        while slug.lower() in used_slugs:
            slug, n = f"{base}-{n}", n + 1
        used_slugs.add(slug.lower())
        tag = Tag(path, name, slug, parent=parent)
        tags[path] = tag
        if parent is not None:
            parent.children.append(tag)
        return tag

    for answer in answers:
        paths = [tag_path(t) for t in answer.tags if tag_path(t)]
        if not paths:
            tags.setdefault(UNTAGGED, Tag(UNTAGGED, "", "_untagged")).answers.append(answer)
        for path in dict.fromkeys(paths):
            get(path).answers.append(answer)
    for tag in tags.values():
        tag.children.sort(key=lambda t: t.name)
        tag.answers.sort(key=answer_key)
    return tags


def top_level(tags: dict[str, Tag]) -> list[Tag]:
    return sorted((t for t in tags.values() if t.parent is None and t.path), key=lambda t: t.name)
