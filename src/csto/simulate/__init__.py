"""The collective-assistance procedure simulated: once as a logged process (SimPy), or
many times as a Monte Carlo sweep (NumPy, Dask for the largest).

It uses the rules' structured results and never derives an answer again. It may import
``record``, ``rules``, ``store``, ``scenario``, ``questions`` and ``present``, never
``export``, ``factcheck`` or the interfaces.
"""
