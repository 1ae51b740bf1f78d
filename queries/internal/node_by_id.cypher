// name: node_by_id
// description: a node given by its id, for arguments written as ids (lg_41570)
// params: id — the node id
MATCH (n {id: $id})
RETURN n.id AS id, n.name_ko AS name_ko, [l IN labels(n) WHERE l <> 'Actor'][0] AS label,
       n.province_ko AS province_ko
