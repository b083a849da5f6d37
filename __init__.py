"""dutygraph: read Chinese government work plans and show who is responsible for what.

The checkout's root folder is this package (setup.cfg maps it with ``package_dir``):
``dutygraph.loaders``, ``dutygraph.graph``, ``dutygraph.reports``, ``dutygraph.data``,
``dutygraph.main`` (the command line).
"""
