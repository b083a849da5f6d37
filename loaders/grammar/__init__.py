"""The conventions of Chinese official documents that more than one stage reads.

- ``numerals``: Chinese numerals (一 … 九百九十九, 两, 〇) both ways, and ranges of items
  (``（一）至（五）项``).
- ``markers``: item markers (``一、`` ``（一）`` ``1.`` ``第七条`` ``①`` ``一是``), their
  conventional depth and printed form, and the forms they take inside a run-on page, a
  table cell or a sentence.
- The clause grammar (labels ``牵头单位：``, role verbs ``牵头 / 配合 / 落实 / 督促``) is
  ``stages/clauses.py``; unit names (office endings, level prefixes, lists) are
  ``stages/unitlist.py``.
"""
