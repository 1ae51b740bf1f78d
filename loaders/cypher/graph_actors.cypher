// name: graph_actors
// mode: read
// description: every actor with its labels, name and aliases, for scoring the graph against gold names
// params:
MATCH (a:Actor)
RETURN a.id AS id, labels(a) AS labels, a.name_ko AS name, a.aliases AS aliases
