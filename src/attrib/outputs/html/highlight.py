"""The article's text as a tree of elements, for the template to draw.

Paragraphs, statement highlights, source and cue spans and hedges are ranges of
the text that may overlap in any way, but HTML elements must nest. The text is
cut where any range starts or ends (``segments``, as in the terminal view);
within each stretch the ranges covering it are stacked outermost first, and an
element that has to close early because a range stacked outside it ends, or
one opens outside it, is reopened after as a *continued* fragment. A continued
fragment carries the element's ``attrs`` but not its ``lead`` (the focus stop,
id, description and badge of the first fragment), so a statement is one tab
stop and one badge however it is cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..segments import segments


@dataclass(frozen=True, slots=True, eq=False)
class Element:
    """An element to draw over text[start:end]; compared by identity, as each is one range."""

    start: int
    end: int
    tag: str
    attrs: Mapping[str, str]  # on every fragment
    lead: Mapping[str, str] = field(default_factory=dict)  # on the first only, overriding attrs
    block: bool = False  # a paragraph: always outside the inline elements


@dataclass(slots=True)
class Fragment:
    """One piece of an element in the tree; ``continued`` for all but its first."""

    element: Element
    continued: bool
    children: list[Node] = field(default_factory=list)

    @property
    def tag(self) -> str:
        return self.element.tag

    @property
    def attrs(self) -> dict[str, str]:
        if self.continued:
            return dict(self.element.attrs)
        return {**self.element.attrs, **self.element.lead}


Node = Fragment | str


def _outside_first(element: Element) -> tuple[bool, int, int]:
    """Stacking order: paragraphs, then whatever starts first, then the longer range."""
    return not element.block, element.start, -element.end


def highlight(text: str, elements: Sequence[Element]) -> list[Node]:
    """The text as nested fragments and strings, without surrounding white space.

    Where two ranges cross, the one that starts first (or, starting together,
    ends last; or, the same range, was given first) is the outer one, and the
    other is cut where the outer one ends.
    """
    roots: list[Node] = []
    opened: set[Element] = set()
    stack: list[Fragment] = []  # the open fragments, outermost first
    for segment in segments(len(text), elements):
        wanted = sorted(segment.spans, key=_outside_first)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep].element is wanted[keep]:
            keep += 1
        del stack[keep:]
        for element in wanted[keep:]:
            fragment = Fragment(element, continued=element in opened)
            (stack[-1].children if stack else roots).append(fragment)
            stack.append(fragment)
            opened.add(element)
        (stack[-1].children if stack else roots).append(text[segment.start : segment.end])
    if roots and isinstance(roots[0], str):
        roots[0] = roots[0].lstrip()
    if roots and isinstance(roots[-1], str):
        roots[-1] = roots[-1].rstrip()
    return [node for node in roots if node != ""]
