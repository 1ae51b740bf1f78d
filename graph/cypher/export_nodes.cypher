// name: export_nodes
// description: every node with its labels and properties, for exports
// params: none
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
