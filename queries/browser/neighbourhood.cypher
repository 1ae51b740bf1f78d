// name: neighbourhood
// mode: read
// description: an actor and everything tied to it, as a graph for Neo4j Browser (drawn with edugraph.grass)
// params: actor — id of the actor (edugraph resolve NAME)
// params: limit — most ties to draw
MATCH p = (a:Actor {id: $actor})-[:COOPERATES_WITH|SIGNED|MEMBER_OF|PARTICIPATES_IN|COVERS|HEADS]-()
RETURN p
LIMIT $limit
