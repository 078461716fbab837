"""The questions csto answers: the registry of questions, the Python API that answers them, and the answers.

The registry declares each question once; the API functions check plain inputs, take the
snapshot of the day and ask the rules; listings answer the questions that are lookups;
caveats add what every answer owes its reader. It may import ``record``, ``rules``,
``scenario`` and ``store``, never ``present`` or the interfaces.
"""
