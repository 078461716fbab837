"""The fact checker: a text's claims about the CSTO, each judged against the record.

Reading (gazetteer, lemmas, polarity, dates, numbers) turns a text into claims; each claim
is a proposition over the registry's questions, evaluated by asking them. It may import
``record``, ``rules``, ``questions`` and ``present``, never ``export``, ``simulate`` or the
interfaces.
"""
