"""The in-memory index over bundled rows and user dictionaries, built once per process.

Lookups: a full name or alias (case-, accent- and spelling-insensitive), a bare surname
when exactly one holder of an office on the day carries it, and a title plus a country on
a day ("the Kazakh president" on 2019-06-01 → the holder then). User entries win: a key
that any user entry carries hides the bundled rows with that key.
"""
from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from typing import Iterable, Optional

from communique.kb.dictionaries import UserDictionary, read_dictionary
from communique.kb.keys import fold_key, full_key, plain_key, surname_keys
from communique.kb.load import load_orgs, load_posts
from communique.kb.model import Org, Post

DICT_ENV = "COMMUNIQUE_ACTORS_DICT"
#: which post speaks for a person when several are held on one day
_ROLE_RANK = {r: n for n, r in enumerate(("head_of_state", "head_of_government", "org_head", "vice_president",
                                           "foreign_minister", "defence_minister", "finance_minister",
                                           "interior_minister", "speaker", "central_bank_governor",
                                           "un_ambassador", "org_deputy_head", "other_minister",
                                           "opposition_leader"))}


_REGNAL = re.compile(r"\s+(?:I|II|III|IV|V|VI|VII|VIII)$")


class KnowledgeBase:
    def __init__(self, posts: Iterable[Post], orgs: Iterable[Org] = (), user: Optional[UserDictionary] = None):
        self.user = user or UserDictionary()
        self.posts: dict[str, list[Post]] = defaultdict(list)
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_surname_exact: dict[str, set[str]] = defaultdict(set)     # folded only: "Xi" is not "Xie"
        self.by_office: dict[tuple[str, str], list[Post]] = defaultdict(list)
        self.title_roles: dict[str, str] = {}
        self.orgs: dict[str, Org] = {}
        self.org_names: dict[str, Org] = {}
        bundled = list(posts)
        self.user_names: dict[str, Post] = {}
        for p in self.user.posts:
            for n in [p.name, *p.aliases]:
                self.user_names.setdefault(full_key(n), p)
        user_keys = set(self.user_names)
        for p in bundled:
            if any(full_key(n) in user_keys for n in [p.name, *p.aliases]):
                continue        # the user's entry for this name wins
            self._add(p)
        for p in self.user.posts:
            self._add(p)
        for o in orgs:
            self.orgs[o.org_id] = o
            for n in [o.name, o.org_id, *o.aliases]:
                self.org_names.setdefault(plain_key(n), o)

    def _add(self, p: Post) -> None:
        self.posts[p.person_id].append(p)
        for n in [p.name, *p.aliases]:
            # "King Abdullah II" is also written "King Abdullah": the regnal number is often left out
            bare = _REGNAL.sub("", n)
            for form in {n, bare} if len(bare.split()) > 1 else {n}:     # never a lone "Hassan" for "Hassan II"
                k = full_key(form)
                if k:
                    self.by_name[k].add(p.person_id)
        for k in surname_keys(p.name, p.country):
            self.by_surname[k].add(p.person_id)
        for k in surname_keys(p.name, p.country, exact=True):
            self.by_surname_exact[k].add(p.person_id)
        office = p.country or p.org
        if office and p.role:
            self.by_office[(office, p.role)].append(p)
        if p.title and p.role:
            self.title_roles.setdefault(p.title.lower(), p.role)

    # -- lookups ---------------------------------------------------------
    def __len__(self) -> int:
        return sum(len(v) for v in self.posts.values())

    def person_ids(self, name: str) -> set[str]:
        return set(self.by_name.get(full_key(name), ()))

    def link(self, name: str, day: Optional[str]) -> Optional[str]:
        """The person id a full name or alias denotes; when several share it, the one in office on ``day``."""
        ids = self.person_ids(name)
        if len(ids) > 1:
            ids = {i for i in ids if self.posts_on(i, day)} or ids
        return next(iter(ids)) if len(ids) == 1 else None

    def link_surname(self, surname: str, day: Optional[str]) -> Optional[str]:
        """A bare surname ("Kishida") → the one person of that surname in office on ``day``, else None."""
        if not day:
            return None
        exact = {i for i in self.by_surname_exact.get(fold_key(surname), ()) if self.posts_on(i, day)}
        if len(exact) == 1:
            return next(iter(exact))
        ids = {i for i in self.by_surname.get(full_key(surname), ()) if self.posts_on(i, day)}
        return next(iter(ids)) if len(ids) == 1 and not exact else None

    def posts_on(self, person_id: str, day: Optional[str]) -> list[Post]:
        held = [p for p in self.posts.get(person_id, ()) if p.held_on(day)]
        return sorted(held, key=lambda p: (p.origin == "bundled", _ROLE_RANK.get(p.role or "", 99)))

    def post_on(self, person_id: str, day: Optional[str]) -> Optional[Post]:
        held = self.posts_on(person_id, day)
        return held[0] if held else None

    def country_of(self, person_id: str, day: Optional[str]) -> Optional[str]:
        """The state a person serves on ``day``, else the one of their latest earlier (or any) national post."""
        held = [p for p in self.posts_on(person_id, day) if p.country]
        if held:
            return held[0].country
        posts = [p for p in self.posts.get(person_id, ()) if p.country]
        if not posts:
            return None
        if day:
            before = [p for p in posts if (p.start or "") <= day]
            posts = before or posts
        return max(posts, key=lambda p: p.start or "").country

    def name_of(self, person_id: str) -> str:
        posts = self.posts.get(person_id)
        return posts[0].name if posts else person_id

    def holder(self, office: str, role: str, day: Optional[str]) -> Optional[Post]:
        """Who held ``role`` for a country or organization on ``day`` (an acting holder only when alone)."""
        held = [p for p in self.by_office.get((office, role), ()) if p.held_on(day)]
        if len(held) > 1:
            held = [p for p in held if not (p.title or "").lower().startswith(("acting", "interim"))] or held
        return held[0] if len({p.person_id for p in held}) == 1 else None

    def role_of_title(self, title: str) -> Optional[str]:
        return self.title_roles.get(title.lower())

    def org(self, name: str) -> Optional[Org]:
        return self.org_names.get(plain_key(name))

    def user_entry(self, name: str) -> Optional[Post]:
        """The user dictionary's entry for a name (country, body or person), if any."""
        return self.user_names.get(full_key(name)) if self.user_names else None

    def agent_sector(self, title: str) -> Optional[str]:
        return self.user.agents.get(title.lower())


def dictionary_paths() -> tuple[str, ...]:
    raw = os.environ.get(DICT_ENV, "")
    return tuple(p for p in raw.split(os.pathsep) if p)


def use_dictionaries(paths: Iterable[str]) -> None:
    """Layer these user dictionaries over the bundled KB in this process and the workers it starts."""
    paths = [os.path.abspath(p) for p in paths]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise FileNotFoundError(f"actor dictionary not found: {missing[0]}")
    if paths:
        os.environ[DICT_ENV] = os.pathsep.join(paths)
    else:
        os.environ.pop(DICT_ENV, None)


def knowledge_base() -> KnowledgeBase:
    """The process-wide index for the dictionaries named now (loaded on first use)."""
    return _build(dictionary_paths())


@functools.lru_cache(maxsize=4)
def _build(paths: tuple[str, ...]) -> KnowledgeBase:
    user = UserDictionary()
    for path in paths:
        read_dictionary(path, user)
    return KnowledgeBase(load_posts(), load_orgs(), user)
