// name: raw_nodes
// mode: write
// description: the engine's ceiling for nodes: the writer's rows through a bare MERGE … SET
// params: rows — list of {id, props, update}
// template: labels=node_labels — the node's label and, for organisations, Actor
UNWIND $rows AS row
MERGE (n:{{labels}} {id: row.id})
SET n += row.props
