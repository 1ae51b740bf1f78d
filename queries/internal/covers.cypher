// name: covers
// description: every jurisdiction pair: an office of education and a government it covers
// params: none
MATCH (o:Actor)-[:COVERS]->(g:Actor)
RETURN DISTINCT o.id AS office, g.id AS government
