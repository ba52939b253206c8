"""What a reader of the page does not see: text hidden by CSS.

Portals scatter characters a reader never sees among the figures, against
copying ("26<span class="x">7</span>29" with ``.x{font-size:0}`` reads 2629
on screen), and keep old rows in a table hidden.  Three properties hide
text: ``display:none`` (the element and all it holds, whatever they say),
``visibility:hidden`` (or ``collapse``) and ``font-size:0``, both inherited:
an element inside may show its text again (``visibility:visible``, a
``font-size`` of its own; the usual ``font-size:0`` on a row of inline boxes
whose items set their own size hides only the white space between them).

They are declared inline (``style=""``), by the ``hidden`` attribute (the
user agent's ``display:none``, below every author rule) or by the page's
style sheets (``<style>``).  Each element's value of a property is the
cascade's: ``!important`` first, then the inline style, then the rule of
higher specificity, then the later rule.  The style sheets are read by
**tinycss2**, their selectors by **cssselect** (specificity, pseudo-classes)
and matched by lexbor, the page's own parser.  Nothing is hidden on a doubt:

* a rule that hides counts only when its selector has no pseudo-class or
  pseudo-element (lexbor would match ``a:hover`` never and ``:nth-child``
  against a page whose scripts are already gone) and lexbor can match it,
  and only outside ``@media`` other than ``screen``/``all``;
* a rule that shows counts wherever it may apply: with its pseudo-classes
  taken out (it then matches more elements, never fewer), in any ``@media``
  but ``print``; a rule that shows and cannot be matched at all stops the
  style sheets from hiding by that property.

Linked style sheets (``<link rel="stylesheet">``) are read as :mod:`.sheets`
says: beside a page saved to a file, from the page's site for a page
imported from its URL, and otherwise distrusted, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Final, Literal

import cssselect
import tinycss2
from attrs import frozen
from selectolax.lexbor import LexborHTMLParser, LexborNode
from tinycss2.ast import Declaration, Node, QualifiedRule

from .tree import inside_any

__all__ = [
    "BoxHiding",
    "Declared",
    "Rule",
    "hiding_roots",
    "inline",
    "media_applies",
    "sheet_rules",
]

Property = Literal["display", "visibility", "font-size"]
#: How a row or cell of a table built without ``<table>`` is hidden, if it
#: is: ``"display"`` (it takes no place), ``"visibility"`` (it keeps its
#: place, empty), None (shown).
BoxHiding = Callable[[LexborNode], Literal["display", "visibility"] | None]
#: What a declaration does to its property: hides, shows, or takes the
#: parent's value (``inherit``, a ``font-size`` in ``em`` or ``%`` of 0).
Effect = Literal["hide", "show", "inherit"]
#: (important, inline, specificity, order): the larger wins the cascade.
Precedence = tuple[bool, bool, tuple[int, int, int], int]


@frozen
class Declared:
    """One declaration of a hiding property, with its place in the cascade."""

    prop: Property
    effect: Effect
    precedence: Precedence


@frozen
class Rule:
    """One selector of a style rule and its declarations of hiding properties."""

    selector: str
    #: The selector lexbor is asked, or None when it cannot be asked
    #: (a hiding rule with a pseudo-class, a pseudo-element).
    match: str | None
    declared: tuple[Declared, ...]
    #: False for a rule that only shows (kept so it may override a hiding one).
    hides: bool
    #: False for a rule that only shows whose selector is not read yet
    #: (:func:`shown_by`): most never need to be.
    parsed: bool = True


#: The lengths that are no size but a part of the parent's (of 0: 0).
_RELATIVE: Final = frozenset({"em", "ex", "ch", "cap", "ic", "lh"})
_INHERIT: Final = frozenset({"inherit", "unset", "revert", "revert-layer"})


def _tokens(value: Sequence[Node]) -> list[Node]:
    return [t for t in value if t.type not in ("whitespace", "comment")]


def _size_effect(token: Node) -> Effect | None:
    """What a ``font-size`` value token does (None: not a size)."""
    if token.type in ("number", "dimension", "percentage"):
        value = token.value  # type: ignore[attr-defined]
        if value == 0:
            return "hide"
        unit = getattr(token, "lower_unit", None)
        return "inherit" if token.type == "percentage" or unit in _RELATIVE else "show"
    if token.type == "ident":
        return "inherit" if token.lower_value in _INHERIT else "show"  # type: ignore[attr-defined]
    return None


def _font_size(tokens: list[Node]) -> Effect | None:
    """The size a ``font`` shorthand sets: the value before ``/`` (line height),
    else its last number or length (``font: 0/0 a``, ``font: bold 12px 宋体``)."""
    for i, t in enumerate(tokens):
        if t.type == "literal" and t.value == "/" and i > 0:  # type: ignore[attr-defined]
            return _size_effect(tokens[i - 1])
    sizes = [t for t in tokens if t.type in ("number", "dimension", "percentage")]
    if sizes:
        return _size_effect(sizes[-1])
    if len(tokens) == 1 and tokens[0].type == "ident":
        return _size_effect(tokens[0])  # font: inherit
    return None


def _effect(name: str, value: Sequence[Node]) -> tuple[Property, Effect] | None:
    """The hiding property a declaration sets and what it does, if any."""
    tokens = _tokens(value)
    if not tokens:
        return None
    if name == "font-size":
        effect = _size_effect(tokens[0]) if len(tokens) == 1 else None
        return ("font-size", effect) if effect is not None else None
    if name == "font":
        effect = _font_size(tokens)
        return ("font-size", effect) if effect is not None else None
    if name not in ("display", "visibility") or tokens[0].type != "ident":
        return None
    word = tokens[0].lower_value  # type: ignore[attr-defined]
    if word in _INHERIT:
        return (name, "inherit")  # type: ignore[return-value]
    hides = word == "none" if name == "display" else word in ("hidden", "collapse")
    return (name, "hide" if hides else "show")  # type: ignore[return-value]


def _declarations(
    content: Sequence[Node], inline_: bool, specificity: tuple[int, int, int], order: int
) -> list[Declared]:
    out = []
    for node in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if isinstance(node, Declaration):
            effect = _effect(node.lower_name, node.value)
            if effect is not None:
                precedence = (node.important, inline_, specificity, order)
                out.append(Declared(effect[0], effect[1], precedence))
    return out


#: A declaration that may hide, looked for before a style text is parsed: a
#: style sheet or an inline style with none hides nothing, and most have
#: none.  A superset of what :func:`_effect` reads as hiding (written
#: otherwise, with a comment or an escape inside, it is not read at all:
#: nothing is hidden, as before).
MAY_HIDE: Final = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
    r"|font(?:-size)?\s*:[^;{}]*?(?<![\w.-])[+-]?0*\.?0+(?:[a-z]+|%)?\s*(?:[;/}!]|$)",
    re.I,
)


@lru_cache(maxsize=1024)
def inline(style: str) -> tuple[Declared, ...]:
    """The hiding declarations of an inline style (remembered: a page's
    elements share a few styles).  None when it declares no hiding value."""
    content = tinycss2.parse_component_value_list(style, skip_comments=True)
    return tuple(_declarations(content, True, (0, 0, 0), 0))


_PRINT_ONLY: Final = frozenset({"print", "speech"})


def _media(prelude: Sequence[Node]) -> Literal["always", "maybe", "never"]:
    """Whether a ``@media`` (or ``<style media>``) applies on a screen."""
    words = [t.lower_value for t in _tokens(prelude) if t.type == "ident"]  # type: ignore[attr-defined]
    text = tinycss2.serialize(prelude).strip().lower()
    if not text or text in ("all", "screen"):
        return "always"
    if (
        "," not in text
        and any(w in _PRINT_ONLY for w in words)
        and all(w in _PRINT_ONLY or w in ("and", "only") for w in words)
    ):
        return "never"  # print only (conditions after "and" cannot bring a screen)
    return "maybe"


def media_applies(media: str) -> Literal["always", "maybe", "never"]:
    """Whether a media list (a ``<link>``'s or ``<style>``'s ``media``, an
    ``@import``'s) applies on a screen; an empty one always does."""
    return _media(tinycss2.parse_component_value_list(media)) if media else "always"


def _qualified(rules: Iterable[Node], when: str, out: list[tuple[QualifiedRule, str]]) -> None:
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            out.append((rule, when))
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media":  # type: ignore[attr-defined]
            media = _media(rule.prelude)  # type: ignore[attr-defined]
            inner = "maybe" if "maybe" in (when, media) else media
            if inner != "never" and rule.content is not None:  # type: ignore[attr-defined]
                nested = tinycss2.parse_rule_list(
                    rule.content,  # type: ignore[attr-defined]
                    skip_comments=True,
                    skip_whitespace=True,
                )
                _qualified(nested, inner, out)


def _without_pseudo(tree: object) -> object:
    """A selector's tree with its pseudo-classes taken out: it matches every
    element the selector matches, and more."""
    if isinstance(tree, cssselect.parser.Pseudo | cssselect.parser.Function):
        return _without_pseudo(tree.selector)
    if isinstance(
        tree,
        cssselect.parser.Negation
        | cssselect.parser.Matching
        | cssselect.parser.SpecificityAdjustment
        | cssselect.parser.Relation,
    ):
        return _without_pseudo(tree.selector)
    for field in ("selector", "subselector"):
        if hasattr(tree, field):
            setattr(tree, field, _without_pseudo(getattr(tree, field)))
    return tree


def _has_pseudo(tree: object) -> bool:
    """Whether a selector's tree holds a pseudo-class, or a namespace
    (``x|span``: lexbor reads it as ``span``), which lexbor cannot be asked."""
    if getattr(tree, "namespace", None) is not None:
        return True
    if isinstance(
        tree,
        cssselect.parser.Pseudo
        | cssselect.parser.Function
        | cssselect.parser.Negation
        | cssselect.parser.Matching
        | cssselect.parser.SpecificityAdjustment
        | cssselect.parser.Relation,
    ):
        return True
    return any(
        _has_pseudo(getattr(tree, f)) for f in ("selector", "subselector") if hasattr(tree, f)
    )


@lru_cache(maxsize=64)
def sheet_rules(css: str, media: str = "") -> tuple[Rule, ...]:
    """The rules of a style sheet that declare a hiding property, one per
    selector, in order (remembered by the sheet's text: a portal's pages
    share theirs).  ``media``: the ``<style>`` element's own.  Read only
    for a page one of whose sheets :data:`MAY_HIDE` (a sheet that only
    shows may still show what another hides)."""
    when = media_applies(media)
    if when == "never":
        return ()
    found: list[tuple[QualifiedRule, str]] = []
    _qualified(
        tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), when, found
    )
    out: list[Rule] = []
    for order, (rule, context) in enumerate(found, 1):
        # The declarations first: most rules set no hiding property, and
        # their selectors are then never parsed.
        plain = _declarations(rule.content, False, (0, 0, 0), order)
        if not plain:
            continue
        text = tinycss2.serialize(rule.prelude).strip()
        if context != "always" or all(d.effect != "hide" for d in plain):
            shows = tuple(d for d in plain if d.effect != "hide")
            if shows:  # a rule that hides only under a condition hides nothing here
                out.append(Rule(text, None, shows, False, False))
            continue
        out.extend(_read(text, tuple(plain), hiding=True))
    return tuple(out)


