// name: export_relationships
// description: every relationship with its ends, type and properties, for exports
// params: none
MATCH (a)-[r]->(b)
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props
ORDER BY src, type, dst
