// name: delete_all
// mode: write
// description: empty the benchmark's store before a round (on Neo4j every round uses the same database)
// params: none
MATCH (n) DETACH DELETE n