@lru_cache(maxsize=1024)
def shown_by(rule: Rule) -> tuple[Rule, ...]:
    """A rule that only shows, its selector read: one rule per selector."""
    return _read(rule.selector, rule.declared, hiding=False)


def _read(text: str, plain: tuple[Declared, ...], hiding: bool) -> tuple[Rule, ...]:
    """The rules of one selector list ``text`` and its declarations."""
    order = plain[0].precedence[3]
    try:
        selectors = cssselect.parse(text)
    except cssselect.SelectorError:
        # A rule cssselect cannot read: any shows it makes are unknown.
        return (Rule(text, None, tuple(d for d in plain if d.effect != "hide"), False),)
    out: list[Rule] = []
    for selector in selectors:
        specificity = selector.specificity()
        declared = [
            Declared(d.prop, d.effect, (d.precedence[0], False, specificity, order)) for d in plain
        ]
        hides = hiding and any(d.effect == "hide" for d in declared)
        if selector.pseudo_element is not None:
            match = None  # ::before shows or hides no text of the page
        elif _has_pseudo(selector.parsed_tree):
            match = None if hides else _canonical(_without_pseudo(selector.parsed_tree))
            hides = False
        else:
            match = selector.canonical()
        if not hides:
            declared = [d for d in declared if d.effect != "hide"]
        out.append(Rule(text, match, tuple(declared), hides))
    return tuple(out)


