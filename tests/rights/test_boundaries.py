import subprocess
import sys

import planner.rights as rights


def test_planner_rights_never_imports_streamlit():
    code = "import sys, planner.rights; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_all_is_sorted_and_complete():
    assert rights.__all__ == sorted(rights.__all__)
    assert all(hasattr(rights, name) for name in rights.__all__)
