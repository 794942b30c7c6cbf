from planner.rights import MAX_EVIDENCE_BYTES, check_evidence, evidence_dir, store_evidence, stored_evidence
from planner.rights.evidence import safe_file_name


def test_size_limits():
    assert check_evidence("a.m4a", MAX_EVIDENCE_BYTES) == []
    [big] = check_evidence("a.m4a", MAX_EVIDENCE_BYTES + 1)
    assert big.code == "file_too_large"
    assert big.message("zh") == "证据文件：文件 'a.m4a' 过大（25.0 MB，上限 25.0 MB）"
    assert "too large" in big.message("en")
    assert [i.code for i in check_evidence("a.png", 0)] == ["empty_evidence"]
    assert [i.code for i in check_evidence("..", 10)] == ["bad_file_name"]


def test_store_inside_data_dir(tmp_path):
    name, issues = store_evidence(tmp_path, "abc123", "../../outside.png", b"png")
    assert issues == [] and name == "outside.png"
    assert (evidence_dir(tmp_path, "abc123") / "outside.png").read_bytes() == b"png"
    assert evidence_dir(tmp_path, "abc123").parent == tmp_path / "evidence"
    assert not (tmp_path.parent / "outside.png").exists()
    again, _ = store_evidence(tmp_path, "abc123", "outside.png", b"2")
    assert again == "outside-2.png"
    assert [p.name for p in stored_evidence(tmp_path, "abc123")] == ["outside-2.png", "outside.png"]
    assert stored_evidence(tmp_path, "none") == []


def test_refused_file_not_written(tmp_path):
    name, issues = store_evidence(tmp_path, "x", "big.mp4", b"0" * 11, max_bytes=10)
    assert name is None and issues[0].code == "file_too_large"
    assert not (tmp_path / "evidence").exists()


def test_safe_names():
    assert safe_file_name('C:\\Users\\me\\录音?.m4a') == "录音_.m4a"
    assert safe_file_name("  .hidden ") == "hidden"
