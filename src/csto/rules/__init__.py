"""Treaty and Charter rules as pure functions of a Snapshot and a question.

Each module holds one family of rules; each function returns an answer whose findings
cite the articles, in the wording in force on the day asked, that produce them; their
answer types are in ``answers``. It may import ``record`` and ``csto.errors`` only: no
rule reads files, the clock or a database.
"""
