"""Presenting answers: the one JSON form, text and HTML for people, labels and i18n.

Nothing here decides anything: it reads answers and writes them in the reader's language.
It may import ``record``, ``rules``, ``scenario`` and ``questions``, never the interfaces.
"""
