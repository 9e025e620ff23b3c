"""The Qt layer, one package per feature; `application.py` composes them.

It calls `core` for everything that touches the database and never imports `cli`.
"""