def _canonical(tree: object) -> str:
    return cssselect.parser.Selector(tree).canonical()  # type: ignore[arg-type]


#: The ``hidden`` attribute: the user agent's ``display:none``, below any
#: author rule (a rule that says ``display:block`` shows the element).
_HIDDEN_ATTRIBUTE: Final = Declared("display", "hide", (False, False, (-1, 0, 0), 0))


#: Rules a sheet may hold, at most: a rule's order in the page is its
#: sheet's number times this, plus its order in its sheet.
_RULES_A_SHEET: Final = 1_000_000


def _in_sheet(rule: Rule, sheet: int) -> Rule:
    """``rule`` ordered after the rules of the page's earlier style sheets."""
    if not sheet:
        return rule
    declared = tuple(
        Declared(d.prop, d.effect, (*d.precedence[:3], d.precedence[3] + sheet * _RULES_A_SHEET))
        for d in rule.declared
    )
    return Rule(rule.selector, rule.match, declared, rule.hides, rule.parsed)


def _winner(declared: Iterable[Declared], prop: Property) -> Effect | None:
    best: Declared | None = None
    for d in declared:
        if d.prop == prop and (best is None or d.precedence > best.precedence):
            best = d
    return best.effect if best is not None else None


class Styles:
    """The hiding declarations that reach the elements of one page.

    The rules that hide are matched at once (their elements are the ones
    that may be hidden); a rule that only shows is matched when an element
    is found hidden by a property it sets, and never on a page where
    nothing is (a portal's sheet sets ``font-size`` in dozens of rules: each
    match is a search of the page)."""

    def __init__(self, doc: LexborHTMLParser, sheets: Sequence[Sequence[Rule]]) -> None:
        """``sheets``: each style sheet's rules (:func:`sheet_rules`), in
        the page's order (a later sheet's rule wins a tie)."""
        self.doc = doc
        #: Declarations by element (``mem_id``), from the style sheets.
        self.declared: dict[int, list[Declared]] = {}
        #: The elements a rule that hides reaches.
        self.nodes: dict[int, LexborNode] = {}
        #: Properties a rule may show that could not be matched: the
        #: style sheets hide nothing by them.
        self.unknown: set[Property] = set()
        #: The rules that only show, by property, not matched yet.
        self.pending: dict[Property, list[Rule]] = {}
        for rule in (_in_sheet(rule, i) for i, rules in enumerate(sheets) for rule in rules):
            shows = {d.prop for d in rule.declared if d.effect != "hide"}
            if not rule.parsed:
                for prop in shows:
                    self.pending.setdefault(prop, []).append(rule)
            elif rule.match is None:
                self.unknown |= shows
            elif rule.hides:
                self.nodes.update(self._match(rule))
            else:
                for prop in shows:
                    self.pending.setdefault(prop, []).append(rule)

    def _match(self, rule: Rule) -> dict[int, LexborNode]:
        """Add ``rule``'s declarations to the elements it selects, and give
        them; none when lexbor cannot match it (a rule that shows then
        makes its properties unknown)."""
        assert rule.match is not None
        try:
            found = self.doc.css(rule.match)
        except Exception:  # noqa: BLE001 - lexbor refuses what it cannot parse
            if not rule.hides:
                self.unknown |= {d.prop for d in rule.declared if d.effect != "hide"}
            return {}
        out: dict[int, LexborNode] = {}
        for node in found:
            self.declared.setdefault(node.mem_id, []).extend(rule.declared)
            out[node.mem_id] = node
        return out

    def _ensure(self, prop: Property) -> None:
        """Match the rules that only show by ``prop``, once."""
        rules = self.pending.pop(prop, None)
        if not rules:
            return
        for rule in rules:
            others = [p for p, pending in self.pending.items() if rule in pending]
            for read in shown_by(rule) if not rule.parsed else (rule,):
                if read.match is None:
                    self.unknown |= {d.prop for d in read.declared}
                else:
                    self._match(read)
            for other in others:  # matched now for every property it shows
                self.pending[other] = [r for r in self.pending[other] if r is not rule]

    def of(self, node: LexborNode) -> list[Declared]:
        """Every hiding declaration that reaches ``node``: the style sheets',
        the inline style's and the ``hidden`` attribute's."""
        out = list(self.declared.get(node.mem_id, ()))
        attrs = node.attrs
        style = attrs.get("style")
        if style:
            out.extend(inline(style))
        if "hidden" in attrs:
            out.append(_HIDDEN_ATTRIBUTE)
        return out

    def hides(self, node: LexborNode) -> Property | None:
        """The property by which ``node`` is hidden, if it is (display first)."""
        declared = self.of(node)
        if not declared:  # most elements: no rule reaches them, no hiding style
            return None
        for prop in ("display", "visibility", "font-size"):
            if not any(d.prop == prop and d.effect == "hide" for d in declared):
                continue
            if prop in self.pending:
                self._ensure(prop)
                declared = self.of(node)
            effect = _winner(declared, prop)
            if effect != "hide":
                continue
            if prop in self.unknown and not any(
                d.prop == prop and d.precedence[1] for d in declared
            ):
                continue  # hidden by a style sheet whose showing rules are unknown
            return prop
        return None

    def hidden_texts(self, root: LexborNode, prop: Property) -> list[LexborNode]:
        """Inside ``root``, hidden by the inherited ``prop``: the text nodes
        no element inside shows again (``visibility:visible``, a
        ``font-size`` of its own).  The elements stay: unlike
        ``display:none``, both leave the box in its place (a table's
        row or cell, empty on screen)."""
        self._ensure(prop)
        hidden: dict[int, bool] = {root.mem_id: True}
        texts: list[LexborNode] = []
        for node in root.traverse(include_text=True):
            if node.mem_id == root.mem_id:
                continue
            parent = node.parent
            inherited = hidden.get(parent.mem_id, True) if parent is not None else True
            tag = node.tag
            if tag is None or tag.startswith("-"):  # text, comment
                if tag == "-text" and inherited and (node.text_content or "").strip():
                    texts.append(node)
                continue
            # A rule that may show by ``prop`` and could not be matched may
            # reach any element inside: each is taken as shown again.
            effect = "show" if prop in self.unknown else _winner(self.of(node), prop)
            if effect == "show":
                hidden[node.mem_id] = False
            elif effect == "hide":
                hidden[node.mem_id] = True
            else:
                hidden[node.mem_id] = inherited
        return texts


def hiding_roots(
    styles: Styles, candidates: Iterable[LexborNode], inside: LexborNode
) -> list[tuple[LexborNode, Property]]:
    """The elements of ``inside`` (not itself) that hide what they hold, each
    once, with the property that hides it: the ``candidates`` (elements
    whose inline style may hide, found by the caller) and every element a
    style sheet's rule reaches."""
    seen: set[int] = {inside.mem_id}
    out: list[tuple[LexborNode, Property]] = []
    for node in (*candidates, *styles.nodes.values()):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        prop = styles.hides(node)
        if prop is not None and inside_any(node, (inside.mem_id,)):
            out.append((node, prop))
    return out
