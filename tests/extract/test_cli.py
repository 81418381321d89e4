"""`vnkg extract`: files to a folder, one file to stdout, stdin, and a clear one-line error."""

import json

from typer.testing import CliRunner

from vnkg.cli import app

from .conftest import CORPUS, assert_valid

runner = CliRunner()


def test_files_to_a_folder(tmp_path):
    files = [str(p) for p in sorted(CORPUS.glob("dev/*.txt"))[:3]]
    result = runner.invoke(app, ["extract", *files, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["d001.facts.json", "d002.facts.json", "d003.facts.json"]
    for path in tmp_path.iterdir():
        assert_valid(json.loads(path.read_text(encoding="utf-8")))


def test_one_file_to_stdout_and_stdin():
    result = runner.invoke(app, ["extract", str(CORPUS / "dev" / "d009.txt")])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["article"]["id"] == "a-544eb35862b5"
    result = runner.invoke(app, ["extract", "-"], input="Ngày 10/3, tại tỉnh Bắc Giang, Hội nghị tổng kết.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"][0]["location"] == "Bắc Giang"


def test_missing_and_binary_files_give_one_line_errors(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(binary), str(tmp_path / "nope.txt"), str(empty), "--out", str(out)])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 2
    assert str(binary) in lines[0] and "binary" in lines[0]
    assert "nope.txt" in lines[1]
    assert "Traceback" not in result.output
    assert_valid(json.loads((out / "empty.facts.json").read_text(encoding="utf-8")))
