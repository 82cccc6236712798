"""Two versions of one page (same id, changed text) are both stored, events and all (found by bench/fuzz.py:
the second version's new events took the ids of the first's and the whole batch failed)."""
from __future__ import annotations

from communique.model import Document
from communique.store import Store

FIRST = ("MOSCOW — Russian President Vladimir Putin arrived in Astana on Monday for a state visit to Kazakhstan, "
         "where he held talks with President Kassym-Jomart Tokayev.")
SECOND = ("LIMA — Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on Tuesday "
          "to discuss fisheries and the border.")


def test_a_changed_page_under_a_known_id_is_kept_with_its_events(extractor, tmp_path):
    first, second = extractor.pipe([Document(id="page", raw_text=FIRST, published="2023-11-06"),
                                    Document(id="page", raw_text=SECOND, published="2023-11-06")])
    assert first.events and second.events
    with Store(str(tmp_path / "x.db")) as store:
        a = store.ingest([first])
        b = store.ingest([second])
        assert a["added"] == 1 and b["added"] == 1 and b["errors"] == 0
        assert store.count_documents() == 2
