"""The knowledge base of political actors: dated person–role–period rows and organizations.

Why a package of its own: the actor stage, the store and the CLI all ask the same questions
("who is Tokayev on 2018-05-01?", "who was the Kazakh president then?"), and the rows are
loaded once per process, lazily, from data files under ``communique/data/kb``. User
dictionaries (PETRARCH/CAMEO or CSV) are layered on top and win over the bundled rows.
"""
from communique.kb.index import KnowledgeBase, knowledge_base, use_dictionaries  # noqa: F401
from communique.kb.model import Org, Post  # noqa: F401
