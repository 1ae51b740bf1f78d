"""Every Cypher statement of the project passes Neo4j's own parser.

Statements come from every .cypher file (each template rendered with every
schema label or type it admits) and from any Python string literal that reads
as Cypher. They are checked with ``lintCypherQuery`` of the npm package
``@neo4j-cypher/language-support`` under node. A missing
node or package fails the test with the command that installs it.
"""

import ast
import json
import re
import subprocess


from edugraph.graph.cypher import iter_cypher_files, parse_cypher
from edugraph.graph.schema import load_schema

from .conftest import ROOT
from .parts import node_package

PACKAGES = {"edugraph.graph": ["cypher", "cypher/falkordb", "cypher/neo4j"], "edugraph.loaders": ["cypher"],
            "edugraph.queries": ["", "internal", "browser"]}
CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL MATCH|UNWIND|MERGE|CREATE|RETURN|WITH|CALL)\b")


def _statements():
    schema = load_schema()
    out = []
    for package, folders in PACKAGES.items():
        for folder in folders:
            try:
                files = list(iter_cypher_files(package, folder))
            except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
                continue
            for f in files:
                for i, text in enumerate(f.renderings(schema)):
                    out.append({"name": f"{f.path}#{i}", "query": text, "parameters": {p: None for p in f.params}})
    for path in sorted((ROOT / "benchmarks" / "cypher").glob("*.cypher")):
        f = parse_cypher(path.stem, str(path), path.read_text(encoding="utf-8"))
        for i, text in enumerate(f.renderings(schema)):
            out.append({"name": f"{f.path}#{i}", "query": text, "parameters": {p: None for p in f.params}})
    for folder in ("edugraph", "graph", "loaders", "queries", "viz"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and CYPHER_START.match(node.value) \
                        and re.search(r"\b(RETURN|SET|DELETE)\b", node.value) and "{{" not in node.value:
                    params = set(re.findall(r"\$([A-Za-z_]\w*)", node.value))
                    out.append({"name": f"{path.name}:{node.lineno}", "query": node.value,
                                "parameters": {p: None for p in params}})
    schema_names = {"labels": [*schema.nodes, schema.actor_label], "relationshipTypes": list(schema.relationships)}
    return [{**s, **schema_names} for s in out]


def _linter():
    return node_package("@neo4j-cypher/language-support")


def test_every_statement_passes_the_neo4j_parser():
    node = _linter()
    statements = _statements()
    assert len(statements) > 50  # templates rendered for every label and type
    proc = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "lint_cypher.cjs")], input=json.dumps(statements),
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    failures = [r for r in json.loads(proc.stdout) if r["errors"]]
    assert failures == [], failures[:5]


def test_the_linter_catches_errors():
    node = _linter()
    bad = [{"name": "bad", "query": "MATCH (n RETURN n", "parameters": {}, "labels": [], "relationshipTypes": []}]
    proc = subprocess.run([node, str(ROOT / "tests" / "js" / "lint_cypher.cjs")], input=json.dumps(bad),
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert json.loads(proc.stdout)[0]["errors"]
