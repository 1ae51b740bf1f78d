// Reads [{name, query, parameters, labels, relationshipTypes}] as JSON on stdin and
// prints [{name, errors: [...]}] after running Neo4j's own parser (lintCypherQuery).
const { lintCypherQuery } = require('@neo4j-cypher/language-support');
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const items = JSON.parse(input);
  const out = items.map((it) => {
    const schema = {
      labels: it.labels,
      relationshipTypes: it.relationshipTypes,
      parameters: it.parameters,
    };
    const res = lintCypherQuery(it.query, schema);
    const diags = (res.diagnostics || res || []).filter((d) => d.severity === 1);
    return { name: it.name, errors: diags.map((d) => d.message) };
  });
  process.stdout.write(JSON.stringify(out));
});
