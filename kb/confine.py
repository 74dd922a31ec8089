"""What a KB may read and publish: nothing from outside its folder, no file that runs script.

A symbolic link under docs/ or policies/ that leads out of the KB (to ~/.ssh,
or to the repository's own .git/config with a CI token in it) is neither read,
indexed nor published; nor is anything in a hidden folder such as .git.
`.html` and `.svg` files, which a browser runs script from (and `.js`, which
would replace the theme's own script of that name), are published only
when mkdocs.yml allows it (`publish_html: true` under the kb plugin). Both are
findings, so that a pull request adding one fails `kb check`.

The loader, the search index and the site ask the same `Fence`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .messages import t
from .model import ERROR, Finding

# Files a browser renders as a document that may run script, rather than show as an
# image; and script itself, which under docs/ replaces the theme's own file of that name.
ACTIVE_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz",
    ".xml", ".xsl", ".xslt", ".mht", ".mhtml", ".js", ".mjs",
)  # fmt: skip


def active_file(name: str) -> bool:
    return name.lower().endswith(ACTIVE_SUFFIXES)


class Fence:
    """The KB's folders, links resolved: what lies inside them may be read."""

    def __init__(self, root: str | Path, *folders: str | Path):
        # mkdocs.yml may place docs_dir outside the KB; a committed link may not.
        own = [f for f in folders if not os.path.islink(f)]
        bases = [os.path.realpath(root)] + [os.path.realpath(f) for f in own]
        self.bases = [b.rstrip(os.sep) + os.sep for b in dict.fromkeys(bases)]
        self._dirs: dict[str, str] = {}
        self._links: dict[str, frozenset[str]] = {}

    def inside(self, path: str | Path) -> bool:
        """True when `path`, its links resolved, is in the KB and in no hidden folder."""
        path = str(path)
        head, name = os.path.split(path)
        if self.is_link(path):
            real = os.path.realpath(path)
        else:  # one realpath per folder, not per file: a site has thousands of files
            if head not in self._dirs:
                self._dirs[head] = os.path.realpath(head)
            real = os.path.join(self._dirs[head], name)
        return any(self._within(real, base) for base in self.bases)

    def is_link(self, path: str) -> bool:
        """Whether `path` is a link: one directory read per folder, not one lstat per file."""
        head, name = os.path.split(path)
        if head not in self._links:
            try:
                with os.scandir(head or ".") as entries:
                    self._links[head] = frozenset(e.name for e in entries if e.is_symlink())
            except OSError:
                self._links[head] = frozenset()
        return name in self._links[head] or (not name and os.path.islink(path))

    @staticmethod
    def _within(real: str, base: str) -> bool:
        if real + os.sep == base:
            return True
        if not real.startswith(base):
            return False
        return not any(part.startswith(".") for part in real[len(base) :].split(os.sep))


def outside_link(rel: str, target: str) -> Finding:
    return Finding(
        "outside-link",
        ERROR,
        rel,
        1,
        t("confine.outside_link", target=target),
    )


def unsafe_file(rel: str) -> Finding:
    suffix = os.path.splitext(rel)[1] or rel
    return Finding(
        "unsafe-file",
        ERROR,
        rel,
        1,
        t("confine.unsafe_file", suffix=suffix),
    )


class Screen:
    """Sorts the entries of one folder of a walk: what is read, what becomes a finding."""

    def __init__(
        self,
        fence: Fence,
        rel: Callable[[str], str],
        findings: list[Finding],
        publish_html: bool = True,
    ):
        self.fence = fence
        self.rel = rel
        self.findings = findings
        self.publish_html = publish_html

    def top(self, directory: str) -> bool:
        """Whether a walk may start at `directory` (docs/ or policies/ itself may be a link)."""
        if self.fence.inside(directory):
            return True
        if os.path.islink(directory):  # a folder below a link is reported as that link
            self.findings.append(outside_link(self.rel(directory), os.readlink(directory)))
        return False

    def admit(self, entry: os.DirEntry, folder: bool) -> bool:
        """Whether a walk (sources.walk) keeps this entry; a finding when it does not."""
        # The walk follows no link, so only a link itself can lead out.
        if entry.is_symlink() and not self.fence.inside(entry.path):
            self.findings.append(outside_link(self.rel(entry.path), os.readlink(entry.path)))
            return False
        if not folder and not self.publish_html and active_file(entry.name):
            self.findings.append(unsafe_file(self.rel(entry.path)))
            return False
        return True
