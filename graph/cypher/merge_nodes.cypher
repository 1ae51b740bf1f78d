// name: merge_nodes
// mode: write
// description: create or update nodes by id; `props` only on create, `update` always
// params: rows — list of {id, props, update}
// template: labels=node_labels — the node's label and, for organisations, Actor
UNWIND $rows AS row
MERGE (n:{{labels}} {id: row.id})
ON CREATE SET n += row.props
SET n += row.update
RETURN count(n) AS written
