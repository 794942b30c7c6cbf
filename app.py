"""Streamlit entry point: only routing (see ui/shell.py and ui/registry.py)."""
from ui.shell import main

main()
