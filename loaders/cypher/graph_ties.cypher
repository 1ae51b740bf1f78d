// name: graph_ties
// mode: read
// description: the graph's cooperation ties for scoring: joint events, and two actors who signed one agreement (not a signing only announced); each pair once, as ids
// params:
MATCH (a:Actor)-[:COOPERATES_WITH]-(b:Actor)
WHERE a.id < b.id
RETURN a.id AS a, b.id AS b
UNION
MATCH (a:Actor)-[s:SIGNED]->(g:Agreement)<-[t:SIGNED]-(b:Actor)
WHERE a.id < b.id AND s.signed = true AND t.signed = true
RETURN a.id AS a, b.id AS b
