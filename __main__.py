"""``python -m dutygraph``: the command line."""
from dutygraph.main import cli

if __name__ == "__main__":
    cli(prog_name="dutygraph")
